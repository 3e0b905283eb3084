import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull, Not } from 'typeorm';
import { isPgError, PgErrorCode, pgConstraint } from '@lingong/database';
import { WorkerConsent } from './worker-consent.entity';
import { Worker } from './worker.entity';

export type NewConsent = Omit<WorkerConsent, 'id' | 'workerId' | 'location'> & Partial<Pick<WorkerConsent, 'location'>>;

/** What a write may set: never the id or timestamps, and never `location`, which a trigger derives from lat/lng. */
export type WorkerChanges = Partial<Omit<Worker, 'id' | 'location' | 'createdAt' | 'updatedAt'>>;

/** A unique key refused the write: the phone or account already has a profile, or the resident ID is someone else's. */
export class ProfileConflict {
  constructor(readonly on: 'profile' | 'residentId') {}
}

/** Profiles and their consent records: every write of worker-profile's own tables. */
@Injectable()
export class WorkersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get workers() {
    return this.dataSource.getRepository(Worker);
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** The profile and the consents given for it, in one transaction. */
  async create(values: WorkerChanges, consents: NewConsent[]): Promise<Worker | ProfileConflict> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const worker = await manager.save(manager.create(Worker, values));
        await this.recordConsents(manager, worker.id, consents);
        return worker;
      });
    } catch (error) {
      return this.conflict(error);
    }
  }

  findById(id: string): Promise<Worker | null> {
    return this.workers.findOneBy({ id });
  }

  /** The profile holding this resident ID (by its keyed hash), if any. */
  async residentIdHolder(hash: string, manager: EntityManager = this.dataSource.manager): Promise<string | null> {
    return (await manager.getRepository(Worker).findOne({ where: { residentIdHash: hash }, select: { id: true } }))?.id ?? null;
  }

  /** For staff: which profiles hold these resident IDs (keyed hashes), hash → profile id. */
  async residentIdHolders(hashes: string[]): Promise<Map<string, string>> {
    if (hashes.length === 0) return new Map();
    const holders = await this.workers.find({ where: { residentIdHash: In(hashes) }, select: { id: true, residentIdHash: true } });
    return new Map(holders.map((worker) => [worker.residentIdHash!, worker.id]));
  }

  findByAccount(accountId: string): Promise<Worker | null> {
    return this.workers.findOneBy({ accountId });
  }

  /** A walk-in registered by staff becomes the person's own when they first sign in with that phone. */
  async claimWalkIn(phone: string, accountId: string): Promise<Worker | null> {
    await this.workers.update({ phone, accountId: IsNull(), status: Not('erased') }, { accountId });
    return this.findByAccount(accountId);
  }

  /** Locks the profile for a change, so concurrent edits (and their consent rows) apply one after the other. */
  findForUpdate(manager: EntityManager, id: string): Promise<Worker | null> {
    return manager.getRepository(Worker).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async update(manager: EntityManager, id: string, changes: WorkerChanges): Promise<Worker | ProfileConflict> {
    try {
      if (Object.keys(changes).length > 0) await manager.update(Worker, { id }, changes);
      return await manager.findOneByOrFail(Worker, { id });
    } catch (error) {
      return this.conflict(error);
    }
  }

  async recordConsents(manager: EntityManager, workerId: string, consents: NewConsent[]): Promise<void> {
    if (consents.length === 0) return;
    await manager.insert(
      WorkerConsent,
      consents.map((consent) => ({ ...consent, workerId })),
    );
  }

  /** Erasure: consent records the seeker made themselves no longer name their (deleted) account. */
  async unlinkConsents(manager: EntityManager, workerId: string, accountId: string): Promise<void> {
    await manager.update(WorkerConsent, { workerId, recordedBy: accountId }, { recordedBy: null });
  }

  /** Which unique key refused the write, read from the entity's metadata rather than a hard-coded constraint name. */
  private conflict(error: unknown): ProfileConflict {
    if (!isPgError(error, PgErrorCode.uniqueViolation)) throw error;
    const constraint = pgConstraint(error);
    const unique = this.workers.metadata.uniques.find((candidate) => candidate.name === constraint);
    const onResidentId = unique?.columns.some((column) => column.propertyName === 'residentIdHash') ?? false;
    return new ProfileConflict(onResidentId ? 'residentId' : 'profile');
  }
}
