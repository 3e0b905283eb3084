import { Body, Controller, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { Roles } from '@lingong/identity';
import { bookingView } from '../booking.view';
import { BookingsService } from '../bookings.service';

export class InternalBookingDto {
  @IsUUID()
  shiftId!: string;

  @IsUUID()
  workerId!: string;

  @IsIn(['offer', 'referral', 'dispatch'])
  source!: 'offer' | 'referral' | 'dispatch';
}

/**
 * Bookings made by the matching service (offers accepted, referrals, dispatch): the same one
 * booking path, with its SHIFT_FULL / DOUBLE_BOOKING answers. Not forwarded by the front door.
 */
@ApiExcludeController()
@Controller('internal/bookings')
export class InternalBookingsController {
  constructor(private readonly bookings: BookingsService) {}

  @Roles('service')
  @Post()
  async book(@Body() body: InternalBookingDto) {
    return bookingView(await this.bookings.book(body));
  }
}
