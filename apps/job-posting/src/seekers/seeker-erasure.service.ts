import { Injectable } from '@nestjs/common';
import { Clock } from '@lingong/platform';
import { BookingLifecycleService } from '../bookings/booking-lifecycle.service';
import { BookingsRepository } from '../bookings/bookings.repository';
import { SeekerErasureRepository } from './seeker-erasure.repository';

export interface SeekerErasureOutcome {
  applicationsWithdrawn: number;
  bookingsCancelled: number;
}

/**
 * A seeker erased their data (worker-profile recorded `worker.erased`; the worker app asks here):
 * their open work closes and their free text goes, in one transaction. Bookings stay, anonymous,
 * with their pay (what the law needs: wages owed and paid). Idempotent: a retry finds nothing left.
 */
@Injectable()
export class SeekerErasureService {
  constructor(
    private readonly bookings: BookingsRepository,
    private readonly lifecycle: BookingLifecycleService,
    private readonly erasure: SeekerErasureRepository,
    private readonly clock: Clock,
  ) {}

  async erase(workerId: string): Promise<SeekerErasureOutcome> {
    return this.bookings.transaction(async (manager) => {
      const now = this.clock.now();
      const applicationsWithdrawn = await this.erasure.withdrawPendingApplications(manager, workerId, now);
      // Before the cancellations, whose own reason (naming nobody) is the one kept.
      await this.erasure.clearFreeText(manager, workerId);
      const bookingsCancelled = await this.lifecycle.cancelFutureForErasedSeeker(manager, workerId, now);
      return { applicationsWithdrawn, bookingsCancelled };
    });
  }
}
