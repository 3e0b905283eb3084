import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { Clock } from '@lingong/platform';
import { QueueName } from '@lingong/queue';
import { isSameDayChange, smsTemplates } from '@lingong/sms';
import { NoticeFactsRepository } from '../booking-notices/notice-facts.repository';
import { NotificationsService } from '../notifications/notifications.service';

/** SMS about offers: the offer itself (and its expiry job), a polite "too late" or refusal, help for stray replies. */
@Injectable()
export class OfferNoticesService {
  constructor(
    private readonly facts: NoticeFactsRepository,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
    @InjectQueue(QueueName.offerExpiry) private readonly expiries: Queue,
  ) {}

  async offered(eventId: string, offerId: string): Promise<void> {
    const offer = await this.facts.offer(offerId);
    if (!offer?.phone || offer.status !== 'pending') return;
    const now = this.clock.now();
    // An offer is a question with a deadline: it cannot wait out the night.
    await this.notifications.send([
      { dedupeKey: `${eventId}:offer`, phone: offer.phone, kind: 'offer', text: smsTemplates.offer(offer, offer.expiresAt), urgent: true, causedAt: offer.offeredAt },
    ]);
    await this.expiries.add('offer.expire', { offerId }, { jobId: offerId, delay: Math.max(0, offer.expiresAt.getTime() - now.getTime()) });
  }

  async tooLate(eventId: string, offerId: string): Promise<void> {
    const offer = await this.facts.offer(offerId);
    if (!offer?.phone) return;
    const urgent = isSameDayChange(this.clock.now(), offer.startsAt);
    await this.notifications.send([
      { dedupeKey: `${eventId}:offer_too_late`, phone: offer.phone, kind: 'offer_too_late', text: smsTemplates.offerTooLate(offer), urgent, causedAt: offer.offeredAt },
    ]);
  }

  /** `repliedAt`: when the reply came in (the event), so a reply from before the sender's erasure is not answered after it. */
  async refused(eventId: string, phone: string, code: string, repliedAt: Date): Promise<void> {
    await this.notifications.send([
      { dedupeKey: `${eventId}:reply_refused`, phone, kind: 'reply_refused', text: smsTemplates.replyRefused(code), urgent: true, causedAt: repliedAt },
    ]);
  }

  async help(eventId: string, phone: string, repliedAt: Date): Promise<void> {
    await this.notifications.send([{ dedupeKey: `${eventId}:reply_help`, phone, kind: 'reply_help', text: smsTemplates.replyHelp(), urgent: true, causedAt: repliedAt }]);
  }
}
