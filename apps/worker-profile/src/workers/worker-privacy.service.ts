import { Injectable } from '@nestjs/common';
import { recordEvent } from '@lingong/outbox';
import type { SignedInAccount } from '@lingong/identity';
import { toMarketIso } from '@lingong/domain';
import { Clock, NotFoundDomainException } from '@lingong/platform';
import { WorkerExportRepository } from './worker-export.repository';
import { WorkerPresenter } from './worker.presenter';
import { WorkersRepository, type WorkerChanges } from './workers.repository';
import { WorkersService } from './workers.service';

/** Times in the download read as the market's local time, like every other answer. */
function inMarketTime(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, value instanceof Date ? toMarketIso(value) : value]));
}

/**
 * What erasure leaves of a profile (PIPL art. 47): no name, contact, place, resident ID, skills or
 * sensitive group, and no link to the sign-in. The row stays so bookings and ratings, which others
 * rely on (pay owed, attendance), still point somewhere — now anonymous.
 */
export function erasedProfile(now: Date): WorkerChanges {
  return {
    name: '已注销',
    phone: null,
    accountId: null,
    lat: null,
    lng: null,
    skills: [],
    certificates: [],
    availability: [],
    expectedDailyPayFen: null,
    residentIdHash: null,
    residentIdLast4: null,
    residentIdConflictHash: null,
    priorityGroup: 'none',
    consentSms: false,
    status: 'erased',
    erasedAt: now,
  };
}

/** A seeker's rights over their data: download everything held about them, and erase it. */
@Injectable()
export class WorkerPrivacyService {
  constructor(
    private readonly profiles: WorkersService,
    private readonly workers: WorkersRepository,
    private readonly exports: WorkerExportRepository,
    private readonly presenter: WorkerPresenter,
    private readonly clock: Clock,
  ) {}

  /** Everything held about them (PIPL art. 45), the priority group included: it is theirs to see, if not the board's. */
  async export(account: SignedInAccount) {
    const worker = await this.profiles.own(account);
    const [profile, history] = await Promise.all([this.presenter.one(worker, 'self'), this.exports.history(worker.id)]);
    return {
      exportedAt: toMarketIso(this.clock.now()),
      profile: {
        ...profile,
        priorityGroup: worker.priorityGroup,
        consentDataProcessingAt: toMarketIso(worker.consentDataProcessingAt),
        smsOptOutAt: worker.smsOptOutAt && toMarketIso(worker.smsOptOutAt),
        registeredVia: worker.registeredBy ? 'desk' : 'self',
        updatedAt: toMarketIso(worker.updatedAt),
      },
      consents: history.consents.map((consent) => ({
        purpose: consent.purpose,
        granted: consent.granted,
        channel: consent.channel,
        recordedAt: toMarketIso(consent.recordedAt),
      })),
      bookings: history.bookings.map(inMarketTime),
      ratingsReceived: history.ratingsReceived.map(inMarketTime),
      ratingsGiven: history.ratingsGiven.map(inMarketTime),
      applications: history.applications.map(inMarketTime),
      reports: history.reports.map(inMarketTime),
    };
  }

  /** Personal data erased in one transaction; consent records stay (they prove what was agreed), closed by a final withdrawal. */
  async erase(account: SignedInAccount): Promise<void> {
    const { id } = await this.profiles.own(account);
    await this.workers.transaction(async (manager) => {
      const worker = await this.workers.findForUpdate(manager, id);
      if (!worker || worker.accountId !== account.id) throw new NotFoundDomainException('Worker profile');
      const now = this.clock.now();
      await this.workers.update(manager, id, erasedProfile(now));
      await this.workers.recordConsents(manager, id, [
        { purpose: 'data_processing', granted: false, channel: 'self', recordedBy: account.id, recordedAt: now },
      ]);
      // Other services holding the phone (the SMS log) forget it too.
      if (worker.phone) await recordEvent(manager, 'worker.erased', { workerId: id, phone: worker.phone, erasedAt: now.toISOString() });
    });
  }
}
