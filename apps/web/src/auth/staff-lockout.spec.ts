import { decideAttempt, type FailureRecord } from './staff-lockout';

const now = new Date('2026-12-01T10:00:00+08:00');
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);

/** Runs `count` attempts that all fail, a second apart, from `record`. */
function failRepeatedly(count: number, record: FailureRecord | null = null, start = now) {
  let current = record;
  let at = start;
  const refused: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const decision = decideAttempt(current, at);
    if (decision.allowed) current = decision.record;
    else refused.push(i);
    at = new Date(at.getTime() + 1000);
  }
  return { record: current, refused };
}

describe('decideAttempt', () => {
  it('allows the first attempts and counts each before the password is checked', () => {
    expect(decideAttempt(null, now)).toEqual({ allowed: true, record: { failures: 1, lockedUntil: null, lastFailedAt: now } });
  });

  it('locks on the fifth failure for 15 minutes and refuses until then', () => {
    const { record, refused } = failRepeatedly(5);
    expect(refused).toEqual([]);
    expect(record!.failures).toBe(5);
    expect(record!.lockedUntil).toEqual(new Date(now.getTime() + 4000 + 15 * 60_000));
    expect(decideAttempt(record, minutes(14))).toEqual({ allowed: false, lockedUntil: record!.lockedUntil });
    expect(decideAttempt(record, minutes(16)).allowed).toBe(true);
  });

  it('locks twice as long each time after that, up to a day', () => {
    let record = failRepeatedly(5).record!;
    const lengths: number[] = [];
    for (let lock = 0; lock < 9; lock += 1) {
      const after = new Date(record.lockedUntil!.getTime() + 1000);
      record = failRepeatedly(5, record, after).record!;
      lengths.push(Math.round((record.lockedUntil!.getTime() - record.lastFailedAt.getTime()) / 60_000));
    }
    expect(lengths).toEqual([30, 60, 120, 240, 480, 960, 1440, 1440, 1440]);
  });

  it('forgets failures a day old', () => {
    const { record } = failRepeatedly(4);
    const nextDay = new Date(record!.lastFailedAt.getTime() + 24 * 3_600_000 + 1000);
    expect(decideAttempt(record, nextDay)).toEqual({ allowed: true, record: { failures: 1, lockedUntil: null, lastFailedAt: nextDay } });
  });
});
