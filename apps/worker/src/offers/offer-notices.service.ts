import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { Clock } from '@lingong/platform';
import { QueueName } from '@lingong/queue';
import { isSameDayChange, smsTemplates, type BookingSummary } from '@lingong/sms';
import { NotificationsService } from '../notifications/notifications.service';

interface OfferFacts extends BookingSummary {
  phone: string;
  status: string;
  expiresAt: Date;
}

/** SMS about offers: the offer itself (and its expiry job), a polite "too late" or refusal, help for stray replies. */
@Injectable()
export class OfferNoticesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
    @InjectQueue(QueueName.offerExpiry) private readonly expiries: Queue,
  ) {}

  async offered(eventId: string, offerId: string): Promise<void> {
    const offer = await this.facts(offerId);
    if (!offer || offer.status !== 'pending') return;
    const now = this.clock.now();
    // An offer is a question with a deadline: it cannot wait out the night.
    await this.notifications.send([{ dedupeKey: `${eventId}:offer`, phone: offer.phone, kind: 'offer', text: smsTemplates.offer(offer, offer.expiresAt), urgent: true }]);
    await this.expiries.add('offer.expire', { offerId }, { jobId: offerId, delay: Math.max(0, offer.expiresAt.getTime() - now.getTime()) });
  }

  async tooLate(eventId: string, offerId: string): Promise<void> {
    const offer = await this.facts(offerId);
    if (!offer) return;
    const urgent = isSameDayChange(this.clock.now(), offer.startsAt);
    await this.notifications.send([{ dedupeKey: `${eventId}:offer_too_late`, phone: offer.phone, kind: 'offer_too_late', text: smsTemplates.offerTooLate(offer), urgent }]);
  }

  async refused(eventId: string, phone: string, code: string): Promise<void> {
    await this.notifications.send([{ dedupeKey: `${eventId}:reply_refused`, phone, kind: 'reply_refused', text: smsTemplates.replyRefused(code), urgent: true }]);
  }

  async help(eventId: string, phone: string): Promise<void> {
    await this.notifications.send([{ dedupeKey: `${eventId}:reply_help`, phone, kind: 'reply_help', text: smsTemplates.replyHelp(), urgent: true }]);
  }

  /** Reads matching's offer and job-posting's shift; writes nothing there. */
  private async facts(offerId: string): Promise<OfferFacts | null> {
    const rows = (await this.dataSource.query(
      `SELECT s.title, s.street, s.address, s.starts_at AS "startsAt", s.ends_at AS "endsAt", s.pay_amount_fen AS "payAmountFen",
              s.pay_unit AS "payUnit", o.phone, o.status, o.expires_at AS "expiresAt"
         FROM offers o JOIN shifts s ON s.id = o.shift_id WHERE o.id = $1`,
      [offerId],
    )) as OfferFacts[];
    return rows[0] ?? null;
  }
}
