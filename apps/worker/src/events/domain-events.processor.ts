import { Processor } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { QueueName, QueueProcessor, type AnyDomainEvent, type DomainEventType } from '@lingong/queue';
import { CODE_PLACEHOLDER, smsTemplates } from '@lingong/sms';
import { BookingNoticesService } from '../booking-notices/booking-notices.service';
import { ErasureService } from '../erasure/erasure.service';
import { NotificationsService } from '../notifications/notifications.service';
import { KioskFeedService } from '../kiosk/kiosk-feed.service';
import { BookingRemindersService } from '../reminders/booking-reminders.service';
import { OfferNoticesService } from '../offers/offer-notices.service';
import { ShiftAlertsService } from '../shift-alerts/shift-alerts.service';

type EventJob = Job<AnyDomainEvent, unknown, DomainEventType>;

/**
 * Reacts to what the services announced through the outbox. Handlers are idempotent per event id.
 * Forty at a time: most of a handler's time is a service answering over HTTP (a matching run, an
 * offer's send), and at ten a publish storm's offers queued behind each other (first offer p50
 * 1.7 s against 0.9 s, `npm run bench -- --quick`).
 */
@Processor(QueueName.domainEvents, { concurrency: 40 })
export class DomainEventsProcessor extends QueueProcessor {
  constructor(
    private readonly shiftAlerts: ShiftAlertsService,
    private readonly notifications: NotificationsService,
    private readonly bookingNotices: BookingNoticesService,
    private readonly offerNotices: OfferNoticesService,
    private readonly reminders: BookingRemindersService,
    private readonly erasure: ErasureService,
    private readonly kiosk: KioskFeedService,
  ) {
    super();
  }

  async process(job: EventJob): Promise<void> {
    const event = job.data;
    const occurredAt = new Date(event.occurredAt);
    switch (event.type) {
      case 'shift.published': {
        const { shiftId } = event.payload;
        await this.kiosk.queueRefresh(event.eventId, { shiftId });
        try {
          // The matching run first: the best candidates get SMS offers (matching owns offers), and
          // hear of the shift before its street's alerts start taking the machine's time.
          await this.offerNotices.matchAndSend(shiftId);
        } finally {
          // The alerts are a job of their own (thousands of messages), queued even when the run
          // failed: it is tried again with the event, and the job id is the event's.
          await this.shiftAlerts.queueAlerts(event.eventId, shiftId);
        }
        return;
      }
      case 'auth.otp_requested': {
        const { phone, sealedCode, expiresInMinutes } = event.payload;
        // No phone: an erasure took it from the event before it was relayed.
        if (!phone) return;
        // A code is worth sending only while it can still be used.
        const mattersUntil = new Date(Date.parse(event.occurredAt) + expiresInMinutes * 60_000);
        // Stored with the code's place held and the code sealed beside it; filled in at sending.
        await this.notifications.send([
          {
            dedupeKey: `${event.eventId}:otp`,
            phone,
            kind: 'otp',
            text: smsTemplates.otp(CODE_PLACEHOLDER, expiresInMinutes),
            sealedCode,
            urgent: true,
            causedAt: occurredAt,
            mattersUntil,
          },
        ]);
        return;
      }
      case 'shift.cancelled':
      case 'shift.started':
        return this.kiosk.queueRefresh(event.eventId, {
          shiftId: event.payload.shiftId,
        });
      case 'employer.suspended':
      case 'employer.reinstated':
        return this.kiosk.queueRefresh(event.eventId, {
          employerId: event.payload.employerId,
        });
      case 'booking.confirmed': {
        await this.kiosk.queueRefresh(event.eventId, { bookingId: event.payload.bookingId });
        const booking = await this.bookingNotices.confirmed(event.eventId, event.payload.bookingId);
        if (booking) await this.reminders.schedule(booking);
        return;
      }
      case 'booking.attendance_confirmed':
        return this.bookingNotices.attendanceConfirmed(event.eventId, event.payload.bookingId);
      case 'booking.cancelled':
        await this.kiosk.queueRefresh(event.eventId, { bookingId: event.payload.bookingId });
        return this.bookingNotices.cancelled(event.eventId, event.payload.bookingId);
      case 'offer.created':
        return this.offerNotices.created(event.payload.offerId);
      case 'offer.too_late':
        return this.offerNotices.tooLate(event.eventId, event.payload.offerId);
      case 'sms.reply_refused': {
        const { phone, code } = event.payload;
        return phone ? this.offerNotices.refused(event.eventId, phone, code, occurredAt) : undefined;
      }
      case 'sms.help_requested': {
        const { phone } = event.payload;
        return phone ? this.offerNotices.help(event.eventId, phone, occurredAt) : undefined;
      }
      case 'sms.delivery_reported': {
        const { providerMessageId, status } = event.payload;
        return this.notifications.recordDelivery(providerMessageId, status);
      }
      case 'worker.erased':
        return this.erasure.carryOut(event);
    }
  }
}
