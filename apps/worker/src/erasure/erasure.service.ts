import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Clock } from '@lingong/platform';
import type { DomainEvent } from '@lingong/queue';
import { ServicesClient } from '../services-client/services.client';
import { ErasureRepository } from './erasure.repository';
import { PhoneHasher } from './phone-hasher';
import { QueuedJobsRepository } from './queued-jobs.repository';

/**
 * A seeker's erasure across the market, from the `worker.erased` event (worker-profile has already
 * erased the profile). Each service erases what it owns: job-posting withdraws applications,
 * cancels future bookings and clears free text; matching withdraws offers and forgets the phone;
 * the front door deletes the sign-in account and codes; this app scrubs the SMS log, outbox
 * payloads and queued jobs. Every step is idempotent, so a failure anywhere retries the whole.
 */
@Injectable()
export class ErasureService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ErasureService.name);

  constructor(
    private readonly erasures: ErasureRepository,
    private readonly jobs: QueuedJobsRepository,
    private readonly services: ServicesClient,
    private readonly phones: PhoneHasher,
    private readonly clock: Clock,
  ) {}

  async carryOut(event: DomainEvent<'worker.erased'>): Promise<void> {
    const { workerId, phone } = event.payload;
    const erasedAt = new Date(event.payload.erasedAt);
    await this.erasures.eraseFromSmsLog({ workerId, phone, phoneHash: phone && this.phones.hash(phone), erasedAt });
    await this.services.eraseSeekerInJobPosting(workerId);
    await this.services.eraseSeekerInMatching(workerId);
    if (phone) {
      await this.services.endSeekerSignIn(phone, erasedAt);
      // Jobs that were waiting, delayed, done or failed with the phone in them (a help text, a code).
      await this.jobs.removeMentioning([phone, `+86${phone}`], erasedAt);
    }
    const now = this.clock.now();
    await this.erasures.complete(workerId, now);
    await this.erasures.forgetOldPhoneHashes(now);
  }

  /** Old phone hashes are let go with each erasure, and at each start, so a quiet month keeps none either. */
  async onApplicationBootstrap(): Promise<void> {
    await this.erasures
      .forgetOldPhoneHashes(this.clock.now())
      .catch((error: Error) => this.logger.warn(`old erased-phone hashes not let go yet: ${error.message}`));
  }
}
