import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentAccount, Roles, type SignedInAccount } from '@lingong/identity';
import { ApiErrors, ListOf, type List } from '@lingong/platform';
import { RatingDto } from '../ratings/dto/rating-answer.dto';
import { RatingsService } from '../ratings/ratings.service';
import { bookingView } from './booking.view';
import { BookingLifecycleService } from './booking-lifecycle.service';
import { BookingQueriesService } from './booking-queries.service';
import { BookingDto, UnpaidBookingDto } from './dto/booking-answer.dto';
import { ReasonDto, ListBookingsQuery, RateDto } from './dto/booking.dto';

/** The lifecycle steps answer 404 for a booking not the caller's, 403 for the wrong side, 409 for the wrong status. */
const stepErrors = [[403, 'FORBIDDEN'], 404, [409, 'BOOKING_STATUS']] as const;

@ApiTags('bookings')
@ApiBearerAuth()
@Controller('bookings')
export class BookingsController {
  constructor(
    private readonly lifecycle: BookingLifecycleService,
    private readonly queries: BookingQueriesService,
    private readonly ratings: RatingsService,
  ) {}

  @ApiOperation({
    summary: 'Bookings: a seeker’s own, an employer’s shift’s (`shiftId`), or any (staff)',
    description: 'An employer must name one of its shifts with `shiftId`; `workerId` is a staff filter.',
  })
  @ApiOkResponse({ type: ListOf(BookingDto) })
  @ApiErrors(404, [409, 'WORKER_PROFILE_REQUIRED'])
  @Get()
  async list(@CurrentAccount() account: SignedInAccount, @Query() query: ListBookingsQuery): Promise<List<BookingDto>> {
    return { items: (await this.queries.list(account, query)).map(bookingView) };
  }

  /** Staff: completed work past its settlement date and not marked paid, to help people claim wages. */
  @ApiOperation({
    summary: 'Wages unpaid past their settlement date',
    description: 'Completed work not marked paid by its settle-by date, with who is owed (at most 200).',
  })
  @ApiOkResponse({ type: ListOf(UnpaidBookingDto) })
  @Roles('staff')
  @Get('unpaid')
  async unpaid(): Promise<List<UnpaidBookingDto>> {
    return { items: await this.queries.unpaid() };
  }

  @ApiOperation({ summary: 'Check the seeker in', description: 'Opens a set number of minutes before the start.' })
  @ApiOkResponse({ type: BookingDto })
  @ApiErrors(...stepErrors, [409, 'CHECK_IN_TOO_EARLY'])
  @Roles('employer', 'staff')
  @Post(':id/check-in')
  @HttpCode(200)
  async checkIn(@CurrentAccount() account: SignedInAccount, @Param('id', ParseUUIDPipe) id: string): Promise<BookingDto> {
    return bookingView(await this.lifecycle.checkIn(account, id));
  }

  @ApiOperation({ summary: 'Check the seeker out', description: 'Records the minutes worked and the pay owed.' })
  @ApiOkResponse({ type: BookingDto })
  @ApiErrors(...stepErrors)
  @Roles('employer', 'staff')
  @Post(':id/check-out')
  @HttpCode(200)
  async checkOut(@CurrentAccount() account: SignedInAccount, @Param('id', ParseUUIDPipe) id: string): Promise<BookingDto> {
    return bookingView(await this.lifecycle.checkOut(account, id));
  }

  @ApiOperation({ summary: 'Record a no-show', description: 'Once the shift has started.' })
  @ApiOkResponse({ type: BookingDto })
  @ApiErrors(...stepErrors, [409, 'SHIFT_NOT_STARTED'])
  @Roles('employer', 'staff')
  @Post(':id/no-show')
  @HttpCode(200)
  async noShow(@CurrentAccount() account: SignedInAccount, @Param('id', ParseUUIDPipe) id: string): Promise<BookingDto> {
    return bookingView(await this.lifecycle.noShow(account, id));
  }

  @ApiOperation({
    summary: 'Cancel a booking (the booked seeker, the employer or staff)',
    description: 'Before the start only. Late cancellations are recorded; an employer who cancels late owes compensation.',
  })
  @ApiOkResponse({ type: BookingDto })
  @ApiErrors(...stepErrors, [409, 'SHIFT_STARTED'])
  @Post(':id/cancel')
  @HttpCode(200)
  async cancel(
    @CurrentAccount() account: SignedInAccount,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ReasonDto,
  ): Promise<BookingDto> {
    return bookingView(await this.lifecycle.cancel(account, id, body.reason));
  }

  /** The seeker says they are coming (as a reply of 1 to the evening SMS does); unconfirmed bookings are released. */
  @ApiOperation({
    summary: 'Say one is coming',
    description: 'As a reply of 1 to the evening SMS does; bookings left unconfirmed are released before the start.',
  })
  @ApiOkResponse({ type: BookingDto })
  @ApiErrors(...stepErrors, [409, 'SHIFT_STARTED'])
  @Roles('worker')
  @Post(':id/confirm-attendance')
  @HttpCode(200)
  async confirmAttendance(@CurrentAccount() account: SignedInAccount, @Param('id', ParseUUIDPipe) id: string): Promise<BookingDto> {
    return bookingView(await this.lifecycle.confirmAttendance(account, id));
  }

  @ApiOperation({ summary: 'Mark the wages paid (the employer)' })
  @ApiOkResponse({ type: BookingDto })
  @ApiErrors(...stepErrors)
  @Roles('employer', 'staff')
  @Post(':id/paid')
  @HttpCode(200)
  async paid(@CurrentAccount() account: SignedInAccount, @Param('id', ParseUUIDPipe) id: string): Promise<BookingDto> {
    return bookingView(await this.lifecycle.markPaid(account, id));
  }

  @ApiOperation({ summary: 'Confirm the wages arrived (the booked seeker)' })
  @ApiOkResponse({ type: BookingDto })
  @ApiErrors(...stepErrors)
  @Roles('worker')
  @Post(':id/payment-received')
  @HttpCode(200)
  async paymentReceived(@CurrentAccount() account: SignedInAccount, @Param('id', ParseUUIDPipe) id: string): Promise<BookingDto> {
    return bookingView(await this.lifecycle.confirmPaymentReceived(account, id));
  }

  @ApiOperation({
    summary: 'Rate the other side of a completed booking',
    description: 'The employer rates the seeker; the seeker rates the employer. Once each.',
  })
  @ApiCreatedResponse({ type: RatingDto })
  @ApiErrors(404, [409, 'BOOKING_NOT_COMPLETED', 'ALREADY_RATED'])
  @Roles('employer', 'worker', 'staff')
  @Post(':id/rating')
  async rate(
    @CurrentAccount() account: SignedInAccount,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RateDto,
  ): Promise<RatingDto> {
    return this.ratings.rate(account, id, body.stars, body.comment);
  }
}
