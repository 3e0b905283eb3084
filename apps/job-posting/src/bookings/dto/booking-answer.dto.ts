import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { payUnits, type PayUnit } from '@lingong/domain';
import {
  bookingCancellers,
  bookingSources,
  bookingStatuses,
  type BookingCanceller,
  type BookingSource,
  type BookingStatus,
} from '../booking.entity';

@ApiSchema({ name: 'BookingPay', description: 'The pay fixed at booking.' })
export class BookingPayDto {
  @ApiProperty({ type: 'integer', description: 'integer fen (分)', example: 22000 })
  amountFen!: number;

  @ApiProperty({ enum: payUnits })
  unit!: PayUnit;
}

/**
 * A booking as API.md answers it, with what was promised and what is owed. Matching answers the
 * same shape (its referrals and accepted offers book through job-posting): keep the two equal.
 */
@ApiSchema({ name: 'Booking' })
export class BookingDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  shiftId!: string;

  @ApiProperty({ format: 'uuid' })
  workerId!: string;

  @ApiProperty({ format: 'uuid' })
  employerId!: string;

  @ApiProperty({ enum: bookingStatuses })
  status!: BookingStatus;

  @ApiProperty({ enum: bookingSources })
  source!: BookingSource;

  @ApiProperty({ format: 'date-time', example: '2026-12-02T08:00:00+08:00' })
  startsAt!: string;

  @ApiProperty({ format: 'date-time', example: '2026-12-02T17:00:00+08:00' })
  endsAt!: string;

  @ApiProperty({ type: BookingPayDto })
  pay!: BookingPayDto;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  checkedInAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  checkedOutAt!: string | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'set at check-out' })
  minutesWorked!: number | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'pay owed in fen, set at check-out' })
  payFen!: number | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'pay is due by then' })
  settleBy!: string | null;

  @ApiProperty({ type: String, enum: bookingCancellers, nullable: true })
  cancelledBy!: BookingCanceller | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  cancelledAt!: string | null;

  @ApiProperty({ type: String, nullable: true })
  cancelReason!: string | null;

  @ApiProperty({ description: 'cancelled too close to the start' })
  lateCancellation!: boolean;

  @ApiProperty({ type: 'integer', nullable: true, description: 'fen an employer owes for a late cancellation' })
  compensationFen!: number | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'when the evening SMS asked whether they are coming' })
  attendanceRequestedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'when the seeker said they are coming' })
  attendanceConfirmedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'the employer marked the wages paid' })
  paidAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'the seeker confirmed receiving them' })
  paymentConfirmedAt!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

@ApiSchema({ name: 'SeekerSummary', description: 'Who is owed, for staff to follow up.' })
export class SeekerSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '王建国' })
  name!: string;

  @ApiProperty({ type: String, nullable: true, example: '13800138000' })
  phone!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '138****8000' })
  phoneMasked!: string | null;

  @ApiProperty({ example: 0.95 })
  reliability!: number;

  @ApiProperty({ type: Number, nullable: true, example: 4.5 })
  rating!: number | null;
}

@ApiSchema({ name: 'UnpaidSeeker' })
export class UnpaidSeekerDto extends SeekerSummaryDto {
  @ApiProperty({ description: 'the seeker erased their data: staff help them claim the wage without a name or phone' })
  erased!: boolean;
}

@ApiSchema({ name: 'UnpaidBooking' })
export class UnpaidBookingDto extends BookingDto {
  @ApiProperty({ type: UnpaidSeekerDto, nullable: true })
  worker!: UnpaidSeekerDto | null;

  @ApiProperty({ example: '仓库搬运 日结' })
  shiftTitle!: string;

  @ApiProperty({ example: '温州某鞋业有限公司', description: 'who owes the wage' })
  employerName!: string;
}
