/**
 * No non-urgent SMS in the quiet hours, 22:00 to 07:00 market time by default (DESIGN.md): such a
 * message is deferred to the end of the quiet hours, not dropped. Sign-in codes and changes to
 * today's work are urgent and go at once.
 */
import { marketMidnight, marketMinuteOfDay } from '@lingong/domain';

const MINUTE_MS = 60_000;
const DAY_MINUTES = 24 * 60;

export interface QuietHours {
  /** Minutes after local midnight when quiet starts and ends; a window may cross midnight. */
  fromMinute: number;
  untilMinute: number;
}

const defaultQuietHours: QuietHours = { fromMinute: 22 * 60, untilMinute: 7 * 60 };

/** `22:00-07:00` → the window; `off` → null. */
export function parseQuietHours(setting: string): QuietHours | null {
  if (setting === 'off') return null;
  const match = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(setting);
  if (!match) throw new Error(`SMS_QUIET_HOURS must be HH:MM-HH:MM or off, not ${setting}`);
  const [fromH, fromM, untilH, untilM] = match.slice(1).map(Number) as [number, number, number, number];
  return { fromMinute: fromH * 60 + fromM, untilMinute: untilH * 60 + untilM };
}

/** The market-time minute of the day and midnight of that day (as an instant) for `at`. */
function marketDay(at: Date): { minute: number; midnight: number } {
  return { minute: marketMinuteOfDay(at), midnight: marketMidnight(at).getTime() };
}

function isQuiet(minute: number, quiet: QuietHours): boolean {
  return quiet.fromMinute > quiet.untilMinute
    ? minute >= quiet.fromMinute || minute < quiet.untilMinute
    : minute >= quiet.fromMinute && minute < quiet.untilMinute;
}

/** When a message may be sent: `now`, or the end of the quiet hours it falls in. */
export function earliestSendTime(now: Date, urgent: boolean, quiet: QuietHours | null = defaultQuietHours): Date {
  if (urgent || !quiet) return now;
  const { minute, midnight } = marketDay(now);
  if (!isQuiet(minute, quiet)) return now;
  const untilToday = midnight + quiet.untilMinute * MINUTE_MS;
  return new Date(minute >= quiet.untilMinute ? untilToday + DAY_MINUTES * MINUTE_MS : untilToday);
}

/** `at`, or, when it falls in the quiet hours, the moment those quiet hours began (the evening before). */
export function quietHoursStartBefore(at: Date, quiet: QuietHours | null): Date {
  if (!quiet) return at;
  const { minute, midnight } = marketDay(at);
  if (!isQuiet(minute, quiet)) return at;
  const startToday = midnight + quiet.fromMinute * MINUTE_MS;
  return new Date(minute >= quiet.fromMinute ? startToday : startToday - DAY_MINUTES * MINUTE_MS);
}

/** A change to work that starts within the next day is urgent enough to wake someone for. */
export function isSameDayChange(now: Date, startsAt: Date): boolean {
  return startsAt.getTime() - now.getTime() < 24 * 3_600_000;
}
