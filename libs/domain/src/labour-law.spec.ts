import { describe, expect, it } from '@jest/globals';
import {
  PART_TIME_MAX_HOURS_PER_DAY,
  PART_TIME_MAX_HOURS_PER_WEEK,
  PART_TIME_MAX_SETTLEMENT_DAYS,
  checkMinimumWage,
  checkPartTimeShift,
  checkWeeklyPartTimeHours,
  effectiveHourlyPayFen,
  hoursByMarketDay,
  shiftHours,
  weekStart,
} from './labour-law';

/** A market-local time, e.g. at('2025-03-10', '08:00') is 2025-03-10T08:00:00+08:00. */
const at = (date: string, time: string): Date => new Date(`${date}T${time}:00+08:00`);
const span = (date: string, from: string, to: string, endDate = date) => ({ startsAt: at(date, from), endsAt: at(endDate, to) });

describe('constants (Labour Contract Law arts. 68 and 72)', () => {
  it('part-time: 4 hours a day, 24 hours a week, settled within 15 days', () => {
    expect(PART_TIME_MAX_HOURS_PER_DAY).toBe(4);
    expect(PART_TIME_MAX_HOURS_PER_WEEK).toBe(24);
    expect(PART_TIME_MAX_SETTLEMENT_DAYS).toBe(15);
  });
});

describe('shiftHours', () => {
  it('08:00–17:00 is 9 hours; 08:00–12:30 is 4.5 hours', () => {
    expect(shiftHours(at('2025-03-10', '08:00'), at('2025-03-10', '17:00'))).toBe(9);
    expect(shiftHours(at('2025-03-10', '08:00'), at('2025-03-10', '12:30'))).toBe(4.5);
  });

  it('22:00–02:00 across midnight is 4 hours', () => {
    expect(shiftHours(at('2025-03-10', '22:00'), at('2025-03-11', '02:00'))).toBe(4);
  });
});

describe('effectiveHourlyPayFen', () => {
  it('an hourly rate of 26 yuan is 2600 fen an hour', () => {
    expect(effectiveHourlyPayFen({ amountFen: 2600, unit: 'hour' }, 9)).toBe(2600);
  });

  it('a day rate of 220 yuan for 9 hours is 2444.44 fen an hour', () => {
    expect(effectiveHourlyPayFen({ amountFen: 22000, unit: 'day' }, 9)).toBeCloseTo(2444.44, 2);
  });

  it('a day rate for a shift of 0 hours cannot be judged: null', () => {
    expect(effectiveHourlyPayFen({ amountFen: 22000, unit: 'day' }, 0)).toBeNull();
  });

  it('a piece rate cannot be judged at posting time: null', () => {
    expect(effectiveHourlyPayFen({ amountFen: 50, unit: 'piece' }, 8)).toBeNull();
  });
});

