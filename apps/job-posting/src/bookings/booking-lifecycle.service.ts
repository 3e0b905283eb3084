import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MarketRuleSettings } from '@lingong/config';
import type { SignedInAccount } from '@lingong/identity';
import { isStaff } from '@lingong/identity';
import { recordEvent } from '@lingong/outbox';
import { isWithinHoursOfStart, lateCancellationCompensation, LEAST_TIME_TO_ANSWER_MS, settleBy } from '@lingong/domain';
import { Clock, DomainException, NotFoundDomainException } from '@lingong/platform';
import { PartiesService } from '../access/parties.service';
import { ShiftsRepository } from '../shifts/shifts.repository';
import type { Booking, BookingCanceller, BookingStatus } from './booking.entity';
import { payForWork } from './booking-rules';
import { BookingsRepository } from './bookings.repository';

type Side = 'employer' | 'worker';

/** Attendance, cancellation and payment of a booking, each step allowed to the right party. */
@Injectable()
export class BookingLifecycleService {
  constructor(
    private readonly bookings: BookingsRepository,
    private readonly shifts: ShiftsRepository,
    private readonly parties: PartiesService,
    private readonly clock: Clock,
    private readonly rules: MarketRuleSettings,
  ) {}

  checkIn(account: SignedInAccount, id: string) {
    return this.step(this.partyOf(account), id, ['employer'], 'confirmed', (booking, now) => {
      const opens = booking.startsAt.getTime() - this.rules.CHECK_IN_OPENS_MINUTES * 60_000;
      if (now.getTime() < opens) {
        throw new DomainException(
          'CHECK_IN_TOO_EARLY',
          `签到在开工前${this.rules.CHECK_IN_OPENS_MINUTES}分钟开放 / Check-in opens ${this.rules.CHECK_IN_OPENS_MINUTES} minutes before the start`,
          409,
        );
      }
      booking.status = 'checked_in';
      booking.checkedInAt = now;
    });
  }

  async checkOut(account: SignedInAccount, id: string) {
    return this.step(this.partyOf(account), id, ['employer'], 'checked_in', async (booking, now, _side, manager) => {
      const shift = await this.shifts.findById(booking.shiftId, manager);
      Object.assign(booking, payForWork(booking, booking, booking.checkedInAt!, now));
      booking.status = 'completed';
      booking.checkedOutAt = now;
      booking.settleBy = settleBy(shift!.settlement, now);
    });
  }

  noShow(account: SignedInAccount, id: string) {
    return this.step(this.partyOf(account), id, ['employer'], 'confirmed', (booking, now) => {
      if (now < booking.startsAt)
        throw new DomainException('SHIFT_NOT_STARTED', 'A no-show can be recorded once the shift has started', 409);
      booking.status = 'no_show';
    });
  }

  /** The booked seeker, the employer or staff cancel before the start; the place opens again. */
  cancel(account: SignedInAccount, id: string, reason: string) {
    return this.step(this.partyOf(account), id, ['employer', 'worker'], 'confirmed', (booking, now, side, manager) =>
      this.cancelBooking(manager, booking, now, reason, isStaff(account) ? 'staff' : side),
    );
  }

  /**
   * A shift called off takes its standing bookings with it (inside the shift's transaction, which
   * then sets the shift cancelled with nobody on it). Same rules and event as one cancellation.
   */
  async cancelAllOnShift(manager: EntityManager, shiftId: string, now: Date, reason: string, by: 'employer' | 'staff'): Promise<void> {
    for (const booking of await this.bookings.standingOnShift(manager, shiftId)) {
      this.applyCancellation(booking, now, reason, by);
      await this.bookings.save(manager, booking);
      await recordEvent(manager, 'booking.cancelled', { bookingId: booking.id });
    }
  }

  /**
   * A seeker erased their data: their bookings that have not started are cancelled (inside the
   * erasure's transaction), each place opens again and its employer is told (`booking.cancelled`).
   * Not late, nothing owed: nobody is to blame. Bookings already under way run their course.
   */
  async cancelFutureForErasedSeeker(manager: EntityManager, workerId: string, now: Date): Promise<number> {
    const future = await this.bookings.futureForSeeker(manager, workerId, now);
    for (const booking of future) {
      await this.cancelBooking(manager, booking, now, '求职者已退出 / The seeker has left the market', 'erasure');
      await this.bookings.save(manager, booking);
    }
    return future.length;
  }

