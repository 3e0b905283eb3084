import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { recordEvent } from '@lingong/outbox';
import { Clock, DomainException } from '@lingong/platform';
import { BookingsClient } from '../bookings-client/bookings.client';
import { OffersRepository } from './offers.repository';
import { OffersService } from './offers.service';

type Outcome = 'accepted' | 'too_late' | 'refused' | 'declined' | 'unsubscribed' | 'help';

/** Full-width digits and letters, as phones without Latin input send them. */
function normalise(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).trim().toUpperCase();
}

/** A reply answers the latest question sent to that phone: 1 accepts, 2 declines, T / TD unsubscribes. */
@Injectable()
export class InboundSmsService {
  constructor(
    private readonly offers: OffersRepository,
    private readonly offerService: OffersService,
    private readonly services: BookingsClient,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Delivery receipts update the worker's notification rows: an event, since matching does not own them. */
  async recordDelivery(providerMessageId: string, status: 'delivered' | 'failed'): Promise<void> {
    await this.dataSource.transaction((manager) => recordEvent(manager, 'sms.delivery_reported', { providerMessageId, status }));
  }

  async handle(phone: string, text: string): Promise<{ outcome: Outcome }> {
    const reply = normalise(text);
    if (reply === 'T' || reply === 'TD') {
      await this.services.optOutOfAlerts(phone);
      return { outcome: 'unsubscribed' };
    }
    const offer = reply === '1' || reply === '2' ? await this.offers.latestPendingFor(phone, this.clock.now()) : null;
    if (!offer) {
      await this.dataSource.transaction((manager) => recordEvent(manager, 'sms.help_requested', { phone }));
      return { outcome: 'help' };
    }
    if (reply === '2') {
      await this.offerService.decline(offer.id, offer.workerId);
      return { outcome: 'declined' };
    }
    try {
      await this.offerService.accept(offer.id, offer.workerId);
      return { outcome: 'accepted' };
    } catch (error) {
      // Too late is answered by SMS (offer.too_late); anything else (e.g. an overlapping booking) is refused.
      if (error instanceof DomainException) return { outcome: error.code === 'SHIFT_FULL' || error.code === 'SHIFT_NOT_OPEN' ? 'too_late' : 'refused' };
      throw error;
    }
  }
}
