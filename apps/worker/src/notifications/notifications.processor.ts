import { Processor } from '@nestjs/bullmq';
import { DelayedError, type Job } from 'bullmq';
import type { JobName, QueueJobs } from '@lingong/queue';
import { cappedBackoff, QueueName, QueueProcessor } from '@lingong/queue';
import { ShiftAlertsService } from '../shift-alerts/shift-alerts.service';
import { NotificationsService } from './notifications.service';
import { UrgentWork } from './urgent-work';

type BulkJob = { [N in JobName<'notifications'>]: Job<QueueJobs['notifications'][N], unknown, N> }[JobName<'notifications'>];
type UrgentJob = Job<QueueJobs['sms-urgent']['sms.send'], unknown, 'sms.send'>;

/**
 * SMS that may wait their turn: single messages, and a shift's alerts as one job. Five at a time,
 * a batch sending a few of its messages at once (NotificationsService.deliverBatch).
 */
@Processor(QueueName.notifications, { concurrency: 5, settings: { backoffStrategy: cappedBackoff } })
export class NotificationsProcessor extends QueueProcessor {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly shiftAlerts: ShiftAlertsService,
  ) {
    super();
  }

  async process(job: BulkJob, token?: string): Promise<void> {
    switch (job.name) {
      case 'sms.send':
        return this.notifications.deliver(job.data.notificationId);
      case 'shift.alerts': {
        const waitUntil = await this.shiftAlerts.sendAlerts(job.data.eventId, job.data.shiftId);
        if (!waitUntil) return;
        // Written in the quiet hours: the job waits for their end (not a failed try) and sends them then.
        await job.moveToDelayed(waitUntil.getTime(), token);
        throw new DelayedError();
      }
    }
  }
}

/** Sign-in codes, offers, answers to replies, changes to today's work: workers of their own, so no alert backlog is ahead of them. */
@Processor(QueueName.smsUrgent, { concurrency: 20, settings: { backoffStrategy: cappedBackoff } })
export class UrgentSmsProcessor extends QueueProcessor {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly urgentWork: UrgentWork,
  ) {
    super();
  }

  async process(job: UrgentJob): Promise<void> {
    return this.urgentWork.track(() => this.notifications.deliver(job.data.notificationId));
  }
}