  /** The seeker, answering the evening question by SMS with 2: they are not coming. */
  cancelForSeeker(id: string, workerId: string, reason: string) {
    return this.step(this.seeker(workerId), id, ['worker'], 'confirmed', (booking, now, side, manager) =>
      this.cancelBooking(manager, booking, now, reason, side),
    );
  }

  /** The seeker says they are coming: on the page, or by replying 1 to the evening question. */
  confirmAttendance(account: SignedInAccount, id: string) {
    return this.step(this.partyOf(account), id, ['worker'], 'confirmed', (booking, now, _side, manager) =>
      this.recordAttendance(manager, booking, now),
    );
  }

  confirmAttendanceForSeeker(id: string, workerId: string) {
    return this.step(this.seeker(workerId), id, ['worker'], 'confirmed', (booking, now, _side, manager) =>
      this.recordAttendance(manager, booking, now),
    );
  }

  /**
   * The evening question is about to go out: noted on the booking, so a reply of 1 can find it and
   * an unanswered one can be released. True while the question stands (asked, not yet answered).
   */
  async requestAttendance(id: string): Promise<boolean> {
    return this.bookings.transaction(async (manager) => {
      const booking = await this.bookings.findForUpdate(manager, id);
      const now = this.clock.now();
      if (!booking || booking.status !== 'confirmed' || booking.attendanceConfirmedAt || booking.startsAt <= now) return false;
      booking.attendanceRequestedAt ??= now;
      await this.bookings.save(manager, booking);
      return true;
    });
  }

  /**
   * A booking asked about and still unconfirmed at the deadline is released: the place opens again.
   * One asked under LEAST_TIME_TO_ANSWER_MS ago is not yet unanswered (after an outage the question
   * and the deadline may come due together).
   */
  async releaseUnconfirmed(id: string): Promise<boolean> {
    return this.bookings.transaction(async (manager) => {
      const booking = await this.bookings.findForUpdate(manager, id);
      const now = this.clock.now();
      if (
        !booking ||
        booking.status !== 'confirmed' ||
        !booking.attendanceRequestedAt ||
        booking.attendanceConfirmedAt ||
        booking.startsAt <= now
      )
        return false;
      if (now.getTime() - booking.attendanceRequestedAt.getTime() < LEAST_TIME_TO_ANSWER_MS) return false;
      await this.cancelBooking(manager, booking, now, '未回复确认到岗 / Did not confirm they were coming', 'market');
      await this.bookings.save(manager, booking);
      return true;
    });
  }

  private async cancelBooking(manager: EntityManager, booking: Booking, now: Date, reason: string, by: BookingCanceller): Promise<void> {
    if (now >= booking.startsAt)
      throw new DomainException('SHIFT_STARTED', 'A booking cannot be cancelled after the start; record a no-show or check-out', 409);
    this.applyCancellation(booking, now, reason, by);
    await this.bookings.releasePlace(manager, booking.shiftId, now);
    await recordEvent(manager, 'booking.cancelled', { bookingId: booking.id });
  }

  private async recordAttendance(manager: EntityManager, booking: Booking, now: Date): Promise<void> {
    if (now >= booking.startsAt) throw new DomainException('SHIFT_STARTED', 'The shift has already started', 409);
    if (booking.attendanceConfirmedAt) return;
    booking.attendanceConfirmedAt = now;
    await recordEvent(manager, 'booking.attendance_confirmed', { bookingId: booking.id });
  }

