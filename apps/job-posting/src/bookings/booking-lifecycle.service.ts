import { Injectable } from '@nestjs/common';
import { MarketRuleSettings } from '@lingong/config';
import type { SignedInAccount } from '@lingong/identity';
import { isStaff } from '@lingong/identity';
import { recordEvent } from '@lingong/outbox';
import { Clock, DomainException, NotFoundDomainException } from '@lingong/platform';
import { PartiesService } from '../access/parties.service';
import { ShiftsRepository } from '../shifts/shifts.repository';
import type { Booking, BookingStatus } from './booking.entity';
import { isWithinHoursOfStart, lateCancellationCompensation, payForWork, settleBy } from './booking-rules';
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
    return this.step(account, id, ['employer'], 'confirmed', (booking, now) => {
      const opens = booking.startsAt.getTime() - this.rules.CHECK_IN_OPENS_MINUTES * 60_000;
      if (now.getTime() < opens) {
        throw new DomainException('CHECK_IN_TOO_EARLY', `签到在开工前${this.rules.CHECK_IN_OPENS_MINUTES}分钟开放 / Check-in opens ${this.rules.CHECK_IN_OPENS_MINUTES} minutes before the start`, 409);
      }
      booking.status = 'checked_in';
      booking.checkedInAt = now;
    });
  }

  async checkOut(account: SignedInAccount, id: string) {
    return this.step(account, id, ['employer'], 'checked_in', async (booking, now) => {
      const shift = await this.shifts.findById(booking.shiftId);
      Object.assign(booking, payForWork(booking, booking, booking.checkedInAt!, now));
      booking.status = 'completed';
      booking.checkedOutAt = now;
      booking.settleBy = settleBy(shift!.settlement, now);
    });
  }

  noShow(account: SignedInAccount, id: string) {
    return this.step(account, id, ['employer'], 'confirmed', (booking, now) => {
      if (now < booking.startsAt) throw new DomainException('SHIFT_NOT_STARTED', 'A no-show can be recorded once the shift has started', 409);
      booking.status = 'no_show';
    });
  }

  /** The booked seeker, the employer or staff cancel before the start; the place opens again. */
  cancel(account: SignedInAccount, id: string, reason: string) {
    return this.step(account, id, ['employer', 'worker'], 'confirmed', async (booking, now, side, manager) => {
      if (now >= booking.startsAt) throw new DomainException('SHIFT_STARTED', 'A booking cannot be cancelled after the start; record a no-show or check-out', 409);
      this.applyCancellation(booking, now, reason, isStaff(account) ? 'staff' : side);
      await this.bookings.releasePlace(manager, booking.shiftId, now);
      await recordEvent(manager, 'booking.cancelled', { bookingId: booking.id });
    });
  }

  /**
   * A seeker's cancellation close to the start is late (it lowers reliability); an employer's
   * (or staff's, acting for it) close to the start owes the seeker compensation.
   */
  applyCancellation(booking: Booking, now: Date, reason: string, by: 'worker' | 'employer' | 'staff'): void {
    booking.status = 'cancelled';
    booking.cancelledAt = now;
    booking.cancelReason = reason;
    booking.cancelledBy = by;
    if (by === 'worker') {
      booking.lateCancellation = isWithinHoursOfStart(now, booking.startsAt, this.rules.LATE_CANCELLATION_HOURS);
    } else if (isWithinHoursOfStart(now, booking.startsAt, this.rules.EMPLOYER_LATE_CANCELLATION_HOURS)) {
      booking.lateCancellation = true;
      booking.compensationFen = lateCancellationCompensation(booking, booking, this.rules.EMPLOYER_CANCELLATION_COMPENSATION_HOURS, this.rules.MINIMUM_WAGE_TIER);
    }
  }

  markPaid(account: SignedInAccount, id: string) {
    return this.step(account, id, ['employer'], 'completed', (booking, now) => {
      booking.paidAt ??= now;
    });
  }

  confirmPaymentReceived(account: SignedInAccount, id: string) {
    return this.step(account, id, ['worker'], 'completed', (booking, now) => {
      booking.paymentConfirmedAt ??= now;
    });
  }

  /**
   * Locks the booking, checks the caller is one of `sides` (staff act as the employer) and the
   * status is `from`, applies the change and saves it, all in one transaction.
   */
  private async step(
    account: SignedInAccount,
    id: string,
    sides: Side[],
    from: BookingStatus,
    change: (booking: Booking, now: Date, side: Side, manager: Parameters<Parameters<BookingsRepository['transaction']>[0]>[0]) => void | Promise<void>,
  ): Promise<Booking> {
    return this.bookings.transaction(async (manager) => {
      const booking = await this.bookings.findForUpdate(manager, id);
      const side = booking ? await this.sideOf(account, booking) : null;
      if (!booking || !side) throw new NotFoundDomainException('Booking');
      if (!sides.includes(side)) throw new DomainException('FORBIDDEN', `Only the ${sides.join(' or ')} may do this`, 403);
      if (booking.status !== from) {
        throw new DomainException('BOOKING_STATUS', `This booking is ${booking.status}; this step needs it ${from}`, 409);
      }
      await change(booking, this.clock.now(), side, manager);
      return this.bookings.save(manager, booking);
    });
  }

  /** Which side of the booking the caller is on; null when it is none of theirs (answered as 404). */
  async sideOf(account: SignedInAccount, booking: Booking): Promise<Side | null> {
    if (isStaff(account)) return 'employer';
    if (account.role === 'employer' && (await this.parties.employerIdOf(account)) === booking.employerId) return 'employer';
    if (account.role === 'worker' && (await this.parties.workerIdOf(account)) === booking.workerId) return 'worker';
    return null;
  }
}
