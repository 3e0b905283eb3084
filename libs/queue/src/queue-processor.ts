import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';

const ERROR_LOG_INTERVAL_MS = 30_000;

/**
 * A WorkerHost that reports in the structured log: failed jobs, and lost Redis connections
 * (once per outage-ish interval, not once per reconnect attempt).
 */
export abstract class QueueProcessor extends WorkerHost {
  protected readonly logger = new Logger(this.constructor.name);
  private lastConnectionErrorAt = 0;

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    this.logger.warn({ jobId: job?.id, job: job?.name, attempt: job?.attemptsMade, err: error.message }, 'job failed');
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    const now = Date.now();
    if (now - this.lastConnectionErrorAt < ERROR_LOG_INTERVAL_MS) return;
    this.lastConnectionErrorAt = now;
    this.logger.warn(`queue connection problem, retrying: ${error.message}`);
  }
}
