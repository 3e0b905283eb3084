import { Processor } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { QueueName, QueueProcessor, type JobName } from '@lingong/queue';
import { Clock } from '@lingong/platform';
import { ShiftsRepository } from '../shifts.repository';

/**
 * Shifts follow the clock: open or filled → in progress at the start, → completed at the end.
 * The tick is scheduled by the worker app; the change is made here, where shifts are owned.
 */
@Processor(QueueName.shiftClock)
export class ShiftClockProcessor extends QueueProcessor {
  constructor(
    private readonly shifts: ShiftsRepository,
    private readonly clock: Clock,
  ) {
    super();
  }

  async process(job: Job<unknown, unknown, JobName<'shift-clock'>>): Promise<{ started: number; completed: number }> {
    switch (job.name) {
      case 'shift-clock.tick':
        return this.shifts.followClock(this.clock.now());
    }
  }
}