describe('checkMinimumWage (tier 1 = 24 yuan/h from 2025-01-01)', () => {
  const nineHours = span('2025-03-10', '08:00', '17:00');

  it('a day rate of 200 yuan for 9 hours is 22.22 yuan/h: refused in tier 1', () => {
    const result = checkMinimumWage({ amountFen: 20000, unit: 'day', ...nineHours }, 1);
    expect(result).toEqual({
      ok: false,
      code: 'BELOW_MINIMUM_WAGE',
      minimumFen: 2400,
      effectiveFen: 2222,
      message: '时薪不得低于最低工资24元 / Pay works out at 22.22 yuan an hour, below the minimum of 24 yuan',
    });
  });

  it('the same 200 yuan for 9 hours (22.22/h) is allowed in tier 2 (22 yuan/h)', () => {
    expect(checkMinimumWage({ amountFen: 20000, unit: 'day', ...nineHours }, 2)).toEqual({ ok: true });
  });

  it('220 yuan for 9 hours = 24.44/h: allowed', () => {
    expect(checkMinimumWage({ amountFen: 22000, unit: 'day', ...nineHours }, 1)).toEqual({ ok: true });
  });

  it('a day rate of exactly 216 yuan for 9 hours = 24.00/h: allowed; 215.99 yuan = 23.99/h: refused', () => {
    expect(checkMinimumWage({ amountFen: 21600, unit: 'day', ...nineHours }, 1)).toEqual({ ok: true });
    const result = checkMinimumWage({ amountFen: 21599, unit: 'day', ...nineHours }, 1);
    expect(result).toMatchObject({ ok: false, code: 'BELOW_MINIMUM_WAGE', effectiveFen: 2399 });
    expect(result.ok === false && result.message).toContain('23.99 yuan an hour');
  });

  it('an hourly rate of exactly 24 yuan is allowed, 23.99 is refused', () => {
    expect(checkMinimumWage({ amountFen: 2400, unit: 'hour', ...nineHours }, 1)).toEqual({ ok: true });
    expect(checkMinimumWage({ amountFen: 2399, unit: 'hour', ...nineHours }, 1)).toMatchObject({
      ok: false,
      code: 'BELOW_MINIMUM_WAGE',
      minimumFen: 2400,
      effectiveFen: 2399,
    });
  });

  it('an hourly rate of 20 yuan reads "Pay works out at 20.00 yuan an hour, below the minimum of 24 yuan"', () => {
    const result = checkMinimumWage({ amountFen: 2000, unit: 'hour', ...nineHours }, 1);
    expect(result.ok === false && result.message).toBe(
      '时薪不得低于最低工资24元 / Pay works out at 20.00 yuan an hour, below the minimum of 24 yuan',
    );
  });

  it('an hourly rate of 20 yuan is allowed in tier 3 (20 yuan/h)', () => {
    expect(checkMinimumWage({ amountFen: 2000, unit: 'hour', ...nineHours }, 3)).toEqual({ ok: true });
  });

  it('a piece rate of 0.50 yuan passes (cannot be judged at posting time)', () => {
    expect(checkMinimumWage({ amountFen: 50, unit: 'piece', ...nineHours }, 1)).toEqual({ ok: true });
  });

  it('a day rate of 100 yuan for 4 hours (22:00–02:00 across midnight) = 25.00/h: allowed', () => {
    expect(checkMinimumWage({ amountFen: 10000, unit: 'day', ...span('2025-03-10', '22:00', '02:00', '2025-03-11') }, 1)).toEqual({
      ok: true,
    });
  });
});

describe('hoursByMarketDay', () => {
  it('22:00–02:00 is 2 hours on each of two market days', () => {
    expect(hoursByMarketDay(at('2025-03-10', '22:00'), at('2025-03-11', '02:00'))).toEqual([
      { date: '2025-03-10', hours: 2 },
      { date: '2025-03-11', hours: 2 },
    ]);
  });

  it('days are Asia/Shanghai days: 15:00Z–17:00Z is 23:00–01:00 local, split 1 h + 1 h', () => {
    expect(hoursByMarketDay(new Date('2025-03-10T15:00:00Z'), new Date('2025-03-10T17:00:00Z'))).toEqual([
      { date: '2025-03-10', hours: 1 },
      { date: '2025-03-11', hours: 1 },
    ]);
  });
});

