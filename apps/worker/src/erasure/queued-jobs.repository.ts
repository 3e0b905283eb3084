import { getQueueToken } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Job, JobType, Queue } from 'bullmq';
import { QueueName } from '@lingong/queue';

/** Every state a job rests in. Active jobs are being worked on and finish by themselves (phone-bearing ones are removed on completion). */
const RESTING_STATES: JobType[] = ['wait', 'prioritized', 'waiting-children', 'delayed', 'completed', 'failed'];
const PAGE = 500;

/** When what a job is about happened: its event's time (a domain event), else when the job was made. */
function causedAt(job: Job): number {
  const occurredAt = (job.data as { occurredAt?: unknown } | null)?.occurredAt;
  return typeof occurredAt === 'string' && !Number.isNaN(Date.parse(occurredAt)) ? Date.parse(occurredAt) : job.timestamp;
}

/** What a job holds that a person could be found by: its data, and what it answered or failed with. */
function jobText(job: Job): string {
  return [
    JSON.stringify(job.data ?? null),
    job.failedReason ?? '',
    JSON.stringify(job.returnvalue ?? null),
    JSON.stringify(job.stacktrace ?? []),
  ].join('\n');
}

/** Jobs in Redis, across every queue of the app: read and removed for an erasure. */
@Injectable()
export class QueuedJobsRepository {
  constructor(private readonly modules: ModuleRef) {}

  /**
   * Removes every resting job (waiting, delayed, completed, failed…) caused up to `until` that
   * mentions any of `needles`, in every queue; returns how many. (A later one is a new owner's of
   * the phone: signed up again since.) Jobs are collected first and removed after, so paging is not
   * thrown off by the removals. Throws when one could not be removed (it started meanwhile and is
   * locked), so the erasure is retried rather than reported done.
   */
  async removeMentioning(needles: string[], until: Date): Promise<number> {
    let removed = 0;
    for (const name of Object.values(QueueName)) {
      const queue = this.modules.get<Queue>(getQueueToken(name), { strict: false });
      const found: Job[] = [];
      for (const state of RESTING_STATES) {
        for (let start = 0; ; start += PAGE) {
          const page = (await queue.getJobs([state], start, start + PAGE - 1, true)).filter(Boolean);
          found.push(...page.filter((job) => causedAt(job) <= until.getTime() && needles.some((needle) => jobText(job).includes(needle))));
          if (page.length < PAGE) break;
        }
      }
      for (const job of found) {
        await job.remove();
        removed += 1;
      }
    }
    return removed;
  }
}
