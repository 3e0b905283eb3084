import { Processor } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import type { JobName, QueueJobs } from '@lingong/queue';
import { cappedBackoff, QueueName, QueueProcessor } from '@lingong/queue';
import { NotificationsService } from './notifications.service';

type NotificationJob = Job<QueueJobs['notifications'][JobName<'notifications'>], unknown, JobName<'notifications'>>;

@Processor(QueueName.notifications, { concurrency: 20, settings: { backoffStrategy: cappedBackoff } })
export class NotificationsProcessor extends QueueProcessor {
  constructor(private readonly notifications: NotificationsService) {
    super();
  }

  async process(job: NotificationJob): Promise<void> {
    switch (job.name) {
      case 'sms.send':
        return this.notifications.deliver(job.data.notificationId);
    }
  }
}
