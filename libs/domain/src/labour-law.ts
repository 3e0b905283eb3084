/**
 * Labour-law rules for shifts, as pure functions. Money is integer fen; days and weeks are the
 * market's (Asia/Shanghai, UTC+8, no daylight saving).
 */
import type { EmploymentType, PayUnit, Settlement } from './catalog';
import { MARKET_OFFSET_MS, marketMidnight, toMarketIso } from './market-time';
import { minimumHourlyWageFen, type MinimumWageTier } from './minimum-wage';

/** Labour Contract Law of the PRC art. 68: part-time work averages no more than 4 hours a day. */
export const PART_TIME_MAX_HOURS_PER_DAY = 4;
/** Labour Contract Law of the PRC art. 68: part-time work totals no more than 24 hours a week with one employer. */
export const PART_TIME_MAX_HOURS_PER_WEEK = 24;
/** Labour Contract Law of the PRC art. 72: part-time pay is settled at least every 15 days. */
export const PART_TIME_MAX_SETTLEMENT_DAYS = 15;

const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 24 * MS_PER_HOUR;
const MS_PER_WEEK = 7 * MS_PER_DAY;
/** The market's zone is Asia/Shanghai: UTC+8 all year. */

export type Ok = { ok: true };

export type MinimumWageViolation = {
  ok: false;
  code: 'BELOW_MINIMUM_WAGE';
  message: string;
  /** The minimum hourly wage that applies, fen. */
  minimumFen: number;
  /** What the pay works out at per hour, fen, rounded down to the fen. */
  effectiveFen: number;
};

export type PartTimeShiftViolation = {
  ok: false;
  code: 'PART_TIME_HOURS_EXCEEDED' | 'PART_TIME_SETTLEMENT_TOO_LONG';
  message: string;
};

export type WeeklyHoursViolation = {
  ok: false;
  code: 'PART_TIME_HOURS_EXCEEDED';
  message: string;
  /** Hours the busiest offending week would reach, candidate included. */
  hours: number;
};

export interface TimeSpan {
  startsAt: Date;
  endsAt: Date;
}

/** Length of a shift in decimal hours (negative if it ends before it starts). */
export function shiftHours(startsAt: Date, endsAt: Date): number {
  return (endsAt.getTime() - startsAt.getTime()) / MS_PER_HOUR;
}

/**
 * Pay per hour in fen (not rounded). An hourly rate is itself; a day rate is judged by the shift's
 * hours (amount / hours; null when the hours are not positive); a piece rate cannot be judged when
 * the shift is posted, so null.
 */
export function effectiveHourlyPayFen(pay: { amountFen: number; unit: PayUnit }, hours: number): number | null {
  switch (pay.unit) {
    case 'hour':
      return pay.amountFen;
    case 'day':
      return Number.isFinite(hours) && hours > 0 ? pay.amountFen / hours : null;
    case 'piece':
      return null;
  }
}

/**
 * Labour Contract Law art. 72 and the provincial notice: no shift pays below the minimum hourly wage
 * for part-time work in the market's tier, whatever its employment type. The minimum is the one in
 * force when the shift starts.
 */
export function checkMinimumWage(
  input: { amountFen: number; unit: PayUnit; startsAt: Date; endsAt: Date },
  tier: MinimumWageTier,
): Ok | MinimumWageViolation {
  const minimumFen = minimumHourlyWageFen(tier, input.startsAt);
  const durationMs = input.endsAt.getTime() - input.startsAt.getTime();
  let below: boolean;
  switch (input.unit) {
    case 'hour':
      below = input.amountFen < minimumFen;
      break;
    case 'day':
      // amount / hours < minimum, compared in integers so no rounding decides a borderline case.
      below = durationMs > 0 && input.amountFen * MS_PER_HOUR < minimumFen * durationMs;
      break;
    case 'piece':
      below = false;
      break;
  }
  if (!below) return { ok: true };
  const effectiveFen = Math.floor(effectiveHourlyPayFen(input, durationMs / MS_PER_HOUR) ?? 0);
  return {
    ok: false,
    code: 'BELOW_MINIMUM_WAGE',
    minimumFen,
    effectiveFen,
    message:
      `时薪不得低于最低工资${formatYuan(minimumFen)}元 / ` +
      `Pay works out at ${(effectiveFen / 100).toFixed(2)} yuan an hour, below the minimum of ${formatYuan(minimumFen)} yuan`,
  };
}

/** `2400` → `24`, `2450` → `24.50`. */
function formatYuan(fen: number): string {
  return fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2);
}

/** `20` → `20`, `20.5` → `20.5`, `7.3333` → `7.33`. */
function formatHours(hours: number): string {
  return String(Math.round(hours * 100) / 100);
}

/** Start of the market-local calendar day containing `ms`, as epoch milliseconds. */
function marketDayStartMs(ms: number): number {
  return marketMidnight(new Date(ms)).getTime();
}

/**
 * The hours of a span on each market-local calendar day it touches, e.g. 22:00–02:00 is
 * `[{ date: '2025-03-10', hours: 2 }, { date: '2025-03-11', hours: 2 }]`. Empty if it ends before it starts.
 */
