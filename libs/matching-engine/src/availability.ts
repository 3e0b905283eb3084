import type { Audience } from './audience';
import { oneDecimal } from './format';
import type { PartResult, WeeklyWindow } from './types';

/**
 * Availability: the share of a shift's hours that fall inside the seeker's weekly windows.
 * Seekers state windows in local time (Asia/Shanghai, UTC+8, no daylight saving), so the shift's
 * instants are moved to local time and laid over the repeating week; a shift that crosses
 * midnight, or a week's end, simply spans two days of that week.
 */

const MARKET_OFFSET_MS = 8 * 60 * 60_000;
const DAY = 24 * 60;
const WEEK = 7 * DAY;
/** 1970-01-01 was a Thursday: minute 0 of the epoch is 3 days after the week's Monday 00:00. */
const EPOCH_WEEK_OFFSET = 3 * DAY;
const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

function minutesOfClock(clock: string): number {
  const m = CLOCK.exec(clock);
  if (!m) throw new RangeError(`availability time must be HH:MM, got ${JSON.stringify(clock)}`);
  return clock === '24:00' ? DAY : Number(m[1]) * 60 + Number(m[2]);
}

/**
 * weeklyIntervals, remembered per windows array: a ranking scores thousands of seekers whose
 * windows (read once, and shared where equal) do not change while it runs. Arrays are not to be
 * changed in place once scored.
 */
const intervalsByWindows = new WeakMap<readonly WeeklyWindow[], [number, number][]>();
function intervalsOf(windows: readonly WeeklyWindow[]): [number, number][] {
  let intervals = intervalsByWindows.get(windows);
  if (!intervals) intervalsByWindows.set(windows, (intervals = weeklyIntervals(windows)));
  return intervals;
}

/** Windows as disjoint, sorted [start, end) minutes of the week (Monday 00:00 = 0). */
export function weeklyIntervals(windows: readonly WeeklyWindow[]): [number, number][] {
  const pieces: [number, number][] = [];
  for (const w of windows) {
    if (!Number.isInteger(w.day) || w.day < 1 || w.day > 7) throw new RangeError(`availability day must be 1..7, got ${w.day}`);
    const start = minutesOfClock(w.start);
    let end = minutesOfClock(w.end);
    if (end === start) continue;
    if (end < start) end += DAY; // overnight window
    const from = (w.day - 1) * DAY + start;
    const to = (w.day - 1) * DAY + end;
    if (to <= WEEK) pieces.push([from, to]);
    else pieces.push([from, WEEK], [0, to - WEEK]); // Sunday night runs into Monday
  }
  pieces.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const [from, to] of pieces) {
    const last = merged.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

/**
 * Minutes of [startsAt, endsAt) inside the weekly windows. Whole weeks are counted at once (each
 * covers every window), so the work does not grow with the span: a shift row of any length,
 * however it got there, cannot stall a ranking.
 */
export function coveredMinutes(startsAt: Date, endsAt: Date, windows: readonly WeeklyWindow[]): number {
  const intervals = intervalsOf(windows);
  const from = (startsAt.getTime() + MARKET_OFFSET_MS) / 60_000 + EPOCH_WEEK_OFFSET; // minutes since a local Monday 00:00
  const to = (endsAt.getTime() + MARKET_OFFSET_MS) / 60_000 + EPOCH_WEEK_OFFSET;
  if (!(to > from)) return 0;
  const wholeWeeks = Math.floor((to - from) / WEEK);
  const perWeek = intervals.reduce((sum, [a, b]) => sum + (b - a), 0);
  const restFrom = from + wholeWeeks * WEEK;
  let covered = wholeWeeks * perWeek;
  // What is left is under a week, so it touches at most two calendar weeks.
  for (let week = Math.floor(restFrom / WEEK) * WEEK; week < to; week += WEEK) {
    for (const [a, b] of intervals) covered += Math.max(0, Math.min(to, week + b) - Math.max(restFrom, week + a));
  }
  return covered;
}

const whose: Record<Audience, string> = { staff: '', seeker: '您', employer: '本人' };

/** The share of the shift's minutes inside the seeker's weekly windows. */
export function availabilityFit(startsAt: Date, endsAt: Date, windows: readonly WeeklyWindow[]): number {
  const total = (endsAt.getTime() - startsAt.getTime()) / 60_000;
  if (windows.length === 0) return 0;
  const covered = Math.min(total, coveredMinutes(startsAt, endsAt, windows));
  return total > 0 ? covered / total : 0;
}

export function availabilityPart(startsAt: Date, endsAt: Date, windows: readonly WeeklyWindow[], audience: Audience = 'staff'): PartResult {
  const who = whose[audience];
  const total = (endsAt.getTime() - startsAt.getTime()) / 60_000;
  if (windows.length === 0) return { fit: 0, text: `${who}未登记每周空闲时间` };
  const covered = Math.min(total, coveredMinutes(startsAt, endsAt, windows));
  const fit = availabilityFit(startsAt, endsAt, windows);
  if (fit >= 1) return { fit: 1, text: `班次时间全在${who}登记的空闲时段内` };
  if (covered <= 0) return { fit: 0, text: `班次时间不在${who}登记的空闲时段内` };
  return { fit, text: `班次${oneDecimal(total / 60)}小时中有${oneDecimal(covered / 60)}小时在${who}登记的空闲时段内` };
}
