import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { Roles } from '@lingong/identity';
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

  @Roles('staff')
  @Post()
  refer(@Body() body: ReferralDto) {
    return this.bookings.book(body.shiftId, body.workerId, 'referral');
  }
}
