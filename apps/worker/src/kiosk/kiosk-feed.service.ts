import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QueueName, type KioskTrigger } from '@lingong/queue';
import { ServicesClient } from '../services-client/services.client';
import { KioskFeedRepository } from './kiosk-feed.repository';

/**
 * Feeds the kiosk boards from the domain events: each event that can move a shift on or off the
 * board queues a refresh; the refresh reads where the shift stands (from job-posting, which owns
 * the board's rule) and appends the change to the stream the front door fans out to every screen.
 */
@Injectable()
export class KioskFeedService {
  constructor(
    @InjectQueue(QueueName.kioskBoard) private readonly queue: Queue,
    private readonly services: ServicesClient,
    private readonly feed: KioskFeedRepository,
  ) {}

  /** Job id = event id: a retried event queues no second refresh while the first is kept. */
  async queueRefresh(eventId: string, trigger: KioskTrigger): Promise<void> {
    await this.queue.add('board.refresh', trigger, { jobId: eventId });
  }

  async refresh(trigger: KioskTrigger): Promise<number> {
    const readings = await this.services.kioskReadings(trigger);
    let appended = 0;
    for (const reading of readings) {
      // A shift never published was never on a screen: nothing to say about it, not even its id.
      if (!reading.published) continue;
      const type = await this.feed.mark(reading.shift.id, reading.onBoard);
      const shift = type === 'shift.closed' ? { id: reading.shift.id, street: reading.shift.street } : reading.shift;
      await this.feed.append({ type, shift, figures: reading.figures, streetFigures: reading.streetFigures });
      appended += 1;
    }
    return appended;
  }
}
