import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { OfferSettings, ReminderSettings, SmsSettings } from '@lingong/config';
import { Clock } from '@lingong/platform';
import { QueueName, type JobName, type QueueJobs } from '@lingong/queue';
import { isSameDayChange, parseQuietHours, smsTemplates, type QuietHours } from '@lingong/sms';
import { NoticeFactsRepository, type BookingFacts } from '../booking-notices/notice-facts.repository';
import { NotificationsService } from '../notifications/notifications.service';
import { ServicesClient } from '../services-client/services.client';
import { reminderTimes, type ReminderTimes } from './reminder-times';

type RemindersQueue = Queue<QueueJobs['booking-reminders'][JobName<'booking-reminders'>], unknown, JobName<'booking-reminders'>>;

/**
 * Reminders of booked work: the evening before, the seeker is asked to reply 1 if they are coming;
 * a booking still unconfirmed at the deadline is released (job-posting cancels it, the employer is
 * told and the place offered again); shortly before the start, a last reminder.
 */
@Injectable()
export class BookingRemindersService {
  private readonly quietHours: QuietHours | null;

  constructor(
    private readonly bookings: NoticeFactsRepository,
    private readonly notifications: NotificationsService,
    private readonly services: ServicesClient,
    private readonly settings: ReminderSettings,
    private readonly offerSettings: OfferSettings,
    private readonly clock: Clock,
    sms: SmsSettings,
    @InjectQueue(QueueName.bookingReminders) private readonly queue: RemindersQueue,
  ) {
    this.quietHours = parseQuietHours(sms.SMS_QUIET_HOURS);
  }

  /** Delayed jobs, one per step, with ids from the booking: a retried event schedules nothing twice. */
  async schedule(booking: BookingFacts): Promise<void> {
    const bookingId = booking.id;
    const times = this.timesOf(booking);
    const now = this.clock.now().getTime();
    const steps: [JobName<'booking-reminders'>, Date | null][] = [
      ['attendance.ask', times.askAt],
      ['attendance.release', times.releaseAt],
      ['booking.starting_soon', times.remindAt],
    ];
    await this.queue.addBulk(
      steps
        .filter((step): step is [JobName<'booking-reminders'>, Date] => step[1] !== null)
        .map(([name, at]) => ({
          name,
          data: { bookingId },
          opts: { jobId: `${name.replace('.', '-')}-${bookingId}`, delay: Math.max(0, at.getTime() - now) },
        })),
    );
  }

  async ask(bookingId: string): Promise<void> {
    const booking = await this.bookings.find(bookingId);
    if (!booking?.phone || !(await this.services.requestAttendance(bookingId))) return;
    await this.notifications.send([
      {
        dedupeKey: `attendance_request:${bookingId}`,
        phone: booking.phone,
        workerId: booking.workerId,
        causedAt: booking.bookedAt,
        kind: 'attendance_request',
        text: smsTemplates.attendanceRequest(booking, this.timesOf(booking).releaseAt),
        urgent: isSameDayChange(this.clock.now(), booking.startsAt),
        mattersUntil: booking.startsAt,
      },
    ]);
  }

  /** Job-posting decides under the booking's lock; the SMS and new offers follow from `booking.cancelled`. */
  async release(bookingId: string): Promise<void> {
    await this.services.releaseUnconfirmed(bookingId);
  }

  async remindStartingSoon(bookingId: string): Promise<void> {
    const booking = await this.bookings.find(bookingId);
    if (!booking?.phone || booking.status !== 'confirmed' || booking.startsAt <= this.clock.now()) return;
    await this.notifications.send([
      {
        dedupeKey: `starting_soon:${bookingId}`,
        phone: booking.phone,
        kind: 'starting_soon',
        text: smsTemplates.startingSoon(booking),
        urgent: true,
        workerId: booking.workerId,
        causedAt: booking.bookedAt,
        mattersUntil: booking.startsAt,
      },
    ]);
  }

  private timesOf(booking: BookingFacts): ReminderTimes {
    const rules = {
      eveningHour: this.settings.REMINDER_EVENING_HOUR,
      confirmByMinutes: this.settings.ATTENDANCE_CONFIRM_BY_MINUTES,
      beforeStartMinutes: this.settings.REMINDER_BEFORE_START_MINUTES,
      offerMinutes: this.offerSettings.OFFER_MINUTES,
    };
    return reminderTimes(booking.startsAt, booking.bookedAt, rules, this.quietHours);
  }
}
