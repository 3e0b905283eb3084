import { Injectable } from '@nestjs/common';
import { Clock, DomainException, NotFoundDomainException } from '@lingong/platform';
import { employerView } from '../employers/employer.view';
import type { Shift } from '../shifts/shift.entity';
import { shiftView } from '../shifts/shift.view';
import { ShiftsRepository } from '../shifts/shifts.repository';
import { ReviewRepository, type EmployerReviewFilter } from './review.repository';

/** The office's review of unverified employers' shifts and of employers themselves (DESIGN.md, trust). */
@Injectable()
export class ReviewService {
  constructor(
    private readonly review: ReviewRepository,
    private readonly shifts: ShiftsRepository,
    private readonly clock: Clock,
  ) {}

  async pendingShifts(limit: number) {
    const shifts = await this.review.pendingShifts(limit);
    return shifts.map((shift) => ({
      ...shiftView(shift),
      employer: {
        id: shift.employerId,
        name: shift.employer?.name ?? '',
        verified: Boolean(shift.employer?.verifiedAt),
        suspended: Boolean(shift.employer?.suspendedAt),
      },
    }));
  }

  /**
   * Staff turn a shift down (fake, unlawful, unclear): it never reaches the board and ends
   * `cancelled`, the reason kept with it. Nobody could have applied or been booked, so nobody is told.
   */
  async reject(id: string, reason: string): Promise<Shift> {
    return this.shifts.transaction(async (manager) => {
      const shift = await this.shifts.findForUpdate(manager, id);
      if (!shift) throw new NotFoundDomainException('Shift');
      if (shift.status !== 'pending_review')
        throw new DomainException('SHIFT_NOT_PENDING', `A ${shift.status} shift is not waiting for review`, 409);
      shift.status = 'cancelled';
      shift.cancelledAt = this.clock.now();
      shift.cancelReason = reason;
      return this.shifts.save(manager, shift);
    });
  }

  async employers(filter: EmployerReviewFilter, limit: number) {
    const rows = await this.review.employers(filter, limit);
    return rows.map(({ employer, openReports, shiftsPendingReview }) => ({
      ...employerView(employer),
      suspensionReason: employer.suspensionReason,
      openReports,
      shiftsPendingReview,
    }));
  }
}
