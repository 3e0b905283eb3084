import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { Roles } from '@lingong/identity';
import { internalRoutes, type InternalAnswer, type InternalBookingRequest, type SeekerAnswerRequest } from '@lingong/internal-api';
import { bookingView } from '../booking.view';
import { BookingLifecycleService } from '../booking-lifecycle.service';
import { BookingsService } from '../bookings.service';

export class InternalBookingDto implements InternalBookingRequest {
  @IsUUID()
  shiftId!: string;

  @IsUUID()
  workerId!: string;

  @IsIn(['offer', 'referral', 'dispatch'])
  source!: 'offer' | 'referral' | 'dispatch';

  /** The offer's id, or a dispatch plan's id with shift and seeker: asking again answers the same booking. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  idempotencyKey?: string;
}

/** A seeker's SMS answer, matched to the seeker by the matching service from the sender's phone. */
export class SeekerAnswerDto implements SeekerAnswerRequest {
  @IsUUID()
  workerId!: string;
}

/**
 * For the other services, not forwarded by the front door. Matching books (offers accepted,
 * referrals, dispatch: the same one booking path, with its SHIFT_FULL / DOUBLE_BOOKING answers)
 * and passes on seekers' SMS answers; the worker app's reminders ask and release.
 */
@ApiExcludeController()
@Controller()
export class InternalBookingsController {
  constructor(
    private readonly bookings: BookingsService,
    private readonly lifecycle: BookingLifecycleService,
  ) {}

  @Roles('service')
  @Post(internalRoutes.book.path)
  async book(@Body() body: InternalBookingDto): Promise<InternalAnswer<typeof internalRoutes.book>> {
    return bookingView(await this.bookings.book(body));
  }

  @Roles('service')
  @Post(internalRoutes.requestAttendance.path)
  @HttpCode(200)
  async requestAttendance(@Param('id', ParseUUIDPipe) id: string): Promise<InternalAnswer<typeof internalRoutes.requestAttendance>> {
    return { asking: await this.lifecycle.requestAttendance(id) };
  }

  @Roles('service')
  @Post(internalRoutes.releaseUnconfirmed.path)
  @HttpCode(200)
  async releaseUnconfirmed(@Param('id', ParseUUIDPipe) id: string): Promise<InternalAnswer<typeof internalRoutes.releaseUnconfirmed>> {
    return { released: await this.lifecycle.releaseUnconfirmed(id) };
  }

  @Roles('service')
  @Post(internalRoutes.confirmAttendance.path)
  @HttpCode(200)
  async confirmAttendance(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SeekerAnswerDto,
  ): Promise<InternalAnswer<typeof internalRoutes.confirmAttendance>> {
    return bookingView(await this.lifecycle.confirmAttendanceForSeeker(id, body.workerId));
  }

  @Roles('service')
  @Post(internalRoutes.cancelForSeeker.path)
  @HttpCode(200)
  async cancel(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SeekerAnswerDto,
  ): Promise<InternalAnswer<typeof internalRoutes.cancelForSeeker>> {
    return bookingView(await this.lifecycle.cancelForSeeker(id, body.workerId, '短信回复2：来不了 / Replied 2 by SMS: not coming'));
  }
}
