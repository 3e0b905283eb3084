import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { CurrentAccount, Roles, type SignedInAccount } from '@lingong/identity';
import { ApiErrors, ListOf, type List } from '@lingong/platform';
import { BookingDto } from '../bookings-client/booking-answer.dto';
import { CandidatesService } from '../candidates/candidates.service';
import { DeclinedOfferDto, OfferDto, OffersMadeDto } from './dto/offer-answer.dto';
import { OffersService } from './offers.service';

export class MakeOffersDto {
  @ApiPropertyOptional({ description: 'how many more people to ask (default: two per remaining place)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  count?: number;
}

@ApiTags('offers')
@ApiBearerAuth()
@Controller()
export class OffersController {
  constructor(
    private readonly offers: OffersService,
    private readonly candidates: CandidatesService,
  ) {}

  /** SMS offers to the best candidates not yet asked. */
  @ApiOperation({
    summary: 'Send SMS offers to the best candidates not yet asked',
    description: 'Only to those who consent to SMS; never more than OFFERS_PER_PLACE × places left outstanding.',
  })
  @ApiAcceptedResponse({ type: OffersMadeDto })
  @ApiErrors(404, [403, 'EMPLOYER_SUSPENDED'])
  @Roles('employer', 'staff')
  @Post('matching/shifts/:id/offers')
  @HttpCode(202)
  async make(
    @CurrentAccount() account: SignedInAccount,
    @Param('id', ParseUUIDPipe) shiftId: string,
    @Body() body: MakeOffersDto,
  ): Promise<OffersMadeDto> {
    return { offered: await this.offers.offerOnRequest(await this.candidates.managedShift(account, shiftId), body.count) };
  }

  @ApiOperation({ summary: 'The signed-in seeker’s offers' })
  @ApiOkResponse({ type: ListOf(OfferDto) })
  @ApiErrors([409, 'WORKER_PROFILE_REQUIRED'])
  @Roles('worker')
  @Get('offers')
  async mine(@CurrentAccount() account: SignedInAccount): Promise<List<OfferDto>> {
    return { items: await this.offers.mine(await this.candidates.requireWorkerId(account)) };
  }

  @ApiOperation({ summary: 'Accept an offer: book the shift' })
  @ApiCreatedResponse({ type: BookingDto })
  @ApiErrors(
    404,
    [
      409,
      'OFFER_CLOSED',
      'OFFER_EXPIRED',
      'SHIFT_FULL',
      'SHIFT_NOT_OPEN',
      'DOUBLE_BOOKING',
      'WORKER_PROFILE_REQUIRED',
      'WORKER_NOT_ACTIVE',
      'EMPLOYER_SUSPENDED',
    ],
    [422, 'PART_TIME_HOURS_EXCEEDED'],
  )
  @Roles('worker')
  @Post('offers/:id/accept')
  async accept(@CurrentAccount() account: SignedInAccount, @Param('id', ParseUUIDPipe) id: string) {
    return this.offers.accept(id, await this.candidates.requireWorkerId(account));
  }

  @ApiOperation({ summary: 'Decline an offer', description: 'The next candidate is asked.' })
  @ApiOkResponse({ type: DeclinedOfferDto })
  @ApiErrors(404, [409, 'OFFER_CLOSED', 'OFFER_EXPIRED', 'WORKER_PROFILE_REQUIRED'])
  @Roles('worker')
  @Post('offers/:id/decline')
  @HttpCode(200)
  async decline(@CurrentAccount() account: SignedInAccount, @Param('id', ParseUUIDPipe) id: string): Promise<DeclinedOfferDto> {
    const offer = await this.offers.decline(id, await this.candidates.requireWorkerId(account));
    return { id: offer.id, shiftId: offer.shiftId, status: offer.status };
  }
}
