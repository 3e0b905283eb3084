import { Injectable } from '@nestjs/common';
import { maskName } from '@lingong/domain';
import { isStaff, type SignedInAccount } from '@lingong/identity';
import { Clock, DomainException, NotFoundDomainException } from '@lingong/platform';
import { PartiesService } from '../access/parties.service';
import { BookingsRepository } from '../bookings/bookings.repository';
import { BookingsService } from '../bookings/bookings.service';
import { SeekersRepository } from '../seekers/seekers.repository';
import { employerSuspendedForSeekers } from '../employers/employer-suspension';
import type { Shift } from '../shifts/shift.entity';
import { ShiftsRepository } from '../shifts/shifts.repository';
import { ShiftsService } from '../shifts/shifts.service';
import type { Application } from './application.entity';
import { ApplicationsRepository } from './applications.repository';

const stillPending = () => new DomainException('APPLICATION_NOT_PENDING', 'This application has already been decided or withdrawn', 409);

/** 洽谈对接: a seeker applies; the employer (or staff) accepts into a booking or rejects. */
@Injectable()
export class ApplicationsService {
  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly shifts: ShiftsRepository,
    private readonly shiftAccess: ShiftsService,
    private readonly bookings: BookingsService,
    private readonly bookingRecords: BookingsRepository,
    private readonly parties: PartiesService,
    private readonly seekers: SeekersRepository,
    private readonly clock: Clock,
  ) {}

  async apply(account: SignedInAccount, shiftId: string, note: string | undefined): Promise<Application> {
    const workerId = await this.parties.requireWorkerId(account);
    const shift = await this.shiftAccess.get(account, shiftId);
    if (shift.status !== 'open' || shift.startsAt <= this.clock.now()) {
      const full = shift.status === 'filled';
      throw new DomainException(
        full ? 'SHIFT_FULL' : 'SHIFT_NOT_OPEN',
        full ? '该零工已招满 / This shift is full' : '该零工不再接受报名 / This shift is not taking applications',
        409,
      );
    }
    if (await this.shifts.employerSuspended(shift.employerId)) throw employerSuspendedForSeekers();
    const created = await this.applications.create({ shiftId, workerId, note: note ?? null });
    if (!created) throw new DomainException('ALREADY_APPLIED', '您已报名该零工 / You have already applied for this shift', 409);
    return created;
  }

  /**
   * The employer sees applicants as surname with 某 and a masked phone until the person is booked
   * with it (PIPL): a booking on one of its shifts that stands or was worked. When that booking is
   * cancelled or released, name and phone are masked again. Staff see both. Reliability and
   * rating help the employer choose.
   */
  async listForShift(account: SignedInAccount, shiftId: string) {
    const shift = await this.managedShift(account, shiftId);
    const applications = await this.applications.forShift(shiftId);
    const workerIds = [...new Set(applications.map((application) => application.workerId))];
    const seekers = await this.seekers.summaries(workerIds);
    const booked = isStaff(account) ? null : await this.bookingRecords.bookedWithEmployer(shift.employerId, workerIds);
    return applications.map((application) => {
      const seeker = seekers.get(application.workerId);
      const known = !booked || booked.has(application.workerId);
      return {
        ...this.view(application),
        worker: seeker && {
          id: seeker.id,
          name: known || seeker.erased ? seeker.name : maskName(seeker.name),
          phoneMasked: seeker.phoneMasked,
          ...(known && seeker.phone !== null && { phone: seeker.phone }),
          reliability: seeker.reliability,
          rating: seeker.rating,
        },
      };
    });
  }

  /**
   * Books the applicant once: the application's id is the booking's idempotency key, so an accept
   * retried after a lost answer (a timeout at the front door while the booking went through) gets
   * that booking again instead of a 409.
   */
  async accept(account: SignedInAccount, id: string) {
    const application = await this.managedApplication(account, id);
    if (application.status !== 'pending' && application.status !== 'accepted') throw stillPending();
    const request = {
      shiftId: application.shiftId,
      workerId: application.workerId,
      source: 'application' as const,
      applicationId: id,
      idempotencyKey: `application:${id}`,
    };
    return this.bookings.book(request, async (manager) => {
      if (!(await this.applications.decide(id, 'accepted', this.clock.now(), manager))) throw stillPending();
    });
  }

  async reject(account: SignedInAccount, id: string): Promise<Application> {
    return this.decide(await this.managedApplication(account, id), 'rejected');
  }

  async withdraw(account: SignedInAccount, id: string): Promise<Application> {
    const workerId = await this.parties.requireWorkerId(account);
    const application = await this.applications.findById(id);
    if (!application || application.workerId !== workerId) throw new NotFoundDomainException('Application');
    return this.decide(application, 'withdrawn');
  }

  /** The conditional update decides races (only a pending application moves); the answer is the row as it now is. */
  private async decide(application: Application, to: 'rejected' | 'withdrawn'): Promise<Application> {
    const at = this.clock.now();
    if (!(await this.applications.decide(application.id, to, at))) throw stillPending();
    return Object.assign(application, { status: to, decidedAt: at });
  }

  async mine(account: SignedInAccount): Promise<Application[]> {
    return this.applications.forWorker(await this.parties.requireWorkerId(account));
  }

  view(application: Application) {
    return {
      id: application.id,
      shiftId: application.shiftId,
      workerId: application.workerId,
      status: application.status,
      note: application.note,
    };
  }

  private async managedShift(account: SignedInAccount, shiftId: string): Promise<Shift> {
    const shift = await this.shifts.findById(shiftId);
    if (!shift || !(await this.parties.mayActFor(account, shift.employerId))) throw new NotFoundDomainException('Shift');
    return shift;
  }

  private async managedApplication(account: SignedInAccount, id: string): Promise<Application> {
    const application = await this.applications.findById(id);
    if (!application) throw new NotFoundDomainException('Application');
    if (isStaff(account)) return application;
    const shift = await this.shifts.findById(application.shiftId);
    if (!shift || !(await this.parties.mayActFor(account, shift.employerId))) throw new NotFoundDomainException('Application');
    return application;
  }
}
