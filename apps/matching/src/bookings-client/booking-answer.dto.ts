import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { payUnits, type PayUnit } from '@lingong/domain';

const bookingStatuses = ['confirmed', 'checked_in', 'completed', 'no_show', 'cancelled'] as const;
const bookingSources = ['application', 'offer', 'referral', 'dispatch'] as const;
type BookingCanceller = 'worker' | 'employer' | 'staff' | 'market' | 'erasure';

const cancellers: BookingCanceller[] = ['worker', 'employer', 'staff', 'market', 'erasure'];

@ApiSchema({ name: 'BookingPay', description: 'The pay fixed at booking.' })
export class BookingPayDto {
  @ApiProperty({ type: 'integer', description: 'integer fen (分)', example: 22000 })
  amountFen!: number;

  @ApiProperty({ enum: payUnits })
  unit!: PayUnit;
}

/**
 * A booking as job-posting answers it (referrals, accepted offers and dispatch book through its
 * internal route, whose answer is passed on). The same schema as job-posting's `Booking`: the
 * merged contract refuses two different schemas under one name, so the two cannot drift apart.
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
  status!: (typeof bookingStatuses)[number];

  @ApiProperty({ enum: bookingSources })
  source!: (typeof bookingSources)[number];

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

  @ApiProperty({ type: String, enum: cancellers, nullable: true })
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
