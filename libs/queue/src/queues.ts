import type { JobsOptions } from 'bullmq';
import type { DomainEvent, DomainEventType } from './events';
import type { KioskTrigger } from './kiosk-stream';

/** Every queue, every job name and its payload, in one place so a producer cannot send the wrong shape. */
export const QueueName = {
  domainEvents: 'domain-events',
  notifications: 'notifications',
  shiftClock: 'shift-clock',
  offerExpiry: 'offer-expiry',
  bookingReminders: 'booking-reminders',
  kioskBoard: 'kiosk-board',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export interface QueueJobs {
  'domain-events': { [T in DomainEventType]: DomainEvent<T> };
  notifications: { 'sms.send': { notificationId: string } };
  /** Scheduled by the worker every minute; handled by job-posting, which owns shifts. */
  'shift-clock': { 'shift-clock.tick': Record<string, never> };
  /** Delayed until the offer's expiry; matching then asks the next candidate. */
  'offer-expiry': { 'offer.expire': { offerId: string } };
  /** Delayed from the booking to the evening before (ask), the confirmation deadline (release) and shortly before the start. */
  'booking-reminders': {
    'attendance.ask': { bookingId: string };
    'attendance.release': { bookingId: string };
    'booking.starting_soon': { bookingId: string };
  };
  /**
   * The kiosk boards' feed: what changed on the board because of one event, read from job-posting
   * and appended to the kiosk stream. One job at a time (global concurrency 1), so a later entry
   * always carries a later reading of the shift.
   */
  'kiosk-board': { 'board.refresh': KioskTrigger };
}

export type JobName<Q extends QueueName> = keyof QueueJobs[Q] & string;

/** Retries back off exponentially; failures stay inspectable for a week, successes are kept briefly. */
export const defaultJobOptions: Record<QueueName, JobsOptions> = {
  'domain-events': {
    attempts: 8,
    backoff: { type: 'exponential', delay: 1_000 },
    removeOnComplete: { age: 24 * 3600, count: 10_000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  },
  'offer-expiry': {
    attempts: 5,
    backoff: { type: 'exponential', delay: 5_000 },
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
  'kiosk-board': {
    attempts: 8,
    backoff: { type: 'exponential', delay: 500 },
    removeOnComplete: { age: 3600, count: 1_000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  },
  notifications: {
    attempts: 6,
    backoff: { type: 'exponential', delay: 2_000 },
    removeOnComplete: { age: 24 * 3600, count: 10_000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  },
};
