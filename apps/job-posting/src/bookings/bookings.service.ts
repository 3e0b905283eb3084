import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { isPgError, pgConstraint, PgErrorCode } from '@lingong/database';
import { checkWeeklyPartTimeHours, weekStart } from '@lingong/domain';
import { recordEvent } from '@lingong/outbox';
import { Clock, DomainException, NotFoundDomainException } from '@lingong/platform';
import { employerSuspendedForSeekers } from '../employers/employer-suspension';
import { SeekersRepository } from '../seekers/seekers.repository';
import type { Shift } from '../shifts/shift.entity';
import { ShiftsRepository } from '../shifts/shifts.repository';
import type { Booking, BookingSource } from './booking.entity';
import { BookingsRepository } from './bookings.repository';

export interface BookingRequest {
  shiftId: string;
  workerId: string;
  source: BookingSource;
  applicationId?: string;
  /** From a caller that may ask again after a lost answer or a crash: the same key answers the same booking. */
  idempotencyKey?: string;
}

const WEEK_MS = 7 * 24 * 3_600_000;

const alreadyBooked = () =>
  new DomainException('ALREADY_BOOKED', '此人已在该零工名单中 / This person is already booked on this shift', 409);

/** Making a booking: the one path every source (application, offer, referral, dispatch) goes through. */
@Injectable()
export class BookingsService {
  constructor(
    private readonly bookings: BookingsRepository,
    private readonly shifts: ShiftsRepository,
    private readonly seekers: SeekersRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * Books a seeker onto a shift. PostgreSQL decides the races: the conditional update on the
   * shift refuses a place past the headcount (SHIFT_FULL), the exclusion constraint refuses an
   * overlapping booking (DOUBLE_BOOKING). `alsoInTransaction` runs with the booking, e.g. marking
   * the application accepted.
   */
  async book(request: BookingRequest, alsoInTransaction?: (manager: EntityManager, booking: Booking) => Promise<void>): Promise<Booking> {
    const earlier = await this.bookedEarlier(request);
    if (earlier) return earlier;
    const now = this.clock.now();
    try {
      return await this.bookings.transaction(async (manager) => {
        await this.bookings.lockSeeker(manager, request.workerId);
        // Whatever the source: nobody erased or inactive is booked (an old dispatch plan, a stale page).
        await this.requireActiveSeeker(manager, request.workerId);
        // Named before the constraints decide, which would report a rebooking as an overlap.
        if (await this.bookings.hasActiveBooking(manager, request.shiftId, request.workerId)) throw alreadyBooked();
        const shift = await this.bookings.takePlace(manager, request.shiftId, now);
        if (!shift) throw await this.whyNoPlace(manager, request.shiftId, now);
        if (shift.employmentType === 'part_time') await this.checkWeeklyHours(manager, request.workerId, shift);
        const booking = await this.bookings.insert(manager, {
          shiftId: shift.id,
          employerId: shift.employerId,
          workerId: request.workerId,
          applicationId: request.applicationId ?? null,
          source: request.source,
          idempotencyKey: request.idempotencyKey ?? null,
          status: 'confirmed',
          startsAt: shift.startsAt,
          endsAt: shift.endsAt,
          employmentType: shift.employmentType,
          payAmountFen: shift.payAmountFen,
          payUnit: shift.payUnit,
        });
        await alsoInTransaction?.(manager, booking);
        await recordEvent(manager, 'booking.confirmed', { bookingId: booking.id });
        return booking;
      });
    } catch (error) {
      // A concurrent request under the same key may have won (then this one met ALREADY_BOOKED or the key's unique index).
      const winner = await this.bookedEarlier(request);
      if (winner) return winner;
      throw this.explainConstraint(error);
    }
  }

  private async requireActiveSeeker(manager: EntityManager, workerId: string): Promise<void> {
    const status = await this.seekers.statusForBooking(manager, workerId);
    if (status === null) throw new NotFoundDomainException('Worker');
    if (status !== 'active') {
      throw new DomainException(
        'WORKER_NOT_ACTIVE',
        '该求职者已注销或停用，不能预订 / This seeker is no longer active (erased or inactive) and cannot be booked',
        409,
      );
    }
  }

  /** The booking an earlier request under the same idempotency key made, if any; a key reused for another booking is refused. */
  private async bookedEarlier(request: BookingRequest): Promise<Booking | null> {
    if (!request.idempotencyKey) return null;
    const booking = await this.bookings.findByIdempotencyKey(request.idempotencyKey);
    if (booking && (booking.shiftId !== request.shiftId || booking.workerId !== request.workerId)) {
      throw new DomainException('IDEMPOTENCY_KEY_REUSED', 'This idempotency key was used for another booking', 409);
    }
    return booking;
  }

  private async whyNoPlace(manager: EntityManager, shiftId: string, now: Date): Promise<DomainException> {
    const shift = await this.shifts.findById(shiftId, manager);
    if (!shift) return new NotFoundDomainException('Shift');
    if (await this.shifts.employerSuspended(shift.employerId, manager)) return employerSuspendedForSeekers();
    if (shift.status === 'filled' || (shift.status === 'open' && shift.filled >= shift.headcount)) {
      return new DomainException('SHIFT_FULL', '该零工已招满 / This shift is already full', 409);
    }
    if (shift.startsAt <= now) return new DomainException('SHIFT_NOT_OPEN', '该零工已开始 / This shift has already started', 409);
    return new DomainException('SHIFT_NOT_OPEN', `该零工未开放报名 / This shift is ${shift.status}, not open`, 409);
  }

  /** Labour Contract Law art. 68: part-time work for one employer stays within 24 hours a week. */
  private async checkWeeklyHours(manager: EntityManager, workerId: string, shift: Shift): Promise<void> {
    const from = weekStart(shift.startsAt);
    const to = new Date(weekStart(shift.endsAt).getTime() + WEEK_MS);
    const existing = await this.bookings.partTimeBookingsAround(manager, workerId, shift.employerId, from, to);
    const verdict = checkWeeklyPartTimeHours(existing, shift);
    if (!verdict.ok) throw new DomainException(verdict.code, verdict.message, 422, { hours: verdict.hours });
  }

  private explainConstraint(error: unknown): unknown {
    if (isPgError(error, PgErrorCode.exclusionViolation)) {
      return new DomainException('DOUBLE_BOOKING', '此人在该时段已有其他零工 / This person is already booked on an overlapping shift', 409);
    }
    if (isPgError(error, PgErrorCode.uniqueViolation) && pgConstraint(error) === 'bookings_one_active_per_shift') return alreadyBooked();
    return error;
  }
}
