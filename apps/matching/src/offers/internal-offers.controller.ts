import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsUUID } from 'class-validator';
import { Roles } from '@lingong/identity';
import { internalRoutes, OFFERS_SENT_AT_ONCE, type InternalAnswer, type InternalBody } from '@lingong/internal-api';
import { OffersService } from './offers.service';

export class MatchingRunDto implements InternalBody<typeof internalRoutes.runMatching> {
  @IsUUID()
  shiftId!: string;
}

export class OffersToSendDto implements InternalBody<typeof internalRoutes.sendOffers> {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(OFFERS_SENT_AT_ONCE)
  @IsUUID(undefined, { each: true })
  offerIds!: string[];
}

/** Called by the worker app: a matching run when a shift opens, an offer's send, an expiry when its time is up (or the sweep finds it overdue), a seeker's erasure. */
@ApiExcludeController()
@Controller()
export class InternalOffersController {
  constructor(private readonly offers: OffersService) {}

  @Roles('service')
  @Post(internalRoutes.runMatching.path)
  @HttpCode(200)
  async run(@Body() body: MatchingRunDto): Promise<InternalAnswer<typeof internalRoutes.runMatching>> {
    return this.offers.run(body.shiftId);
  }

  /** The worker app's erasure flow: the seeker's open offers are withdrawn and no offer keeps their phone. */
  @Roles('service')
  @Post(internalRoutes.eraseSeekerInMatching.path)
  @HttpCode(200)
  async eraseSeeker(@Param('id', ParseUUIDPipe) id: string): Promise<InternalAnswer<typeof internalRoutes.eraseSeekerInMatching>> {
    return this.offers.eraseSeeker(id);
  }

  /** The worker is about to send the offers' SMS: for each, send (and until when it stands), wait until the quiet hours end, or nothing. */
  @Roles('service')
  @Post(internalRoutes.sendOffers.path)
  @HttpCode(200)
  async send(@Body() body: OffersToSendDto): Promise<InternalAnswer<typeof internalRoutes.sendOffers>> {
    return { decisions: await this.offers.send(body.offerIds) };
  }

  @Roles('service')
  @Post(internalRoutes.expireOffer.path)
  @HttpCode(200)
  async expire(@Param('id', ParseUUIDPipe) id: string): Promise<InternalAnswer<typeof internalRoutes.expireOffer>> {
    return { done: true, outcome: await this.offers.expire(id) };
  }
}
