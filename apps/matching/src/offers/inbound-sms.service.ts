import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { recordEvent } from '@lingong/outbox';
import { Clock, DomainException } from '@lingong/platform';
import { BookingsClient } from '../bookings-client/bookings.client';
import { GatewayMessagesRepository } from './gateway-messages.repository';
import { OffersService, placeGone } from './offers.service';
import { OpenQuestionsRepository, type OpenQuestion } from './open-questions.repository';

type Outcome = 'accepted' | 'too_late' | 'refused' | 'declined' | 'attendance_confirmed' | 'booking_cancelled' | 'unsubscribed' | 'help';

/** How the gateway's request is known again: its own message id when it sends one, else its signature. */
export interface GatewayRequest {
  signature: string;
  messageId?: string;
}

/**
 * A signed request stays valid for its freshness window (five minutes either side of its
 * timestamp); it is remembered much longer, so that a gateway resending a reply under its own
 * message id, later and newly signed, is acted on once too.
 */
const REMEMBER_MS = 24 * 3_600_000;
/** How long a repeat waits for the first identical request to finish before asking the gateway to retry. */
const WAIT_FOR_FIRST_MS = 10_000;

/** Full-width digits and letters, as phones without Latin input send them. */
function normalise(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .trim()
    .toUpperCase();
}

/**
 * A reply answers the latest open question sent to that phone: to an offer, 1 accepts and 2
 * declines; to the evening request to confirm a booking, 1 confirms (every booking asked about)
 * and 2 cancels (the latest). T / TD
 * unsubscribes from alerts. Anything else gets a short help text.
 */
@Injectable()
export class InboundSmsService {
  constructor(
    private readonly questions: OpenQuestionsRepository,
    private readonly offers: OffersService,
    private readonly services: BookingsClient,
    private readonly gatewayMessages: GatewayMessagesRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** A reply from a phone, acted on once however often the gateway (or anyone replaying it) sends it. */
  receive(request: GatewayRequest, phone: string, text: string): Promise<{ outcome: Outcome }> {
    const key = request.messageId ? `inbound:id:${request.messageId}` : `inbound:sig:${request.signature.toLowerCase()}`;
    return this.once(key, () => this.handle(phone, text));
  }

  /** Delivery receipts update the worker's notification rows: an event, since matching does not own them. */
  receiveReceipt(request: GatewayRequest, providerMessageId: string, status: 'delivered' | 'failed'): Promise<{ recorded: true }> {
    return this.once(`receipt:sig:${request.signature.toLowerCase()}`, async () => {
      await this.dataSource.transaction((manager) => recordEvent(manager, 'sms.delivery_reported', { providerMessageId, status }));
      return { recorded: true as const };
    });
  }

  /**
   * Acts on a gateway request once: the first claims its key (one INSERT … ON CONFLICT, so of two
   * at once only one claims), acts and records its answer; a repeat gets that answer, waiting for
   * it while the first is still at work. A first request that fails frees the key for the retry.
   */
  private async once<T extends object>(key: string, act: () => Promise<T>): Promise<T> {
    for (let tries = 0; tries < 3; tries += 1) {
      const now = this.clock.now();
      if (await this.gatewayMessages.claim(key, now, new Date(now.getTime() + REMEMBER_MS))) {
        let answer: T;
        try {
          answer = await act();
        } catch (error) {
          await this.gatewayMessages.release(key);
          throw error;
        }
        await this.gatewayMessages.record(key, answer as Record<string, unknown>);
        return answer;
      }
      const first = await this.gatewayMessages.awaitAnswer(key, WAIT_FOR_FIRST_MS);
      if (first === undefined) break;
      if (first !== 'released') return first as T;
    }
    throw new DomainException('GATEWAY_MESSAGE_IN_PROGRESS', 'The same message is still being handled; send it again shortly', 409);
  }

  private async handle(phone: string, text: string): Promise<{ outcome: Outcome }> {
    const reply = normalise(text);
    if (reply === 'T' || reply === 'TD') {
      await this.services.optOutOfAlerts(phone);
      return { outcome: 'unsubscribed' };
    }
    const question = reply === '1' || reply === '2' ? await this.questions.latestFor(phone, this.clock.now()) : null;
    if (!question) {
      await this.dataSource.transaction((manager) => recordEvent(manager, 'sms.help_requested', { phone }));
      return { outcome: 'help' };
    }
    try {
      return { outcome: await this.answer(phone, question, reply === '1') };
    } catch (error) {
      if (!(error instanceof DomainException)) throw error;
      // Too late is answered by SMS (offer.too_late); anything else (e.g. an overlapping booking) is refused, and said so.
      if (placeGone.has(error.code)) return { outcome: 'too_late' };
      await this.dataSource.transaction((manager) => recordEvent(manager, 'sms.reply_refused', { phone, code: error.code }));
      return { outcome: 'refused' };
    }
  }

  private async answer(phone: string, question: OpenQuestion, yes: boolean): Promise<Outcome> {
    switch (question.kind) {
      case 'offer':
        if (!yes) {
          await this.offers.decline(question.id, question.workerId);
          return 'declined';
        }
        await this.offers.accept(question.id, question.workerId);
        return 'accepted';
      case 'attendance':
        if (!yes) {
          await this.services.cancelForSeeker(question.id, question.workerId);
          return 'booking_cancelled';
        }
        // Two bookings tomorrow mean two questions the same evening; "1" means coming to both, so
        // neither is released against the person's wish (each gets its own "已确认" SMS).
        for (const open of await this.questions.openAttendanceFor(phone, this.clock.now()))
          await this.services.confirmAttendance(open.id, open.workerId);
        return 'attendance_confirmed';
    }
  }
}