describe('checkPartTimeShift', () => {
  const partTime = (s: { startsAt: Date; endsAt: Date }, settlement: 'daily' | 'weekly' | 'on_completion' = 'daily') => ({
    employmentType: 'part_time' as const,
    settlement,
    ...s,
  });

  it('part-time 08:00–12:00 (4 h) allowed', () => {
    expect(checkPartTimeShift(partTime(span('2025-03-10', '08:00', '12:00')))).toEqual({ ok: true });
  });

  it('part-time 08:00–12:30 (4.5 h) refused', () => {
    const result = checkPartTimeShift(partTime(span('2025-03-10', '08:00', '12:30')));
    expect(result).toMatchObject({ ok: false, code: 'PART_TIME_HOURS_EXCEEDED' });
    expect(result.ok === false && result.message).toContain('2025-03-10 has 4.5 hours');
  });

  it('a part-time shift 22:00–02:00 (2h + 2h on two days) allowed', () => {
    expect(checkPartTimeShift(partTime(span('2025-03-10', '22:00', '02:00', '2025-03-11')))).toEqual({ ok: true });
  });

  it('a part-time shift 19:00–02:00 (5h + 2h on two days) refused', () => {
    expect(checkPartTimeShift(partTime(span('2025-03-10', '19:00', '02:00', '2025-03-11')))).toMatchObject({
      ok: false,
      code: 'PART_TIME_HOURS_EXCEEDED',
    });
  });

  it('temporary and seasonal 08:00–18:00 (10 h, settled on completion 20 days later) are always ok', () => {
    for (const employmentType of ['temporary', 'seasonal'] as const) {
      expect(
        checkPartTimeShift({ employmentType, settlement: 'on_completion', ...span('2025-03-01', '08:00', '18:00', '2025-03-21') }),
      ).toEqual({ ok: true });
    }
  });

  it('daily and weekly settlement are fine', () => {
    expect(checkPartTimeShift(partTime(span('2025-03-10', '08:00', '12:00'), 'daily'))).toEqual({ ok: true });
    expect(checkPartTimeShift(partTime(span('2025-03-10', '08:00', '12:00'), 'weekly'))).toEqual({ ok: true });
  });

  it('on_completion for a 4-hour shift allowed', () => {
    expect(checkPartTimeShift(partTime(span('2025-03-10', '08:00', '12:00'), 'on_completion'))).toEqual({ ok: true });
  });

  it('on_completion with a 20-day span (2025-03-01 08:00 → 2025-03-21 08:00) refused: PART_TIME_SETTLEMENT_TOO_LONG', () => {
    const result = checkPartTimeShift(partTime(span('2025-03-01', '08:00', '08:00', '2025-03-21'), 'on_completion'));
    expect(result).toMatchObject({ ok: false, code: 'PART_TIME_SETTLEMENT_TOO_LONG' });
    expect(result.ok === false && result.message).toContain('at least every 15 days');
  });

  it('on_completion with exactly 15 days is within the settlement rule (refused only for its daily hours)', () => {
    const result = checkPartTimeShift(partTime(span('2025-03-01', '08:00', '08:00', '2025-03-16'), 'on_completion'));
    expect(result).toMatchObject({ ok: false, code: 'PART_TIME_HOURS_EXCEEDED' });
  });

  it('an explicit settlementDays of 20 is refused, 15 allowed', () => {
    const four = span('2025-03-10', '08:00', '12:00');
    expect(checkPartTimeShift({ ...partTime(four, 'weekly'), settlementDays: 20 })).toMatchObject({
      ok: false,
      code: 'PART_TIME_SETTLEMENT_TOO_LONG',
    });
    expect(checkPartTimeShift({ ...partTime(four, 'weekly'), settlementDays: 15 })).toEqual({ ok: true });
  });
});

describe('weekStart (Monday 00:00 Asia/Shanghai)', () => {
  it('Sunday 2025-03-16 23:30 +08:00 is in the week from Monday 2025-03-10 00:00 +08:00', () => {
    expect(weekStart(at('2025-03-16', '23:30'))).toEqual(at('2025-03-10', '00:00'));
  });

  it('Monday 2025-03-17 00:00 +08:00 starts its own week', () => {
    expect(weekStart(at('2025-03-17', '00:00'))).toEqual(at('2025-03-17', '00:00'));
  });

  it('Sunday 2025-03-16 16:30Z is Monday 00:30 in Shanghai: week from 2025-03-17', () => {
    expect(weekStart(new Date('2025-03-16T16:30:00Z'))).toEqual(at('2025-03-17', '00:00'));
  });

  it('Wednesday 2025-03-12 12:00 +08:00 → Monday 2025-03-10 00:00 +08:00 (2025-03-09 16:00Z)', () => {
    expect(weekStart(at('2025-03-12', '12:00')).toISOString()).toBe('2025-03-09T16:00:00.000Z');
  });
});

