import { Processor } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { QueueName, QueueProcessor, type JobName, type KioskTrigger } from '@lingong/queue';
import { KioskFeedService } from './kiosk-feed.service';

/**
 * One refresh at a time (and one across worker replicas: the queue's global concurrency is 1, set
 * by SchedulesService), so each entry carries a reading taken after the one before it.
 */
@Processor(QueueName.kioskBoard, { concurrency: 1 })
export class KioskBoardProcessor extends QueueProcessor {
  constructor(private readonly feed: KioskFeedService) {
    super();
  }

  async process(job: Job<KioskTrigger, unknown, JobName<'kiosk-board'>>): Promise<number> {
    switch (job.name) {
      case 'board.refresh':
        return this.feed.refresh(job.data);
    }
  }
}
