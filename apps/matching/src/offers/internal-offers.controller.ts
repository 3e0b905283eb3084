import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { Roles } from '@lingong/identity';
import { OffersService } from './offers.service';

export class MatchingRunDto {
  @IsUUID()
  shiftId!: string;
}

/** Called by the worker app: a matching run when a shift opens, an expiry when an offer's time is up, a seeker's erasure. */
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

  @Roles('service')
  @Post('offers/:id/expire')
  @HttpCode(200)
  async expire(@Param('id', ParseUUIDPipe) id: string) {
    await this.offers.expire(id);
    return { done: true };
  }
}
