/**
 * Sign-in code rules of DESIGN.md, as the big Chinese SMS gateways enforce them:
 * 6 digits, valid 5 minutes, at most 5 tries, and per phone one a minute, five an hour, ten a day.
 */
export const otpRules = {
  digits: 6,
  validMinutes: 5,
  maxAttempts: 5,
  windows: [
    { seconds: 60, max: 1 },
    { seconds: 3600, max: 5 },
    { seconds: 86_400, max: 10 },
  ],
} as const;

/** Seconds until another code may be sent, given the send times in the last day (newest first); 0 when allowed. */
export function secondsUntilNextCode(recentSends: Date[], now: Date): number {
  let wait = 0;
  for (const window of otpRules.windows) {
    const inWindow = recentSends.filter((sentAt) => now.getTime() - sentAt.getTime() < window.seconds * 1000);
    if (inWindow.length >= window.max) {
      const oldestCounted = inWindow[window.max - 1]!;
      wait = Math.max(wait, Math.ceil((oldestCounted.getTime() + window.seconds * 1000 - now.getTime()) / 1000));
    }
  }
  return wait;
}
