import { cappedBackoff, defaultJobOptions, RETRY_DELAY_CAP_MS } from './queues';

describe('cappedBackoff', () => {
  const job = { opts: defaultJobOptions.notifications };

  it('doubles from the job’s delay and never waits longer than the cap', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 50].map((attempt) => cappedBackoff(attempt, 'capped', undefined, job));
    expect(delays).toEqual([2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000]);
    expect(Math.max(...delays)).toBe(RETRY_DELAY_CAP_MS);
  });

  it('keeps SMS retrying far past the old give-up point: the message’s lifetime decides, not a count', () => {
    expect(defaultJobOptions.notifications.attempts).toBeGreaterThan(1_000);
    expect(defaultJobOptions.notifications.backoff).toEqual({ type: 'capped', delay: 2_000 });
  });
});
