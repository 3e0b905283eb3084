import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Exclusion,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { PayUnit } from '@lingong/domain';
import { Shift } from '../shifts/shift.entity';

export const bookingStatuses = ['confirmed', 'checked_in', 'completed', 'no_show', 'cancelled'] as const;
export type BookingStatus = (typeof bookingStatuses)[number];
export const bookingSources = ['application', 'offer', 'referral', 'dispatch'] as const;
export type BookingSource = (typeof bookingSources)[number];
/** `market`: released for want of a confirmation; `erasure`: the seeker erased their data (neither is held against anyone). */
export const bookingCancellers = ['worker', 'employer', 'staff', 'market', 'erasure'] as const;
export type BookingCanceller = (typeof bookingCancellers)[number];

/**
 * "This person works this shift": the single source of truth. PostgreSQL keeps the invariants:
 * nobody on two overlapping active bookings (exclusion on a time range), and a shift's `filled`
 * never past its headcount (a check on shifts, moved only by conditional updates).
 */
@Entity('bookings')
@Exclusion(
  'bookings_no_overlap',
  `USING gist ("worker_id" WITH =, "period" WITH &&) WHERE ("status" IN ('confirmed', 'checked_in', 'completed'))`,
)
@Index('bookings_one_active_per_shift', ['shiftId', 'workerId'], {
  unique: true,
  where: `"status" IN ('confirmed', 'checked_in', 'completed')`,
})
@Index('bookings_worker', ['workerId', 'startsAt'])
@Index('bookings_shift', ['shiftId'])
@Index('bookings_idempotency_key', ['idempotencyKey'], { unique: true, where: `"idempotency_key" IS NOT NULL` })
/** The kiosk boards' "booked today", counted at every board change. */
@Index('bookings_created', ['createdAt'])
@Index('bookings_checked_out', ['checkedOutAt'], { where: `"status" = 'completed'` })
/**
 * Held bookings by `tstzrange(starts_at, ends_at)` (GiST, an expression: made by migration
 * 1797700300000), for "who is booked during this shift", which every ranking asks. Not by `period`:
 * the exclusion's index, led by the worker, answers that too, and the planner took it.
 */
@Index('bookings_held_during', { synchronize: false })
@Check('bookings_pay_positive', '"pay_amount_fen" > 0')
export class Booking {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'shift_id', type: 'uuid' })
  shiftId!: string;

  @ManyToOne(() => Shift, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'shift_id' })
  shift?: Shift;

  @Column({ name: 'employer_id', type: 'uuid' })
  employerId!: string;

  @Column({ name: 'worker_id', type: 'uuid' })
  workerId!: string;

  @Column({ name: 'application_id', type: 'uuid', nullable: true })
  applicationId!: string | null;

  @Column({ type: 'varchar', length: 16 })
  source!: BookingSource;

  /**
   * Set by a caller that may ask twice (matching: the offer's id; a dispatch plan's id, shift and
   * seeker): a repeated request answers this booking instead of making or refusing another.
   */
  @Column({ name: 'idempotency_key', type: 'varchar', length: 200, nullable: true })
  idempotencyKey!: string | null;

  @Column({ type: 'varchar', length: 16, default: 'confirmed' })
  status!: BookingStatus;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  /** `[starts_at, ends_at)`, set by a trigger; adjacent shifts do not overlap. */
  @Column({ type: 'tstzrange', select: false, insert: false, update: false })
  period?: string;

  /** Employment type of the shift at booking, for the part-time weekly limit. */
  @Column({ name: 'employment_type', type: 'varchar', length: 16 })
  employmentType!: string;

  /** The pay promised, fixed when the booking is made: an employer cannot lower it afterwards. */
  @Column({ name: 'pay_amount_fen', type: 'int' })
  payAmountFen!: number;

  @Column({ name: 'pay_unit', type: 'varchar', length: 8 })
  payUnit!: PayUnit;

  @Column({ name: 'checked_in_at', type: 'timestamptz', nullable: true })
  checkedInAt!: Date | null;

  @Column({ name: 'checked_out_at', type: 'timestamptz', nullable: true })
  checkedOutAt!: Date | null;

  @Column({ name: 'minutes_worked', type: 'int', nullable: true })
  minutesWorked!: number | null;

  /** What the employer owes for work done, computed at check-out from the fixed pay. */
  @Column({ name: 'pay_owed_fen', type: 'int', nullable: true })
  payOwedFen!: number | null;

  /** What an employer who cancelled late owes (DESIGN.md: a minimum of hours' pay). */
  @Column({ name: 'compensation_fen', type: 'int', nullable: true })
  compensationFen!: number | null;

  @Column({ name: 'settle_by', type: 'timestamptz', nullable: true })
  settleBy!: Date | null;

  /** `market`: released because the seeker did not confirm they were coming; `erasure`: the seeker erased their data. */
  @Column({ name: 'cancelled_by', type: 'varchar', length: 16, nullable: true })
  cancelledBy!: BookingCanceller | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  @Column({ name: 'cancel_reason', type: 'varchar', length: 500, nullable: true })
  cancelReason!: string | null;

  @Column({ name: 'late_cancellation', type: 'boolean', default: false })
  lateCancellation!: boolean;

  /** When the seeker was asked (the evening before, by SMS) to confirm they are coming. */
  @Column({ name: 'attendance_requested_at', type: 'timestamptz', nullable: true })
  attendanceRequestedAt!: Date | null;

  /** When the seeker confirmed, by replying 1 or on the page; unconfirmed bookings are released. */
  @Column({ name: 'attendance_confirmed_at', type: 'timestamptz', nullable: true })
  attendanceConfirmedAt!: Date | null;

  @Column({ name: 'paid_at', type: 'timestamptz', nullable: true })
  paidAt!: Date | null;

  @Column({ name: 'payment_confirmed_at', type: 'timestamptz', nullable: true })
  paymentConfirmedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
