import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { Roles } from '@lingong/identity';
import { ApiErrors } from '@lingong/platform';
import { BookingDto } from '../bookings-client/booking-answer.dto';
import { BookingsClient } from '../bookings-client/bookings.client';

export class ReferralDto {
  @ApiProperty()
  @IsUUID()
  shiftId!: string;

  @ApiProperty()
  @IsUUID()
  workerId!: string;
}

/** 职业介绍: staff at the referral desk book a seeker straight onto a shift. */
@ApiTags('matching')
@ApiBearerAuth()
@Controller('matching/referrals')
export class ReferralsController {
  constructor(private readonly bookings: BookingsClient) {}

  @ApiOperation({
    summary: 'Refer a seeker: book them straight onto a shift',
    description: '职业介绍 at the referral desk; the booking’s source is `referral`.',
  })
  @ApiCreatedResponse({ type: BookingDto })
  @ApiErrors(
    404,
    [409, 'SHIFT_FULL', 'SHIFT_NOT_OPEN', 'DOUBLE_BOOKING', 'ALREADY_BOOKED', 'WORKER_NOT_ACTIVE', 'EMPLOYER_SUSPENDED'],
    [422, 'PART_TIME_HOURS_EXCEEDED'],
  )
  @Roles('staff')
  @Post()
  refer(@Body() body: ReferralDto) {
    return this.bookings.book(body.shiftId, body.workerId, 'referral');
  }
}
