import { BadRequestException, Injectable, Logger } from '@nestjs/common';
import { acceptsMarketingSms } from '@lingong/domain';
import { isStaff, type SignedInAccount } from '@lingong/identity';
import { Clock, DomainException, NotFoundDomainException } from '@lingong/platform';
import type { CreateWorkerDto } from './dto/create-worker.dto';
import type { SetPriorityGroupDto } from './dto/set-priority-group.dto';
import type { SetResidentIdDto } from './dto/set-resident-id.dto';
import type { UpdateWorkerAtDeskDto, UpdateWorkerDto } from './dto/update-worker.dto';
import { ResidentIdHasher } from './resident-id.hasher';
import type { Worker } from './worker.entity';
import { WorkerPresenter } from './worker.presenter';
import { WorkerRecordsRepository } from './worker-records.repository';
import type { Audience, WorkerAnswer } from './worker.view';
import { ProfileConflict, WorkersRepository, type NewConsent, type WorkerChanges } from './workers.repository';

/** What to write for a resident ID, and whether it was one another profile already held. */
interface ResidentIdFields {
  fields: Pick<WorkerChanges, 'residentIdHash' | 'residentIdLast4' | 'residentIdConflictHash'>;
  conflict: boolean;
}

export function conflictError(conflict: ProfileConflict): DomainException {
  return conflict.on === 'residentId'
    ? new DomainException('RESIDENT_ID_TAKEN', '该身份证号已登记在另一份档案 / This resident ID is registered to another profile', 409)
    : new DomainException('WORKER_EXISTS', '该手机号已登记 / A profile for this phone already exists', 409);
}

