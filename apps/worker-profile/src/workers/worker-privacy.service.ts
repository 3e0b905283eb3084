import { Injectable, Logger } from '@nestjs/common';
import { recordEvent } from '@lingong/outbox';
import type { SignedInAccount } from '@lingong/identity';
import { toMarketIso } from '@lingong/domain';
import { Clock, NotFoundDomainException } from '@lingong/platform';
import { SignInAccountsClient } from './sign-in-accounts.client';
import type { Worker } from './worker.entity';
import { WorkerExportRepository } from './worker-export.repository';
import { WorkerPresenter } from './worker.presenter';
import { WorkersRepository, type NewConsent, type WorkerChanges } from './workers.repository';
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
  private readonly logger = new Logger(WorkerPrivacyService.name);

  constructor(
    private readonly profiles: WorkersService,
    private readonly workers: WorkersRepository,
    private readonly exports: WorkerExportRepository,
    private readonly presenter: WorkerPresenter,
    private readonly signIn: SignInAccountsClient,
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
        location: consent.location,
        recordedAt: toMarketIso(consent.recordedAt),
      })),
      bookings: history.bookings.map(inMarketTime),
      ratingsReceived: history.ratingsReceived.map(inMarketTime),
      ratingsGiven: history.ratingsGiven.map(inMarketTime),
      applications: history.applications.map(inMarketTime),
      reports: history.reports.map(inMarketTime),
    };
  }

  /** The seeker erases their own data (PIPL art. 47). */
  async erase(account: SignedInAccount): Promise<void> {
    const { id } = await this.profiles.own(account);
    await this.eraseProfile(id, (worker) => worker.accountId === account.id, { channel: 'self', recordedBy: null });
  }

  /** Staff erase a seeker who asks at the desk (a walk-in without a smartphone), as the seeker would. */
  async eraseAtDesk(staff: SignedInAccount, id: string): Promise<void> {
    await this.eraseProfile(id, () => true, { channel: 'desk', recordedBy: staff.id });
  }

  /**
   * The profile is erased in one transaction with the `worker.erased` event, from which the worker
   * app has every other service erase its part (applications, bookings, offers, the SMS log, queues,
   * the sign-in account). Consent records stay (they prove what was agreed), closed by a final
   * withdrawal and no longer linked to the person's account.
   */
  private async eraseProfile(
    id: string,
    mayErase: (worker: Worker) => boolean,
    by: Pick<NewConsent, 'channel' | 'recordedBy'>,
  ): Promise<void> {
    const erased = await this.workers.transaction(async (manager) => {
      const worker = await this.workers.findForUpdate(manager, id);
      // Erased already (perhaps by a concurrent request): as if it were not there.
      if (!worker || worker.status === 'erased' || !mayErase(worker)) throw new NotFoundDomainException('Worker profile');
      const now = this.clock.now();
      await this.workers.update(manager, id, erasedProfile(now));
      if (worker.accountId) await this.workers.unlinkConsents(manager, id, worker.accountId);
      await this.workers.recordConsents(manager, id, [{ purpose: 'data_processing', granted: false, ...by, recordedAt: now }]);
      await recordEvent(manager, 'worker.erased', { workerId: id, phone: worker.phone, erasedAt: now.toISOString() });
      return { phone: worker.phone, at: now };
    });
    // Their tokens end now rather than when the flow reaches the front door. Best effort: without
    // the front door no token reaches any service anyway, and the flow retries until it is done.
    if (erased.phone) {
      await this.signIn
        .endSeekerSignIn(erased.phone, erased.at)
        .catch((error: Error) => this.logger.warn(`sign-in not ended yet, the erasure flow will: ${error.message}`));
    }
  }
}
