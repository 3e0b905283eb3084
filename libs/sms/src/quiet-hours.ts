/**
 * No non-urgent SMS in the quiet hours, 22:00 to 07:00 market time by default (DESIGN.md): such a
 * message is deferred to the end of the quiet hours, not dropped. Sign-in codes and changes to
 * today's work are urgent and go at once.
 */
const MARKET_OFFSET_MS = 8 * 3_600_000;
const MINUTE_MS = 60_000;
const DAY_MINUTES = 24 * 60;

export interface QuietHours {
  /** Minutes after local midnight when quiet starts and ends; a window may cross midnight. */
  fromMinute: number;
  untilMinute: number;
}

/** `22:00-07:00` → the window; `off` → null. */
export function parseQuietHours(setting: string): QuietHours | null {
  if (setting === 'off') return null;
  const match = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(setting);
  if (!match) throw new Error(`SMS_QUIET_HOURS must be HH:MM-HH:MM or off, not ${setting}`);
  const [fromH, fromM, untilH, untilM] = match.slice(1).map(Number) as [number, number, number, number];
  return { fromMinute: fromH * 60 + fromM, untilMinute: untilH * 60 + untilM };
}

/** When a message may be sent: `now`, or the end of the quiet hours it falls in. */
export function earliestSendTime(now: Date, urgent: boolean, quiet: QuietHours | null = { fromMinute: 22 * 60, untilMinute: 7 * 60 }): Date {
  if (urgent || !quiet) return now;
  const local = new Date(now.getTime() + MARKET_OFFSET_MS);
  const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
  const crossesMidnight = quiet.fromMinute > quiet.untilMinute;
  const inQuiet = crossesMidnight ? minute >= quiet.fromMinute || minute < quiet.untilMinute : minute >= quiet.fromMinute && minute < quiet.untilMinute;
  if (!inQuiet) return now;
  const untilToday = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) + quiet.untilMinute * MINUTE_MS);
  const until = minute >= quiet.untilMinute ? new Date(untilToday.getTime() + DAY_MINUTES * MINUTE_MS) : untilToday;
  return new Date(until.getTime() - MARKET_OFFSET_MS);
}

/** A change to work that starts within the next day is urgent enough to wake someone for. */
export function isSameDayChange(now: Date, startsAt: Date): boolean {
  return startsAt.getTime() - now.getTime() < 24 * 3_600_000;
}
