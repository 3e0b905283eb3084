import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { Roles } from '@lingong/identity';
import { OffersService } from './offers.service';

export class MatchingRunDto {
  @IsUUID()
  shiftId!: string;
}

/** Called by the worker app: a matching run when a shift opens, an offer's send, an expiry when its time is up (or the sweep finds it overdue), a seeker's erasure. */
@ApiExcludeController()
@Controller('internal')
export class InternalOffersController {
  constructor(private readonly offers: OffersService) {}

  @Roles('service')
  @Post('matching/runs')
  @HttpCode(200)
  async run(@Body() body: MatchingRunDto) {
    return { offered: await this.offers.offerNext(body.shiftId) };
  }

  /** The worker app's erasure flow: the seeker's open offers are withdrawn and no offer keeps their phone. */
  @Roles('service')
  @Post('seekers/:id/erasure')
  @HttpCode(200)
  async eraseSeeker(@Param('id', ParseUUIDPipe) id: string) {
    return this.offers.eraseSeeker(id);
  }

  /** The worker is about to send the offer's SMS: send (and until when it stands), wait until the quiet hours end, or nothing. */
  @Roles('service')
  @Post('offers/:id/send')
  @HttpCode(200)
  async send(@Param('id', ParseUUIDPipe) id: string) {
    return this.offers.send(id);
  }

  @Roles('service')
  @Post('offers/:id/expire')
  @HttpCode(200)
  async expire(@Param('id', ParseUUIDPipe) id: string) {
    return { done: true, outcome: await this.offers.expire(id) };
  }
}
