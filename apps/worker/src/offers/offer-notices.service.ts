import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { Clock } from '@lingong/platform';
import { QueueName, type JobName, type QueueJobs } from '@lingong/queue';
import { isSameDayChange, smsTemplates } from '@lingong/sms';
import { NoticeFactsRepository } from '../booking-notices/notice-facts.repository';
import { NotificationsService } from '../notifications/notifications.service';
import { ServicesClient } from '../services-client/services.client';

type OfferStepsQueue = Queue<QueueJobs['offer-expiry'][JobName<'offer-expiry'>], unknown, JobName<'offer-expiry'>>;

/** An answer to a reply stops mattering after this: later it would answer nothing the person remembers. */
const REPLY_LIFETIME_MS = 3_600_000;

/** SMS about offers: the offer itself (and its expiry job), a polite "too late" or refusal, help for stray replies. */
@Injectable()
export class OfferNoticesService {
  constructor(
    private readonly facts: NoticeFactsRepository,
    private readonly notifications: NotificationsService,
    private readonly services: ServicesClient,
    private readonly clock: Clock,
    @InjectQueue(QueueName.offerExpiry) private readonly steps: OfferStepsQueue,
  ) {}

  /**
   * A matching run for the shift, and the offers it made sent at once: their `offer.created`
   * events (relayed, queued, handled) would add a round trip before the SMS, and a person an
   * offer is for should hear of it first. The events still come and send nothing twice.
   */
  async matchAndSend(shiftId: string): Promise<void> {
    const offerIds = await this.services.runMatching(shiftId);
    await Promise.all(offerIds.map((offerId) => this.send(offerId)));
  }

  /**
   * Sends an offer's SMS, or schedules it: matching (which owns offers) decides. In the quiet hours
   * the send waits for their end; when it goes, the offer's clock starts and its expiry job is
   * added for then. Asked again (a retried event, the `offer.send` job, the sweep) it sends nothing
   * twice: the message's dedupe key is the offer's, and the jobs' ids derive from it.
   */
  async send(offerId: string, fromItsJob = false): Promise<void> {
    const decision = await this.services.sendOffer(offerId);
    switch (decision.action) {
      case 'none':
        return;
      case 'wait': {
        // The job that was to send it ran a moment early (clocks differ): it is tried again shortly.
        if (fromItsJob) throw new Error(`offer ${offerId} is to be sent at ${decision.until}, not yet`);
        const delay = Math.max(0, Date.parse(decision.until) - this.clock.now().getTime());
        await this.steps.add('offer.send', { offerId }, { jobId: `offer-send-${offerId}`, delay });
        return;
      }
      case 'send': {
        const offer = await this.facts.offer(offerId);
        // No phone: the seeker erased their data after matching decided.
        if (!offer?.phone || offer.status !== 'pending') return;
        const expiresAt = new Date(decision.expiresAt);
        // Sent outside the quiet hours (matching saw to that), so it goes at once; it matters while it stands.
        await this.notifications.send([
          {
            dedupeKey: `offer:${offerId}`,
            phone: offer.phone,
            kind: 'offer',
            text: smsTemplates.offer(offer, expiresAt),
            urgent: true,
            causedAt: offer.offeredAt,
            mattersUntil: expiresAt,
          },
        ]);
        const delay = Math.max(0, expiresAt.getTime() - this.clock.now().getTime());
        await this.steps.add('offer.expire', { offerId }, { jobId: offerId, delay });
        return;
      }
    }
  }

  async tooLate(eventId: string, offerId: string): Promise<void> {
    const offer = await this.facts.offer(offerId);
    if (!offer?.phone) return;
    const urgent = isSameDayChange(this.clock.now(), offer.startsAt);
    await this.notifications.send([
      {
        dedupeKey: `${eventId}:offer_too_late`,
        phone: offer.phone,
        kind: 'offer_too_late',
        text: smsTemplates.offerTooLate(offer),
        urgent,
        causedAt: offer.offeredAt,
        mattersUntil: offer.startsAt,
      },
    ]);
  }

  /** `repliedAt`: when the reply came in (the event), so a reply from before the sender's erasure is not answered after it. */
  async refused(eventId: string, phone: string, code: string, repliedAt: Date): Promise<void> {
    await this.notifications.send([
      {
        dedupeKey: `${eventId}:reply_refused`,
        phone,
        kind: 'reply_refused',
        text: smsTemplates.replyRefused(code),
        urgent: true,
        causedAt: repliedAt,
        mattersUntil: this.replyLifetime(),
      },
    ]);
  }

  async help(eventId: string, phone: string, repliedAt: Date): Promise<void> {
    await this.notifications.send([
      {
        dedupeKey: `${eventId}:reply_help`,
        phone,
        kind: 'reply_help',
        text: smsTemplates.replyHelp(),
        urgent: true,
        causedAt: repliedAt,
        mattersUntil: this.replyLifetime(),
      },
    ]);
  }

  private replyLifetime(): Date {
    return new Date(this.clock.now().getTime() + REPLY_LIFETIME_MS);
  }
}
