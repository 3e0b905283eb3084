import { Injectable } from '@nestjs/common';

/** The longest bulk work waits for urgent work to finish, each time it gives way. */
export const BULK_WAITS_AT_MOST_MS = 5_000;
/**
 * Urgent work comes in bursts: in a publish storm one matching run follows another within tens of
 * milliseconds. Bulk work goes once none has been under way for this long, not in each gap
 * between two runs, where it took half the machine from the offers.
 */
export const QUIET_BEFORE_BULK_MS = 250;

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
  /** When the last urgent work finished (Date.now()); −Infinity before any. */
  private idleSince = -Infinity;
  private waiters: (() => void)[] = [];
  private quietCheck: ReturnType<typeof setTimeout> | undefined;

  /** Runs `work`, counted as urgent while it runs. */
  async track<T>(work: () => Promise<T>): Promise<T> {
    this.running += 1;
    try {
      return await work();
    } finally {
      this.running -= 1;
      if (this.running === 0) {
        this.idleSince = Date.now();
        this.letGoWhenQuiet();
      }
    }
  }

  get underWay(): number {
    return this.running;
  }

  /** Resolves once no urgent work has been under way for QUIET_BEFORE_BULK_MS, or after `atMostMs`, whichever comes first. */
  giveWay(atMostMs = BULK_WAITS_AT_MOST_MS): Promise<void> {
    if (this.running === 0 && Date.now() - this.idleSince >= QUIET_BEFORE_BULK_MS) return Promise.resolve();
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
      this.letGoWhenQuiet();
    });
  }

  /** Wakes the waiting bulk work once the quiet has lasted (checked again if urgent work came and went meanwhile). */
  private letGoWhenQuiet(): void {
    if (this.running > 0 || this.waiters.length === 0) return;
    clearTimeout(this.quietCheck);
    this.quietCheck = setTimeout(
      () => {
        this.quietCheck = undefined;
        if (this.running > 0) return;
        if (Date.now() - this.idleSince < QUIET_BEFORE_BULK_MS) return this.letGoWhenQuiet();
        for (const wake of this.waiters.splice(0)) wake();
      },
      Math.max(0, QUIET_BEFORE_BULK_MS - (Date.now() - this.idleSince)),
    );
  }
}
