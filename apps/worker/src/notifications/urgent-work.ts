import { Injectable } from '@nestjs/common';

/** The longest bulk work waits for urgent work to finish, each time it gives way. */
export const BULK_WAITS_AT_MOST_MS = 2_000;

/**
 * The urgent work under way in this worker: matching runs and their offers, urgent SMS. A batch of
 * alerts gives way to it (`giveWay`) before choosing its phones and before each stretch of
 * sending, so on a busy machine the CPU goes to the people an offer or a code is for, and the
 * street's alerts take what is left. The wait is bounded: alerts are slowed by a storm of urgent
 * work, never stopped by it.
 */
@Injectable()
export class UrgentWork {
  private running = 0;
  private waiters: (() => void)[] = [];

  /** Runs `work`, counted as urgent while it runs. */
  async track<T>(work: () => Promise<T>): Promise<T> {
    this.running += 1;
    try {
      return await work();
    } finally {
      this.running -= 1;
      if (this.running === 0) for (const wake of this.waiters.splice(0)) wake();
    }
  }

  get underWay(): number {
    return this.running;
  }

  /** Resolves once no urgent work is under way, or after `atMostMs`, whichever comes first. */
  giveWay(atMostMs = BULK_WAITS_AT_MOST_MS): Promise<void> {
    if (this.running === 0) return Promise.resolve();
    return new Promise((done) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((waiter) => waiter !== wake);
        done();
      }, atMostMs);
      const wake = () => {
        clearTimeout(timer);
        done();
      };
      this.waiters.push(wake);
    });
  }
}
