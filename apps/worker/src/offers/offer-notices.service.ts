import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { Clock } from '@lingong/platform';
import { QueueName, type JobName, type QueueJobs } from '@lingong/queue';
import { isSameDayChange, smsTemplates } from '@lingong/sms';
import { NoticeFactsRepository } from '../booking-notices/notice-facts.repository';
import { NotificationsService } from '../notifications/notifications.service';
import { UrgentWork } from '../notifications/urgent-work';
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
    private readonly urgentWork: UrgentWork,
  ) {}

  /**
   * A matching run for the shift, and its offers sent at once: a person an offer is for should hear
   * of it first, and these offers have no `offer.created` events to send them (that would be a
   * relay, a job and a look-up per offer in a publish storm). The run also answers the shift's
   * other pending offers, so the event tried again after a crash sends what this attempt missed;
   * the sweep sends any left unsent.
   */
  matchAndSend(shiftId: string): Promise<void> {
    return this.urgentWork.track(async () => this.decideAndSend(await this.services.runMatching(shiftId), false));
  }

  /**
   * An offer's `offer.created` event (an offer asked for by staff or the employer, or the next
   * candidate's): sends its SMS unless it is written already (the sweep or a run got there first).
   */
  async created(offerId: string): Promise<void> {
    if (await this.notifications.written(`offer:${offerId}`)) return;
    await this.send(offerId);
  }

  /** One offer's SMS (its event, its `offer.send` job, the sweep); see decideAndSend. */
  send(offerId: string, fromItsJob = false): Promise<void> {
    return this.urgentWork.track(() => this.decideAndSend([offerId], fromItsJob));
  }

  /**
   * Sends the offers' SMS, or schedules them: matching (which owns offers) decides, for all of them
   * at once. In the quiet hours a send waits for their end; when it goes, the offer's clock starts
   * and its expiry job is added for then. Asked again (a retried event, the `offer.send` job, the
   * sweep) it sends nothing twice: a message's dedupe key is its offer's, and the jobs' ids derive
   * from it.
   */
  private async decideAndSend(offerIds: readonly string[], fromItsJob: boolean): Promise<void> {
    if (offerIds.length === 0) return;
    const decisions = await this.services.sendOffers(offerIds);
    const now = this.clock.now().getTime();
    const waiting = decisions.flatMap((decision) => (decision.action === 'wait' ? [decision] : []));
    // The job that was to send it ran a moment early (clocks differ): it is tried again shortly.
    if (fromItsJob && waiting.length > 0) throw new Error(`offer ${waiting[0]!.offerId} is to be sent at ${waiting[0]!.until}, not yet`);
    if (waiting.length > 0)
      await this.steps.addBulk(
        waiting.map(({ offerId, until }) => ({
          name: 'offer.send' as const,
          data: { offerId },
          opts: { jobId: `offer-send-${offerId}`, delay: Math.max(0, Date.parse(until) - now) },
        })),
      );
    const sending = decisions.flatMap((decision) => (decision.action === 'send' ? [decision] : []));
    if (sending.length === 0) return;
    const facts = await this.facts.offers(sending.map((decision) => decision.offerId));
    const ready = sending.flatMap(({ offerId, expiresAt }) => {
      const offer = facts.get(offerId);
      // No phone: the seeker erased their data after matching decided.
      return offer?.phone && offer.status === 'pending' ? [{ offerId, offer, phone: offer.phone, expiresAt: new Date(expiresAt) }] : [];
    });
    // Expiry jobs before the messages: a message once written is not sent again by a retried event,
    // so a crash between the two must not leave an offer without its expiry.
    await this.steps.addBulk(
      ready.map(({ offerId, expiresAt }) => ({
        name: 'offer.expire' as const,
        data: { offerId },
        opts: { jobId: offerId, delay: Math.max(0, expiresAt.getTime() - now) },
      })),
    );
    // Sent outside the quiet hours (matching saw to that), so they go at once; each matters while it stands.
    await this.notifications.send(
      ready.map(({ offerId, offer, phone, expiresAt }) => ({
        dedupeKey: `offer:${offerId}`,
        phone,
        kind: 'offer',
        text: smsTemplates.offer(offer, expiresAt),
        urgent: true,
        causedAt: offer.offeredAt,
        mattersUntil: expiresAt,
      })),
    );
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
