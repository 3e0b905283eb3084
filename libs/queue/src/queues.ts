import type { JobsOptions } from 'bullmq';
import type { DomainEvent, DomainEventType } from './events';
import type { KioskTrigger } from './kiosk-stream';

/** Every queue, every job name and its payload, in one place so a producer cannot send the wrong shape. */
export const QueueName = {
  domainEvents: 'domain-events',
  /** SMS that may wait their turn: alerts (a shift's as one batch job), and service messages not about today. */
  notifications: 'notifications',
  /**
   * SMS that may not wait behind alerts: sign-in codes, offers, answers to replies and changes to
   * today's work. A queue of its own with its own workers, so a backlog of alerts (or a slow
   * gateway holding every bulk slot) never delays them.
   */
  smsUrgent: 'sms-urgent',
  shiftClock: 'shift-clock',
  offerExpiry: 'offer-expiry',
  bookingReminders: 'booking-reminders',
  sweep: 'sweep',
  kioskBoard: 'kiosk-board',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export interface QueueJobs {
  'domain-events': { [T in DomainEventType]: DomainEvent<T> };
  notifications: {
    'sms.send': { notificationId: string };
    /**
     * A published shift's alerts, written and sent by this one job (id shiftAlertsJobId(eventId),
     * which is their `batch_id`): the queue holds one job per shift, not one per seeker.
     */
    'shift.alerts': { eventId: string; shiftId: string };
  };
  'sms-urgent': { 'sms.send': { notificationId: string } };
  /** Scheduled by the worker every minute; handled by job-posting, which owns shifts. */
  'shift-clock': { 'shift-clock.tick': Record<string, never> };
  /**
   * An offer's timed steps: its SMS, delayed to the end of the quiet hours when made in them, and
   * its expiry, delayed until then (matching then asks the next candidate).
   */
  'offer-expiry': { 'offer.send': { offerId: string }; 'offer.expire': { offerId: string } };
  /** Delayed from the booking to the evening before (ask), the confirmation deadline (release) and shortly before the start. */
  'booking-reminders': {
    'attendance.ask': { bookingId: string };
    'attendance.release': { bookingId: string };
    'booking.starting_soon': { bookingId: string };
  };
  /** Scheduled by the worker every SWEEP_EVERY_SECONDS: finishes or re-queues work left behind, and reports what it fixed. */
  sweep: { 'sweep.run': Record<string, never> };
  /**
   * The kiosk boards' feed: what changed on the board because of one event, read from job-posting
   * and appended to the kiosk stream. One job at a time (global concurrency 1), so a later entry
   * always carries a later reading of the shift.
   */
  'kiosk-board': { 'board.refresh': KioskTrigger };
}

export type JobName<Q extends QueueName> = keyof QueueJobs[Q] & string;

/** The job of a published shift's alerts, and their batch id: one per publishing event. */
export function shiftAlertsJobId(eventId: string): string {
  return `alerts-${eventId}`;
}

/** Retries of work that keeps mattering back off exponentially from `delay`, but never wait longer than this between tries. */
export const RETRY_DELAY_CAP_MS = 60_000;

/**
 * The backoff named `capped`: exponential from the job's `backoff.delay`, at most RETRY_DELAY_CAP_MS.
 * BullMQ asks the worker for custom strategies: processors of queues that use it pass it in
 * their settings (`{ settings: { backoffStrategy: cappedBackoff } }`).
 */
export function cappedBackoff(attemptsMade: number, type?: string, _error?: Error, job?: { opts: JobsOptions }): number {
  const backoff = job?.opts.backoff;
  const base = typeof backoff === 'object' && backoff.delay ? backoff.delay : 1_000;
  if (type !== 'capped') return base;
  return Math.min(RETRY_DELAY_CAP_MS, base * 2 ** Math.max(0, attemptsMade - 1));
}

/**
 * An SMS is tried until it is sent or stops mattering (its `matters_until`, checked before each
 * try), not until a count runs out; this count only bounds a job that somehow outlives that
 * (a week of tries a minute apart). The sweep re-queues a message whose job is gone.
 */
const MESSAGE_ATTEMPTS = 10_000;

/** Both SMS queues: a batch job is tried again, like a single message, until every message in it is sent or given up. */
const messageJobOptions: JobsOptions = {
  attempts: MESSAGE_ATTEMPTS,
  backoff: { type: 'capped', delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** Retries back off exponentially; failures stay inspectable for a week, successes are kept briefly. */
export const defaultJobOptions: Record<QueueName, JobsOptions> = {
  'domain-events': {
    attempts: 8,
    backoff: { type: 'exponential', delay: 1_000 },
    removeOnComplete: { age: 24 * 3600, count: 10_000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  },
  // Sending an offer or expiring it asks matching; while matching is away, retried a minute apart
  // for a quarter of an hour, then the sweep (which finds overdue and unsent offers) takes over.
  'offer-expiry': {
    attempts: 20,
    backoff: { type: 'capped', delay: 5_000 },
    removeOnComplete: { age: 24 * 3600 },
    removeOnFail: { age: 7 * 24 * 3600 },
  },
  'booking-reminders': {
    attempts: 8,
    backoff: { type: 'exponential', delay: 5_000 },
    removeOnComplete: { age: 7 * 24 * 3600 },
    removeOnFail: { age: 7 * 24 * 3600 },
  },
  'shift-clock': {
    attempts: 1,
    removeOnComplete: { count: 100 },
    removeOnFail: { count: 100 },
  },
  // The last hundred reports (the job's return value) stay readable on the staff queue board.
  sweep: {
    attempts: 1,
    removeOnComplete: { count: 100 },
    removeOnFail: { count: 100 },
  },
  'kiosk-board': {
    attempts: 8,
    backoff: { type: 'exponential', delay: 500 },
    removeOnComplete: { age: 3600, count: 1_000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  },
  notifications: messageJobOptions,
  'sms-urgent': messageJobOptions,
};