describe('checkWeeklyPartTimeHours (24 h a week with one employer)', () => {
  // Monday 2025-03-10 to Friday 2025-03-14, 08:00–12:00 each: 20 hours.
  const fiveMornings = ['2025-03-10', '2025-03-11', '2025-03-12', '2025-03-13', '2025-03-14'].map((d) => span(d, '08:00', '12:00'));

  it('five 4-hour bookings (20 h) + a 4-hour candidate on Saturday = 24 h: allowed', () => {
    expect(checkWeeklyPartTimeHours(fiveMornings, span('2025-03-15', '08:00', '12:00'))).toEqual({ ok: true });
  });

  it('five 4-hour bookings (20 h) + a 5-hour candidate on Saturday = 25 h: refused', () => {
    const result = checkWeeklyPartTimeHours(fiveMornings, span('2025-03-15', '08:00', '13:00'));
    expect(result).toMatchObject({ ok: false, code: 'PART_TIME_HOURS_EXCEEDED', hours: 25 });
    expect(result.ok === false && result.message).toContain('the week from 2025-03-10 would reach 25 hours');
  });

  it('no bookings + a 4-hour candidate: allowed', () => {
    expect(checkWeeklyPartTimeHours([], span('2025-03-15', '08:00', '12:00'))).toEqual({ ok: true });
  });

  it('bookings in the previous week (20 h, 2025-03-03…07) do not count: a 5-hour candidate on 2025-03-10 is allowed', () => {
    const previousWeek = ['2025-03-03', '2025-03-04', '2025-03-05', '2025-03-06', '2025-03-07'].map((d) => span(d, '08:00', '12:00'));
    expect(checkWeeklyPartTimeHours(previousWeek, span('2025-03-10', '08:00', '13:00'))).toEqual({ ok: true });
  });

  it('a booking straddling Sunday→Monday midnight (Sun 22:00–Mon 02:00) is split 2 h + 2 h between weeks', () => {
    // Week of 03-10 holds five mornings (20 h) + Sunday 03-16 22:00–24:00 (2 h) = 22 h.
    const straddle = span('2025-03-16', '22:00', '02:00', '2025-03-17');
    const bookings = [...fiveMornings, straddle];
    // +2 h on Saturday = 24 h: allowed (only 2 of the straddling booking's 4 hours count).
    expect(checkWeeklyPartTimeHours(bookings, span('2025-03-15', '08:00', '10:00'))).toEqual({ ok: true });
    // +3 h on Saturday = 25 h: refused.
    expect(checkWeeklyPartTimeHours(bookings, span('2025-03-15', '08:00', '11:00'))).toMatchObject({ ok: false, hours: 25 });
    // In the week of 03-17 only its other 2 hours count: 2 h + five afternoons (20 h) = 22 h; +2 h = 24 allowed, +2.5 h refused.
    const nextWeek = ['2025-03-17', '2025-03-18', '2025-03-19', '2025-03-20', '2025-03-21'].map((d) => span(d, '12:00', '16:00'));
    expect(checkWeeklyPartTimeHours([straddle, ...nextWeek], span('2025-03-22', '08:00', '10:00'))).toEqual({ ok: true });
    expect(checkWeeklyPartTimeHours([straddle, ...nextWeek], span('2025-03-22', '08:00', '10:30'))).toMatchObject({
      ok: false,
      hours: 24.5,
    });
  });

  it('a candidate straddling Sunday→Monday is checked in both weeks it touches', () => {
    // Next week already has 23 h (Mon–Fri 12:00–16:00 = 20 h, Sat 08:00–11:00 = 3 h); candidate Sun 22:00–Mon 02:00 adds 2 h there.
    const nextWeek = [
      ...['2025-03-17', '2025-03-18', '2025-03-19', '2025-03-20', '2025-03-21'].map((d) => span(d, '12:00', '16:00')),
      span('2025-03-22', '08:00', '11:00'),
    ];
    const result = checkWeeklyPartTimeHours(nextWeek, span('2025-03-16', '22:00', '02:00', '2025-03-17'));
    expect(result).toMatchObject({ ok: false, code: 'PART_TIME_HOURS_EXCEEDED', hours: 25 });
    expect(result.ok === false && result.message).toContain('2025-03-17');
  });

  it('a candidate ending exactly at Monday 00:00 does not touch the next week', () => {
    const fullNextWeek = ['2025-03-17', '2025-03-18', '2025-03-19', '2025-03-20', '2025-03-21', '2025-03-22'].map((d) =>
      span(d, '08:00', '12:00'),
    );
    expect(checkWeeklyPartTimeHours(fullNextWeek, span('2025-03-16', '20:00', '00:00', '2025-03-17'))).toEqual({ ok: true });
  });
});
