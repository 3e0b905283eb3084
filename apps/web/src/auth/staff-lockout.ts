/**
 * Staff sign-in by password, per phone: every fifth failure in a row locks the phone, first for 15
 * minutes, then twice as long each time (up to a day); a success clears the count, and a day
 * without failures (after any lock ends) forgets it. Counted per phone, whether or not a staff
 * account has it, so the answers do not tell which phones are staff.
 */
export const staffLockout = {
  failuresPerLock: 5,
  firstLockMinutes: 15,
  longestLockMinutes: 24 * 60,
  forgetAfterMinutes: 24 * 60,
} as const;

export interface FailureRecord {
  failures: number;
  lockedUntil: Date | null;
  lastFailedAt: Date;
}

export type AttemptDecision = { allowed: false; lockedUntil: Date } | { allowed: true; record: FailureRecord };

const MINUTE_MS = 60_000;

/**
 * Whether a sign-in may be tried now, and the record to keep if it is. The attempt is counted as a
 * failure before the password is checked (a success then clears it), so attempts sent all at once
 * cannot slip past the lock while the first are still being checked.
 */
export function decideAttempt(record: FailureRecord | null, now: Date): AttemptDecision {
  if (record?.lockedUntil && record.lockedUntil > now) return { allowed: false, lockedUntil: record.lockedUntil };
  // A day without failures, counted from the end of any lock, forgets them.
  const quietSince = record ? Math.max(record.lastFailedAt.getTime(), record.lockedUntil?.getTime() ?? 0) : 0;
  const forgotten = !record || now.getTime() - quietSince > staffLockout.forgetAfterMinutes * MINUTE_MS;
  const failures = (forgotten ? 0 : record.failures) + 1;
  const locks = failures % staffLockout.failuresPerLock === 0 ? failures / staffLockout.failuresPerLock : 0;
  const minutes = Math.min(staffLockout.longestLockMinutes, staffLockout.firstLockMinutes * 2 ** Math.max(0, locks - 1));
  return {
    allowed: true,
    record: { failures, lockedUntil: locks > 0 ? new Date(now.getTime() + minutes * MINUTE_MS) : null, lastFailedAt: now },
  };
}
