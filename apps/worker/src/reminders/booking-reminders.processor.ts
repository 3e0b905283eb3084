import { Processor } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { QueueName, QueueProcessor, type JobName, type QueueJobs } from '@lingong/queue';
import { BookingRemindersService } from './booking-reminders.service';

type ReminderJob = Job<QueueJobs['booking-reminders'][JobName<'booking-reminders'>], unknown, JobName<'booking-reminders'>>;

@Processor(QueueName.bookingReminders, { concurrency: 10 })
export class BookingRemindersProcessor extends QueueProcessor {
  constructor(private readonly reminders: BookingRemindersService) {
    super();
  }

  async process(job: ReminderJob): Promise<void> {
    switch (job.name) {
      case 'attendance.ask':
        return this.reminders.ask(job.data.bookingId);
      case 'attendance.release':
        return this.reminders.release(job.data.bookingId);
      case 'booking.starting_soon':
        return this.reminders.remindStartingSoon(job.data.bookingId);
    }
  }
}
