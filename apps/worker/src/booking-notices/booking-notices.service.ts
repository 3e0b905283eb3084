import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@lingong/platform';
import { isSameDayChange, smsTemplates, type BookingSummary } from '@lingong/sms';
import { NotificationsService } from '../notifications/notifications.service';

interface BookingFacts extends BookingSummary {
  phone: string | null;
  status: string;
  cancelledBy: string | null;
  compensationFen: number | null;
}

/**
 * Service messages about a person's bookings (confirmed, cancelled). They reach everyone with a
 * phone, whatever their alert consent: for people without a smartphone this SMS is the booking.
 */
@Injectable()
export class BookingNoticesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  async confirmed(eventId: string, bookingId: string): Promise<void> {
    const booking = await this.facts(bookingId);
    if (!booking?.phone || booking.status !== 'confirmed') return;
    await this.notifications.send([
      { dedupeKey: `${eventId}:booking_confirmed`, phone: booking.phone, kind: 'booking_confirmed', text: smsTemplates.bookingConfirmed(booking), urgent: this.isSameDay(booking) },
    ]);
  }

  async cancelled(eventId: string, bookingId: string): Promise<void> {
    const booking = await this.facts(bookingId);
    if (!booking?.phone || booking.status !== 'cancelled') return;
    const text =
      booking.cancelledBy === 'worker'
        ? smsTemplates.bookingCancelledByWorker(booking)
        : smsTemplates.bookingCancelledByEmployer(booking, booking.compensationFen);
    await this.notifications.send([{ dedupeKey: `${eventId}:booking_cancelled`, phone: booking.phone, kind: 'booking_cancelled', text, urgent: this.isSameDay(booking) }]);
  }

  /** Changes to work within the next day may not wait for the morning. */
  private isSameDay(booking: BookingFacts): boolean {
    return isSameDayChange(this.clock.now(), booking.startsAt);
  }

  /** Reads job-posting's booking and shift and worker-profile's phone; writes nothing there. */
  private async facts(bookingId: string): Promise<BookingFacts | null> {
    const rows = (await this.dataSource.query(
      `SELECT s.title, s.street, s.address, b.starts_at AS "startsAt", b.ends_at AS "endsAt", b.pay_amount_fen AS "payAmountFen",
              b.pay_unit AS "payUnit", b.status, b.cancelled_by AS "cancelledBy", b.compensation_fen AS "compensationFen", w.phone
         FROM bookings b JOIN shifts s ON s.id = b.shift_id JOIN workers w ON w.id = b.worker_id
        WHERE b.id = $1`,
      [bookingId],
    )) as BookingFacts[];
    return rows[0] ?? null;
  }
}
