import { Injectable } from '@nestjs/common';
import { Clock } from '@lingong/platform';
import { isSameDayChange, smsTemplates } from '@lingong/sms';
import { NotificationsService } from '../notifications/notifications.service';
import { OfferNoticesService } from '../offers/offer-notices.service';
import { NoticeFactsRepository, type BookingFacts } from './notice-facts.repository';

/**
 * Service messages about a person's bookings (confirmed, cancelled, attendance confirmed). They
 * reach everyone with a phone, whatever their alert consent: for people without a smartphone
 * this SMS is the booking. Each matters until the shift's end.
 */
@Injectable()
export class BookingNoticesService {
  constructor(
    private readonly bookings: NoticeFactsRepository,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
    private readonly offers: OfferNoticesService,
  ) {}

  /** Returns the booking as read, for its reminders; null when it is no longer on or has nobody to tell. */
  async confirmed(eventId: string, bookingId: string): Promise<BookingFacts | null> {
    const booking = await this.bookings.find(bookingId);
    if (!booking?.phone || booking.status !== 'confirmed') return null;
    await this.notifications.send([
      {
        ...this.about(booking),
        dedupeKey: `${eventId}:booking_confirmed`,
        phone: booking.phone,
        kind: 'booking_confirmed',
        text: smsTemplates.bookingConfirmed(booking),
        urgent: this.isSameDay(booking),
        mattersUntil: booking.endsAt,
      },
    ]);
    return booking;
  }

  /**
   * The seeker hears why; when the seeker dropped out (cancelled, or released for not confirming)
   * the employer is told too, and the place is offered to the next candidates.
   */
  async cancelled(eventId: string, bookingId: string): Promise<void> {
    const booking = await this.bookings.find(bookingId);
    if (!booking || booking.status !== 'cancelled') return;
    const urgent = this.isSameDay(booking);
    const droppedOut = booking.cancelledBy === 'worker' || booking.cancelledBy === 'market' || booking.cancelledBy === 'erasure';
    await this.notifications.send([
      ...(booking.phone
        ? [
            {
              ...this.about(booking),
              dedupeKey: `${eventId}:booking_cancelled`,
              phone: booking.phone,
              kind: 'booking_cancelled',
              text: this.cancellationText(booking),
              urgent,
              mattersUntil: booking.endsAt,
            },
          ]
        : []),
      ...(droppedOut && booking.employerPhone
        ? [
            {
              // Naming the seeker, it is theirs to erase; the notice of an erased seeker names nobody.
              ...(booking.cancelledBy === 'erasure' ? { causedAt: booking.bookedAt } : this.about(booking)),
              dedupeKey: `${eventId}:employer_dropout`,
              phone: booking.employerPhone,
              kind: 'employer_dropout',
              text: this.dropoutText(booking),
              urgent,
              mattersUntil: booking.endsAt,
            },
          ]
        : []),
    ]);
    if (droppedOut) await this.offers.matchAndSend(booking.shiftId);
  }

  async attendanceConfirmed(eventId: string, bookingId: string): Promise<void> {
    const booking = await this.bookings.find(bookingId);
    if (!booking?.phone || booking.status !== 'confirmed') return;
    await this.notifications.send([
      {
        ...this.about(booking),
        dedupeKey: `${eventId}:attendance_confirmed`,
        phone: booking.phone,
        kind: 'attendance_confirmed',
        text: smsTemplates.attendanceConfirmed(booking),
        urgent: this.isSameDay(booking),
        mattersUntil: booking.endsAt,
      },
    ]);
  }

  /** Each message is about the booked seeker (their erasure finds it) and caused by a booking made before it was written. */
  private about(booking: BookingFacts): { workerId: string; causedAt: Date } {
    return { workerId: booking.workerId, causedAt: booking.bookedAt };
  }

  /** An erased seeker is not named, nor said to have erased anything: they left. */
  private dropoutText(booking: BookingFacts): string {
    if (booking.cancelledBy === 'erasure') return smsTemplates.employerSeekerLeft(booking);
    return smsTemplates.employerSeekerDroppedOut(
      booking,
      booking.seekerName,
      booking.cancelledBy === 'market' ? 'unconfirmed' : 'cancelled',
    );
  }

  private cancellationText(booking: BookingFacts): string {
    switch (booking.cancelledBy) {
      case 'worker':
        return smsTemplates.bookingCancelledByWorker(booking);
      case 'market':
        return smsTemplates.bookingReleased(booking);
      default:
        return smsTemplates.bookingCancelledByEmployer(booking, booking.compensationFen);
    }
  }

  /** Changes to work within the next day may not wait for the morning. */
  private isSameDay(booking: BookingFacts): boolean {
    return isSameDayChange(this.clock.now(), booking.startsAt);
  }
}
