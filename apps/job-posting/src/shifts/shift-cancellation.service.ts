import { Injectable } from '@nestjs/common';
import { isStaff, type SignedInAccount } from '@lingong/identity';
import { recordEvent } from '@lingong/outbox';
import { Clock, DomainException, NotFoundDomainException } from '@lingong/platform';
import { PartiesService } from '../access/parties.service';
import { BookingLifecycleService } from '../bookings/booking-lifecycle.service';
import type { Shift } from './shift.entity';
import { ShiftsRepository } from './shifts.repository';

const cancellable = new Set(['draft', 'pending_review', 'open', 'filled']);

/** An employer (or staff) calls a shift off: its bookings are cancelled and every booked person is told by SMS. */
@Injectable()
export class ShiftCancellationService {
  constructor(
    private readonly shifts: ShiftsRepository,
    private readonly lifecycle: BookingLifecycleService,
    private readonly parties: PartiesService,
    private readonly clock: Clock,
  ) {}

  async cancel(account: SignedInAccount, id: string, reason: string): Promise<Shift> {
    return this.shifts.transaction(async (manager) => {
      const shift = await this.shifts.findForUpdate(manager, id);
      if (!shift || !(await this.parties.mayActFor(account, shift.employerId))) throw new NotFoundDomainException('Shift');
      if (shift.status === 'cancelled') return shift;
      const now = this.clock.now();
      if (!cancellable.has(shift.status) || shift.startsAt <= now) {
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
}
