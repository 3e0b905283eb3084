import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { SweepSettings } from '@lingong/config';
import { QueueName } from '@lingong/queue';

const SHIFT_CLOCK_EVERY_MS = 60_000;

/**
 * Recurring work, scheduled once in Redis (upsert, so restarts and replicas do not multiply it): the
 * shift clock and the sweep; and the kiosk feed's one-at-a-time rule, which lives in Redis too so
 * replicas share it.
 */
@Injectable()
export class SchedulesService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SchedulesService.name);

  constructor(
    @InjectQueue(QueueName.shiftClock) private readonly shiftClock: Queue,
    @InjectQueue(QueueName.sweep) private readonly sweep: Queue,
    private readonly settings: SweepSettings,
    @InjectQueue(QueueName.kioskBoard) private readonly kioskBoard: Queue,
  ) {}

  private retry?: NodeJS.Timeout;

  onApplicationBootstrap(): void {
    void this.schedule();
  }

  onApplicationShutdown(): void {
    clearTimeout(this.retry);
  }

  /** Redis may be away at start: keep trying until the schedules are in place. */
  private async schedule(): Promise<void> {
    try {
      await this.shiftClock.upsertJobScheduler('shift-clock', { every: SHIFT_CLOCK_EVERY_MS }, { name: 'shift-clock.tick', data: {} });
      await this.sweep.upsertJobScheduler('sweep', { every: this.settings.SWEEP_EVERY_SECONDS * 1_000 }, { name: 'sweep.run', data: {} });
      await this.kioskBoard.setGlobalConcurrency(1);
    } catch (error) {
      this.logger.warn(`could not schedule the shift clock and the sweep yet, retrying: ${(error as Error).message}`);
      this.retry = setTimeout(() => void this.schedule(), 10_000);
    }
  }
}
