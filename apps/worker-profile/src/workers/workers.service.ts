import { BadRequestException, Injectable } from '@nestjs/common';
import { acceptsMarketingSms } from '@lingong/domain';
import { isStaff, type SignedInAccount } from '@lingong/identity';
import { Clock, DomainException, NotFoundDomainException } from '@lingong/platform';
import type { CreateWorkerDto } from './dto/create-worker.dto';
import type { SetPriorityGroupDto } from './dto/set-priority-group.dto';
import type { UpdateWorkerDto } from './dto/update-worker.dto';
import { ResidentIdHasher } from './resident-id.hasher';
import type { Worker } from './worker.entity';
import { WorkerPresenter } from './worker.presenter';
import { WorkerRecordsRepository } from './worker-records.repository';
import type { Audience, WorkerAnswer } from './worker.view';
import { ProfileConflict, WorkersRepository, type NewConsent, type WorkerChanges } from './workers.repository';

export function conflictError(conflict: ProfileConflict): DomainException {
  return conflict.on === 'residentId'
    ? new DomainException('RESIDENT_ID_TAKEN', '该身份证号已登记在另一份档案 / This resident ID is registered to another profile', 409)
    : new DomainException('WORKER_EXISTS', '该手机号已登记 / A profile for this phone already exists', 409);
}

/** Seekers' profiles: registration (own or walk-in at the desk), reading and editing, and the priority group staff set. */
@Injectable()
export class WorkersService {
  constructor(
    private readonly workers: WorkersRepository,
    private readonly records: WorkerRecordsRepository,
    private readonly presenter: WorkerPresenter,
    private readonly residentIds: ResidentIdHasher,
    private readonly clock: Clock,
  ) {}

  /** A seeker creates their own profile; staff register a walk-in by phone, with the consent the person gave at the desk. */
  async create(account: SignedInAccount, input: CreateWorkerDto): Promise<WorkerAnswer> {
    const staff = isStaff(account);
    if (staff && !input.phone) throw new BadRequestException(['phone is required when staff register a walk-in']);
    if (!staff && input.phone !== undefined) throw new BadRequestException(['phone is taken from your sign-in; leave it out']);
    const now = this.clock.now();
    const resident = input.residentId ? this.residentIds.protect(input.residentId) : null;
    const consent = (purpose: NewConsent['purpose'], granted: boolean): NewConsent => ({
      purpose,
      granted,
      channel: staff ? 'desk' : 'self',
      recordedBy: account.id,
      recordedAt: now,
    });
    const created = await this.workers.create(
      {
        accountId: staff ? null : account.id,
        phone: staff ? input.phone! : account.phone,
        name: input.name,
        street: input.street,
        lat: input.lat,
        lng: input.lng,
        maxDistanceKm: input.maxDistanceKm ?? 10,
        skills: input.skills,
        certificates: input.certificates ?? [],
        availability: input.availability ?? [],
        expectedDailyPayFen: input.expectedDailyPayFen ?? null,
        hasSmartphone: input.hasSmartphone,
        consentDataProcessingAt: now,
        consentSms: input.consent.sms,
        residentIdHash: resident?.hash ?? null,
        residentIdLast4: resident?.last4 ?? null,
        registeredBy: staff ? account.id : null,
      },
      [consent('data_processing', true), consent('sms_alerts', input.consent.sms)],
    );
    if (created instanceof ProfileConflict) throw conflictError(created);
    return this.presenter.one(created, staff ? 'staff' : 'self');
  }

  async mine(account: SignedInAccount): Promise<WorkerAnswer> {
    return this.presenter.one(await this.own(account), 'self');
  }

  /** The signed-in seeker's profile, claiming a walk-in registered under their phone. */
  async own(account: SignedInAccount): Promise<Worker> {
    const worker = (await this.workers.findByAccount(account.id)) ?? (await this.workers.claimWalkIn(account.phone, account.id));
    if (!worker) throw new NotFoundDomainException('Worker profile');
    return worker;
  }

  /** Any profile field; a change of SMS consent is recorded (a new "yes" also lifts an earlier `T` unsubscribe). */
  async updateMine(account: SignedInAccount, input: UpdateWorkerDto): Promise<WorkerAnswer> {
    const { id } = await this.own(account);
    const { consent, residentId, ...fields } = input;
    const changes: WorkerChanges = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
    if (residentId !== undefined) {
      const resident = this.residentIds.protect(residentId);
      Object.assign(changes, { residentIdHash: resident.hash, residentIdLast4: resident.last4 });
    }
    const updated = await this.workers.transaction(async (manager) => {
      const worker = await this.workers.findForUpdate(manager, id);
      if (!worker || worker.accountId !== account.id) throw new NotFoundDomainException('Worker profile');
      const consents: NewConsent[] = [];
      if (consent?.sms !== undefined && consent.sms !== acceptsMarketingSms(worker)) {
        Object.assign(changes, { consentSms: consent.sms }, consent.sms ? { smsOptOutAt: null } : {});
        consents.push({
          purpose: 'sms_alerts',
          granted: consent.sms,
          channel: 'self',
          recordedBy: account.id,
          recordedAt: this.clock.now(),
        });
      }
      const saved = await this.workers.update(manager, id, changes);
      if (saved instanceof ProfileConflict) throw conflictError(saved);
      await this.workers.recordConsents(manager, id, consents);
      return saved;
    });
    return this.presenter.one(updated, 'self');
  }

  /** Staff see anyone; an employer only someone booked on its shifts; a seeker only themselves. Otherwise 404: existence is private. */
  async get(account: SignedInAccount, id: string): Promise<WorkerAnswer> {
    const worker = await this.workers.findById(id);
    const audience = worker && (await this.audienceFor(account, worker));
    if (!worker || !audience) throw new NotFoundDomainException('Worker');
    return this.presenter.one(worker, audience);
  }

  /** Staff only, with the seeker's consent (a priority group is sensitive information); the consent is recorded. */
  async setPriorityGroup(account: SignedInAccount, id: string, input: SetPriorityGroupDto): Promise<WorkerAnswer> {
    const updated = await this.workers.transaction(async (manager) => {
      const worker = await this.workers.findForUpdate(manager, id);
      if (!worker || worker.status === 'erased') throw new NotFoundDomainException('Worker');
      const saved = await this.workers.update(manager, id, { priorityGroup: input.group });
      if (saved instanceof ProfileConflict) throw conflictError(saved);
      // Back to `none` withdraws what the group recorded; any other group is consent given.
      const granted = input.group !== 'none';
      await this.workers.recordConsents(manager, id, [
        { purpose: 'priority_group', granted, channel: 'desk', recordedBy: account.id, recordedAt: this.clock.now() },
      ]);
      return saved;
    });
    return this.presenter.one(updated, 'staff');
  }

  private async audienceFor(account: SignedInAccount, worker: Worker): Promise<Audience | null> {
    if (isStaff(account)) return 'staff';
    if (worker.status === 'erased') return null;
    if (account.role === 'worker') return worker.accountId === account.id ? 'self' : null;
    if (account.role === 'employer') return (await this.records.isBookedBy(account.id, worker.id)) ? 'booked_employer' : null;
    return null;
  }
}
