import { Injectable } from '@nestjs/common';
import { isStaff, type SignedInAccount } from '@lingong/identity';
import { recordEvent } from '@lingong/outbox';
import { Clock, DomainException, NotFoundDomainException } from '@lingong/platform';
import { PartiesService } from '../access/parties.service';
import { BookingLifecycleService } from '../bookings/booking-lifecycle.service';
import { BookingsRepository } from '../bookings/bookings.repository';
import type { Shift } from './shift.entity';
import { ShiftsRepository } from './shifts.repository';

const cancellableStatuses = new Set(['draft', 'pending_review', 'open', 'filled']);

/** An employer (or staff) calls a shift off: its bookings are cancelled and every booked person is told by SMS. */
@Injectable()
export class ShiftCancellationService {
  constructor(
    private readonly shifts: ShiftsRepository,
    private readonly lifecycle: BookingLifecycleService,
    private readonly bookings: BookingsRepository,
    private readonly parties: PartiesService,
    private readonly clock: Clock,
  ) {}

  async cancel(account: SignedInAccount, id: string, reason: string): Promise<Shift> {
    return this.shifts.transaction(async (manager) => {
      const shift = await this.shifts.findForUpdate(manager, id);
      if (!shift || !(await this.parties.mayActFor(account, shift.employerId, manager))) throw new NotFoundDomainException('Shift');
      if (shift.status === 'cancelled') return shift;
      const now = this.clock.now();
      if (!cancellableStatuses.has(shift.status) || shift.startsAt <= now) {
        throw new DomainException('SHIFT_STARTED', `A ${shift.status} shift that has started cannot be cancelled`, 409);
      }
      await this.lifecycle.cancelAllOnShift(manager, shift.id, now, reason, isStaff(account) ? 'staff' : 'employer');
      shift.status = 'cancelled';
      shift.filled = 0;
      shift.cancelledAt = now;
      shift.cancelReason = reason;
      const saved = await this.shifts.save(manager, shift);
      await recordEvent(manager, 'shift.cancelled', { shiftId: shift.id });
      return saved;
    });
  }

  /**
   * What cancelling now would cost, per booking that stands: the same rule the cancellation applies,
   * so the figure an employer confirms is the figure recorded. Nothing is locked or changed.
   */
  async cost(account: SignedInAccount, id: string) {
    const shift = await this.shifts.findById(id);
    if (!shift || !(await this.parties.mayActFor(account, shift.employerId))) throw new NotFoundDomainException('Shift');
    const now = this.clock.now();
    const cancellable = cancellableStatuses.has(shift.status) && shift.startsAt > now;
    const bookings = cancellable ? await this.bookings.standingOn(shift.id) : [];
    const items = bookings.map((booking) => ({ bookingId: booking.id, ...this.lifecycle.employerCancellationCost(booking, now) }));
    return {
      shiftId: shift.id,
      cancellable,
      late: items.some((item) => item.late),
      compensationFen: items.reduce((sum, item) => sum + item.compensationFen, 0),
      bookings: items,
    };
  }
}