export function hoursByMarketDay(startsAt: Date, endsAt: Date): { date: string; hours: number }[] {
  const days: { date: string; hours: number }[] = [];
  const end = endsAt.getTime();
  for (let from = startsAt.getTime(); from < end;) {
    const to = Math.min(end, marketDayStartMs(from) + MS_PER_DAY);
    days.push({ date: toMarketIso(new Date(from)).slice(0, 10), hours: (to - from) / MS_PER_HOUR });
    from = to;
  }
  return days;
}

/**
 * Labour Contract Law arts. 68 and 72, for one part-time shift: at most 4 hours on any market-local
 * calendar day (a shift across midnight counts each day's part), and pay settled at least every
 * 15 days. `daily` and `weekly` settlement are fine; `on_completion` is refused when the shift ends
 * more than 15 days after it starts; an explicit `settlementDays` over 15 is refused whatever the
 * settlement. Settlement is checked first (a span that long also breaks the daily limit, but the
 * settlement is the actual problem). Other employment types are always ok.
 */
export function checkPartTimeShift(input: {
  employmentType: EmploymentType;
  startsAt: Date;
  endsAt: Date;
  settlement: Settlement;
  settlementDays?: number;
}): Ok | PartTimeShiftViolation {
  if (input.employmentType !== 'part_time') return { ok: true };

  const spanMs = input.endsAt.getTime() - input.startsAt.getTime();
  const onCompletionTooLong = input.settlement === 'on_completion' && spanMs > PART_TIME_MAX_SETTLEMENT_DAYS * MS_PER_DAY;
  const declaredTooLong = input.settlementDays !== undefined && input.settlementDays > PART_TIME_MAX_SETTLEMENT_DAYS;
  if (onCompletionTooLong || declaredTooLong) {
    return {
      ok: false,
      code: 'PART_TIME_SETTLEMENT_TOO_LONG',
      message:
        `非全日制用工劳动报酬结算支付周期不得超过${PART_TIME_MAX_SETTLEMENT_DAYS}日 / ` +
        `Part-time pay must be settled at least every ${PART_TIME_MAX_SETTLEMENT_DAYS} days`,
    };
  }

  const longest = hoursByMarketDay(input.startsAt, input.endsAt).reduce<{ date: string; hours: number } | null>(
    (max, day) => (max === null || day.hours > max.hours ? day : max),
    null,
  );
  if (longest && longest.hours > PART_TIME_MAX_HOURS_PER_DAY) {
    return {
      ok: false,
      code: 'PART_TIME_HOURS_EXCEEDED',
      message:
        `非全日制用工每日工作时间不得超过${PART_TIME_MAX_HOURS_PER_DAY}小时（${longest.date}为${formatHours(longest.hours)}小时） / ` +
        `Part-time work may not exceed ${PART_TIME_MAX_HOURS_PER_DAY} hours a day: ${longest.date} has ${formatHours(longest.hours)} hours`,
    };
  }
  return { ok: true };
}

/** Monday 00:00 in the market's zone (UTC+8, no daylight saving) of the week containing `date`. */
export function weekStart(date: Date): Date {
  const dayStart = marketDayStartMs(date.getTime());
  // Weekday of the market-local day, 0 = Sunday: read the UTC weekday of local midnight shifted to UTC.
  const weekday = new Date(dayStart + MARKET_OFFSET_MS).getUTCDay();
  return new Date(dayStart - ((weekday + 6) % 7) * MS_PER_DAY);
}

function overlapMs(span: TimeSpan, from: number, to: number): number {
  return Math.max(0, Math.min(span.endsAt.getTime(), to) - Math.max(span.startsAt.getTime(), from));
}

/**
 * Labour Contract Law art. 68: at most 24 part-time hours a week with one employer. `existing` are
 * the seeker's part-time bookings with that employer; the candidate is refused when, in any
 * market-local week (Monday–Sunday) it touches, the hours inside that week, the candidate's included,
 * would pass 24. Only the part of each booking inside the week counts.
 */
export function checkWeeklyPartTimeHours(existing: readonly TimeSpan[], candidate: TimeSpan): Ok | WeeklyHoursViolation {
  const limitMs = PART_TIME_MAX_HOURS_PER_WEEK * MS_PER_HOUR;
  const candidateEnd = candidate.endsAt.getTime();
  let week = weekStart(candidate.startsAt).getTime();
  do {
    const weekEnd = week + MS_PER_WEEK;
    const totalMs = [...existing, candidate].reduce((sum, span) => sum + overlapMs(span, week, weekEnd), 0);
    if (totalMs > limitMs) {
      const hours = totalMs / MS_PER_HOUR;
      const monday = toMarketIso(new Date(week)).slice(0, 10);
      return {
        ok: false,
        code: 'PART_TIME_HOURS_EXCEEDED',
        hours,
        message:
          `同一用工方非全日制每周工作时间不得超过${PART_TIME_MAX_HOURS_PER_WEEK}小时（${monday}起的一周将达${formatHours(hours)}小时） / ` +
          `Part-time work for one employer may not exceed ${PART_TIME_MAX_HOURS_PER_WEEK} hours a week: ` +
          `the week from ${monday} would reach ${formatHours(hours)} hours`,
      };
    }
    week = weekEnd;
  } while (week < candidateEnd);
  return { ok: true };
}
