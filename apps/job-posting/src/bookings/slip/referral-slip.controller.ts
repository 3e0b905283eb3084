import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiSchema, ApiTags } from '@nestjs/swagger';
import { payUnits, settlements, toMarketIso, type PayUnit, type Settlement } from '@lingong/domain';
import { Roles } from '@lingong/identity';
import { ApiErrors, NotFoundDomainException } from '@lingong/platform';
import { ReferralSlipRepository } from './referral-slip.repository';

@ApiSchema({ name: 'ReferralSlipPay' })
export class ReferralSlipPayDto {
  @ApiProperty({ type: 'integer', description: 'integer fen (分), fixed at booking', example: 22000 })
  amountFen!: number;

  @ApiProperty({ enum: payUnits })
  unit!: PayUnit;

  @ApiProperty({ enum: settlements })
  settlement!: Settlement;
}

@ApiSchema({ name: 'ReferralSlip', description: '介绍信/派工单: what a person without a phone carries to the job.' })
export class ReferralSlipDto {
  @ApiProperty({ format: 'uuid', description: 'the booking number' })
  bookingId!: string;

  @ApiProperty({ enum: ['confirmed', 'checked_in', 'completed', 'no_show', 'cancelled'] })
  status!: string;

  @ApiProperty({ enum: ['application', 'offer', 'referral', 'dispatch'] })
  source!: string;

  @ApiProperty({ format: 'date-time' })
  bookedAt!: string;

  @ApiProperty({ example: '王建国' })
  seekerName!: string;

  @ApiProperty({ format: 'uuid' })
  shiftId!: string;

  @ApiProperty({ example: '仓库搬运 日结' })
  title!: string;

  @ApiProperty({ example: '永中街道' })
  street!: string;

  @ApiProperty({ example: '龙湾区永中街道某仓库' })
  address!: string;

  @ApiProperty({ format: 'date-time', example: '2026-12-02T08:00:00+08:00' })
  startsAt!: string;

  @ApiProperty({ format: 'date-time', example: '2026-12-02T17:00:00+08:00' })
  endsAt!: string;

  @ApiProperty({ type: ReferralSlipPayDto })
  pay!: ReferralSlipPayDto;

  @ApiProperty({ example: '龙湾某鞋业有限公司' })
  employerName!: string;

  @ApiProperty({ example: '陈经理' })
  contactName!: string;

  @ApiProperty({ type: String, nullable: true, example: '13600000001', description: 'null when the employer has no sign-in of its own' })
  contactPhone!: string | null;
}

/** The referral desk prints a slip for a person without a phone: the booking and where to go, whom to ask for. */
@ApiTags('bookings')
@ApiBearerAuth()
@Controller('bookings')
export class ReferralSlipController {
  constructor(private readonly slips: ReferralSlipRepository) {}

  @ApiOperation({
    summary: 'A booking’s referral slip (介绍信/派工单), staff',
    description: 'Shift, address, time, pay, contact and the booking number, for printing at the referral desk.',
  })
  @ApiOkResponse({ type: ReferralSlipDto })
  @ApiErrors(404)
  @Roles('staff')
  @Get(':id/slip')
  async slip(@Param('id', ParseUUIDPipe) id: string): Promise<ReferralSlipDto> {
    const row = await this.slips.find(id);
    if (!row) throw new NotFoundDomainException('Booking');
    const { payAmountFen, payUnit, settlement, bookedAt, startsAt, endsAt, ...rest } = row;
    return {
      ...rest,
      bookedAt: toMarketIso(bookedAt),
      startsAt: toMarketIso(startsAt),
      endsAt: toMarketIso(endsAt),
      pay: { amountFen: payAmountFen, unit: payUnit, settlement },
    };
  }
}
