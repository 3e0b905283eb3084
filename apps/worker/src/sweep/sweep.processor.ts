import { Processor } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { QueueName, QueueProcessor, type JobName, type QueueJobs } from '@lingong/queue';
import { SweepService, type SweepReport } from './sweep.service';

@Processor(QueueName.sweep)
export class SweepProcessor extends QueueProcessor {
  constructor(private readonly sweep: SweepService) {
    super();
  }

  /** The report is the job's return value: the last hundred stay readable on the staff queue board. */
  async process(job: Job<QueueJobs['sweep']['sweep.run'], SweepReport, JobName<'sweep'>>): Promise<SweepReport> {
    switch (job.name) {
      case 'sweep.run':
        return this.sweep.run();
    }
  }
}
