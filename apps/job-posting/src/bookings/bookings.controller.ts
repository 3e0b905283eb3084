import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentAccount, Roles, type SignedInAccount } from '@lingong/identity';
import { RatingsService } from '../ratings/ratings.service';
import { bookingView } from './booking.view';
import { BookingLifecycleService } from './booking-lifecycle.service';
import { BookingQueriesService } from './booking-queries.service';
import { ReasonDto, ListBookingsQuery, RateDto } from './dto/booking.dto';

@ApiTags('bookings')
@ApiBearerAuth()
@Controller('bookings')
export class BookingsController {
  constructor(
    private readonly lifecycle: BookingLifecycleService,
    private readonly queries: BookingQueriesService,
    private readonly ratings: RatingsService,
  ) {}

  @Get()
  async list(@CurrentAccount() account: SignedInAccount, @Query() query: ListBookingsQuery) {
    return { items: (await this.queries.list(account, query)).map(bookingView) };
  }

  /** Staff: completed work past its settlement date and not marked paid, to help people claim wages. */
  @Roles('staff')
  @Get('unpaid')
  async unpaid() {
    return { items: await this.queries.unpaid() };
  }

  @Roles('employer', 'staff')
  @Post(':id/check-in')
  @HttpCode(200)
  async checkIn(@CurrentAccount() account: SignedInAccount, @Param('id', ParseUUIDPipe) id: string) {
    return bookingView(await this.lifecycle.checkIn(account, id));
  }

  @Roles('employer', 'staff')
  @Post(':id/check-out')
  @HttpCode(200)
  async checkOut(@CurrentAccount() account: SignedInAccount, @Param('id', ParseUUIDPipe) id: string) {
    return bookingView(await this.lifecycle.checkOut(account, id));
  }

  @Roles('employer', 'staff')
  @Post(':id/no-show')
  @HttpCode(200)
  async noShow(@CurrentAccount() account: SignedInAccount, @Param('id', ParseUUIDPipe) id: string) {
    return bookingView(await this.lifecycle.noShow(account, id));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  async cancel(@CurrentAccount() account: SignedInAccount, @Param('id', ParseUUIDPipe) id: string, @Body() body: ReasonDto) {
    return bookingView(await this.lifecycle.cancel(account, id, body.reason));
  }

  /** The seeker says they are coming (as a reply of 1 to the evening SMS does); unconfirmed bookings are released. */
  @Roles('worker')
  @Post(':id/confirm-attendance')
  @HttpCode(200)
  async confirmAttendance(@CurrentAccount() account: SignedInAccount, @Param('id', ParseUUIDPipe) id: string) {
    return bookingView(await this.lifecycle.confirmAttendance(account, id));
  }

  @Roles('employer', 'staff')
  @Post(':id/paid')
  @HttpCode(200)
  async paid(@CurrentAccount() account: SignedInAccount, @Param('id', ParseUUIDPipe) id: string) {
    return bookingView(await this.lifecycle.markPaid(account, id));
  }

  @Roles('worker')
  @Post(':id/payment-received')
  @HttpCode(200)
  async paymentReceived(@CurrentAccount() account: SignedInAccount, @Param('id', ParseUUIDPipe) id: string) {
    return bookingView(await this.lifecycle.confirmPaymentReceived(account, id));
  }

  @Roles('employer', 'worker', 'staff')
  @Post(':id/rating')
  async rate(@CurrentAccount() account: SignedInAccount, @Param('id', ParseUUIDPipe) id: string, @Body() body: RateDto) {
    return this.ratings.rate(account, id, body.stars, body.comment);
  }
}