/** Seekers' profiles: registration (own or walk-in at the desk), reading and editing, and the priority group staff set. */
@Injectable()
export class WorkersService {
  private readonly logger = new Logger(WorkersService.name);

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
    if (staff && input.phone === undefined)
      throw new BadRequestException(['phone is required when staff register a walk-in (null for a person who has no phone)']);
    if (!staff && input.phone !== undefined) throw new BadRequestException(['phone is taken from your sign-in; leave it out']);
    const now = this.clock.now();
    let resident = input.residentId ? await this.residentIdFields(account, input.residentId, null) : null;
    const consent = (purpose: NewConsent['purpose'], granted: boolean): NewConsent => ({
      purpose,
      granted,
      channel: staff ? 'desk' : 'self',
      recordedBy: account.id,
      location: staff ? (input.consent.desk ?? null) : null,
      recordedAt: now,
    });
    const values = (fields: ResidentIdFields['fields'] | undefined): WorkerChanges => ({
      accountId: staff ? null : account.id,
      phone: staff ? (input.phone ?? null) : account.phone,
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
      residentIdHash: null,
      residentIdLast4: null,
      ...fields,
      registeredBy: staff ? account.id : null,
    });
    const consents = [consent('data_processing', true), consent('sms_alerts', input.consent.sms)];
    let created = await this.workers.create(values(resident?.fields), consents);
    if (created instanceof ProfileConflict && created.on === 'residentId' && resident && !staff) {
      // Another profile took the same ID between the look-up and the write: the same quiet answer.
      resident = this.conflicting(input.residentId!);
      created = await this.workers.create(values(resident.fields), consents);
    }
    if (created instanceof ProfileConflict) throw conflictError(created);
    if (resident?.conflict) this.flagged(created.id, account);
    return this.presenter.one(created, staff ? 'staff' : 'self');
  }

  /**
   * Staff at the desk, who hold the person's card, are told RESIDENT_ID_TAKEN. Anyone else is
   * answered exactly as if the ID were free (else typing a stranger's ID would tell whether that
   * person is registered here): the last four are kept as they gave them, the ID's keyed hash goes
   * to `residentIdConflictHash` for staff to check, and the attempt is logged without the ID.
   */
  private async residentIdFields(account: SignedInAccount, residentId: string, ownId: string | null): Promise<ResidentIdFields> {
    const resident = this.residentIds.protect(residentId);
    if (!isStaff(account)) {
      const holder = await this.workers.residentIdHolder(resident.hash);
      if (holder !== null && holder !== ownId) return this.conflicting(residentId);
    }
    return { fields: { residentIdHash: resident.hash, residentIdLast4: resident.last4, residentIdConflictHash: null }, conflict: false };
  }

  private conflicting(residentId: string): ResidentIdFields {
    const resident = this.residentIds.protect(residentId);
    return { fields: { residentIdHash: null, residentIdLast4: resident.last4, residentIdConflictHash: resident.hash }, conflict: true };
  }

  private flagged(workerId: string, account: SignedInAccount): void {
    this.logger.warn(
      `A resident ID given by seeker ${workerId} (account ${account.id}) is held by another profile; kept for staff to check`,
    );
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
    const { residentId } = input;
    let resident = residentId === undefined ? null : await this.residentIdFields(account, residentId, id);
    let updated: Worker;
    try {
      updated = await this.update(account, id, input, resident);
    } catch (error) {
      if (!(resident && error instanceof DomainException && error.code === 'RESIDENT_ID_TAKEN')) throw error;
      // Another profile took the same ID between the look-up and the write: the same quiet answer.
      resident = this.conflicting(residentId!);
      updated = await this.update(account, id, input, resident);
    }
    if (resident?.conflict) this.flagged(id, account);
    return this.presenter.one(updated, 'self');
  }

  /**
   * Staff change a seeker's profile at the desk (the person in front of them asked): any field of
   * the profile, a changed SMS consent recorded as given at the desk. A resident ID another profile
   * holds is refused with RESIDENT_ID_TAKEN (staff hold the card; PUT …/resident-id settles it).
   */
  async updateAtDesk(account: SignedInAccount, id: string, input: UpdateWorkerAtDeskDto): Promise<WorkerAnswer> {
    const { desk, ...changes } = input;
    const resident = changes.residentId === undefined ? null : await this.residentIdFields(account, changes.residentId, id);
    const updated = await this.update(account, id, changes, resident, { location: desk ?? null });
    return this.presenter.one(updated, 'staff');
  }

  /** `atDesk`: staff make the change (any active profile; consent recorded as given at that desk); otherwise the seeker their own. */
  private async update(
    account: SignedInAccount,
    id: string,
    input: UpdateWorkerDto,
    resident: ResidentIdFields | null,
    atDesk?: { location: string | null },
  ): Promise<Worker> {
    const { consent, residentId: _residentId, ...fields } = input;
    const changes: WorkerChanges = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
    if (resident) Object.assign(changes, resident.fields);
    return this.workers.transaction(async (manager) => {
      const worker = await this.workers.findForUpdate(manager, id);
      const mayChange = atDesk ? worker?.status !== 'erased' : worker?.accountId === account.id;
      if (!worker || !mayChange) throw new NotFoundDomainException('Worker profile');
      // A seeker's phone is their sign-in: theirs to keep. A walk-in's (no sign-in yet) staff may set,
      // and the person claims the profile when they first sign in with it.
      if (changes.phone !== undefined && worker.accountId !== null) {
        throw new DomainException(
          'PHONE_IS_SIGN_IN',
          '该手机号是求职者本人的登录账号，不能在窗口修改 / This phone is the seeker’s own sign-in',
          409,
        );
      }
      const consents: NewConsent[] = [];
      if (consent?.sms !== undefined && consent.sms !== acceptsMarketingSms(worker)) {
        Object.assign(changes, { consentSms: consent.sms }, consent.sms ? { smsOptOutAt: null } : {});
        consents.push({
          purpose: 'sms_alerts',
          granted: consent.sms,
          channel: atDesk ? 'desk' : 'self',
          recordedBy: account.id,
          location: atDesk?.location ?? null,
          recordedAt: this.clock.now(),
        });
      }
      const saved = await this.workers.update(manager, id, changes);
      if (saved instanceof ProfileConflict) throw conflictError(saved);
      await this.workers.recordConsents(manager, id, consents);
      return saved;
    });
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
        {
          purpose: 'priority_group',
          granted,
          channel: 'desk',
          recordedBy: account.id,
          location: input.desk ?? null,
          recordedAt: this.clock.now(),
        },
      ]);
      return saved;
    });
    return this.presenter.one(updated, 'staff');
  }

  /**
   * Staff, having seen the person's card, settle a resident ID: set on this profile, or cleared
   * (null). A profile that held the ID loses it and is marked for a check in turn (its
   * `residentIdCheck` names this profile), so the desk can sort it out when that person comes in.
   */
  async setResidentId(account: SignedInAccount, id: string, input: SetResidentIdDto): Promise<WorkerAnswer> {
    const resident = input.residentId === null ? null : this.residentIds.protect(input.residentId);
    const { saved, from } = await this.workers.transaction(async (manager) => {
      const worker = await this.workers.findForUpdate(manager, id);
      if (!worker || worker.status === 'erased') throw new NotFoundDomainException('Worker');
      const holder = resident && (await this.workers.residentIdHolder(resident.hash, manager));
      if (resident && holder && holder !== id) {
        await this.workers.update(manager, holder, { residentIdHash: null, residentIdLast4: null, residentIdConflictHash: resident.hash });
      }
      const changes = { residentIdHash: resident?.hash ?? null, residentIdLast4: resident?.last4 ?? null, residentIdConflictHash: null };
      const updated = await this.workers.update(manager, id, changes);
      if (updated instanceof ProfileConflict) throw conflictError(updated);
      return { saved: updated, from: holder !== id ? holder : null };
    });
    this.logger.log(`Staff ${account.id} settled the resident ID of seeker ${id}${from ? `, taking it from seeker ${from}` : ''}`);
    return this.presenter.one(saved, 'staff');
  }

  private async audienceFor(account: SignedInAccount, worker: Worker): Promise<Audience | null> {
    if (isStaff(account)) return 'staff';
    if (worker.status === 'erased') return null;
    if (account.role === 'worker') return worker.accountId === account.id ? 'self' : null;
    if (account.role === 'employer') return (await this.records.isBookedBy(account.id, worker.id)) ? 'booked_employer' : null;
    return null;
  }
}