  /**
   * A seeker's cancellation close to the start is late (it lowers reliability), unless it answers
   * the evening question (asked, not yet confirmed): saying "not coming" then is what we asked for,
   * and must not cost more than staying silent until the release. An employer's (or staff's,
   * acting for it) close to the start owes the seeker compensation.
   */
  private applyCancellation(booking: Booking, now: Date, reason: string, by: BookingCanceller): void {
    booking.status = 'cancelled';
    booking.cancelledAt = now;
    booking.cancelReason = reason;
    booking.cancelledBy = by;
    // Released for not confirming: nothing owed, and not held against the seeker (the SMS may not have
    // reached them). Cancelled by an erasure: not a choice to drop this work, and nothing owed either.
    if (by === 'market' || by === 'erasure') return;
    if (by === 'worker') {
      const answersEveningQuestion = booking.attendanceRequestedAt !== null && booking.attendanceConfirmedAt === null;
      booking.lateCancellation = !answersEveningQuestion && isWithinHoursOfStart(now, booking.startsAt, this.rules.LATE_CANCELLATION_HOURS);
    } else {
      const cost = this.employerCancellationCost(booking, now);
      if (cost.late) Object.assign(booking, { lateCancellation: true, compensationFen: cost.compensationFen });
    }
  }

  /**
   * What the employer would owe this booking's seeker for cancelling at `now`: the one rule both the
   * cancellation and its preview (`GET /shifts/:id/cancellation`) apply.
   */
  employerCancellationCost(booking: Booking, now: Date): { late: boolean; compensationFen: number } {
    if (!isWithinHoursOfStart(now, booking.startsAt, this.rules.EMPLOYER_LATE_CANCELLATION_HOURS))
      return { late: false, compensationFen: 0 };
    return {
      late: true,
      compensationFen: lateCancellationCompensation(
        booking,
        booking,
        this.rules.EMPLOYER_CANCELLATION_COMPENSATION_HOURS,
        this.rules.MINIMUM_WAGE_TIER,
      ),
    };
  }

  markPaid(account: SignedInAccount, id: string) {
    return this.step(this.partyOf(account), id, ['employer'], 'completed', (booking, now) => {
      booking.paidAt ??= now;
    });
  }

  confirmPaymentReceived(account: SignedInAccount, id: string) {
    return this.step(this.partyOf(account), id, ['worker'], 'completed', (booking, now) => {
      booking.paymentConfirmedAt ??= now;
    });
  }

  /**
   * Locks the booking, checks the caller is one of `sides` (staff act as the employer) and the
   * status is `from`, applies the change and saves it, all in one transaction.
   */
  private async step(
    sideOf: (booking: Booking, manager: EntityManager) => Promise<Side | null>,
    id: string,
    sides: Side[],
    from: BookingStatus,
    change: (booking: Booking, now: Date, side: Side, manager: EntityManager) => void | Promise<void>,
  ): Promise<Booking> {
    return this.bookings.transaction(async (manager) => {
      const booking = await this.bookings.findForUpdate(manager, id);
      const side = booking ? await sideOf(booking, manager) : null;
      if (!booking || !side) throw new NotFoundDomainException('Booking');
      if (!sides.includes(side)) throw new DomainException('FORBIDDEN', `Only the ${sides.join(' or ')} may do this`, 403);
      if (booking.status !== from) {
        throw new DomainException('BOOKING_STATUS', `This booking is ${booking.status}; this step needs it ${from}`, 409);
      }
      await change(booking, this.clock.now(), side, manager);
      return this.bookings.save(manager, booking);
    });
  }

  private partyOf(account: SignedInAccount) {
    return (booking: Booking, manager: EntityManager) => this.sideOf(account, booking, manager);
  }

  /** For the matching service acting on a seeker's SMS reply: it has matched the phone to the seeker. */
  private seeker(workerId: string) {
    return (booking: Booking) => Promise.resolve(booking.workerId === workerId ? ('worker' as const) : null);
  }

  /** Which side of the booking the caller is on; null when it is none of theirs (answered as 404). */
  async sideOf(account: SignedInAccount, booking: Booking, manager?: EntityManager): Promise<Side | null> {
    if (isStaff(account)) return 'employer';
    if (account.role === 'employer' && (await this.parties.employerIdOf(account, manager)) === booking.employerId) return 'employer';
    if (account.role === 'worker' && (await this.parties.workerIdOf(account, manager)) === booking.workerId) return 'worker';
    return null;
  }
}
