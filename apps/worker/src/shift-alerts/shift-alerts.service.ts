import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { SmsSettings } from '@lingong/config';
import { QueueName, shiftAlertsJobId } from '@lingong/queue';
import { smsTemplates } from '@lingong/sms';
import { NotificationsService, type BulkSmsQueue } from '../notifications/notifications.service';
import { UrgentWork } from '../notifications/urgent-work';
import { ShiftAlertsRepository } from './shift-alerts.repository';

/**
 * When a shift opens, seekers on its street whose skills fit hear about it by SMS. "Fit" means
 * holding every required skill, or the shift's category when it names none. One job per shift
 * writes and sends them all, on the `notifications` queue: offers and sign-in codes have a queue
 * of their own and never wait behind them.
 */
@Injectable()
export class ShiftAlertsService {
  constructor(
    private readonly alerts: ShiftAlertsRepository,
    private readonly notifications: NotificationsService,
    private readonly settings: SmsSettings,
    @InjectQueue(QueueName.notifications) private readonly queue: BulkSmsQueue,
    private readonly urgentWork: UrgentWork,
  ) {}

  /** Queues the shift's alerts job; an event handled again queues nothing twice (the job id is the event's). */
  async queueAlerts(eventId: string, shiftId: string): Promise<void> {
    await this.queue.add('shift.alerts', { eventId, shiftId }, { jobId: shiftAlertsJobId(eventId) });
  }

  /**
   * The alerts job: writes the alerts (again, if tried again: each is written once) and sends what
   * is still to send of them. Returns when to try again if they wait out the quiet hours.
   */
  async sendAlerts(eventId: string, shiftId: string): Promise<Date | null> {
    const batchId = shiftAlertsJobId(eventId);
    // Choosing a street's phones and writing a thousand rows is the heaviest part of an alert:
    // in a publish storm it waits its turn behind the matching runs, as the sending does.
    await this.urgentWork.giveWay();
    await this.write(eventId, shiftId, batchId);
    return this.notifications.deliverBatch(batchId);
  }

  private async write(eventId: string, shiftId: string, batchId: string): Promise<number> {
    const shift = await this.alerts.openShift(shiftId);
    if (!shift) return 0; // cancelled, filled or started since: nothing (more) to announce
    const skills = shift.requiredSkills.length > 0 ? shift.requiredSkills : [shift.category];
    const phones = await this.alerts.phonesToAlert(
      eventId,
      shift.street,
      skills,
      this.settings.SMS_ALERTS_PER_PHONE_PER_DAY,
      this.settings.SMS_ALERTS_PER_SHIFT,
    );
    const text = smsTemplates.shiftAlert(shift);
    return this.notifications.writeBatch(
      batchId,
      phones.map((phone) => ({
        dedupeKey: `${eventId}:${phone}:shift_alert`,
        phone,
        kind: 'shift_alert',
        text,
        urgent: false,
        causedAt: shift.publishedAt,
        mattersUntil: shift.startsAt,
      })),
      { perDay: this.settings.SMS_ALERTS_PER_PHONE_PER_DAY, eventId },
    );
  }
}
