import { describe, expect, it } from '@jest/globals';
import { availabilityPart, coveredMinutes, weeklyIntervals } from './availability';

// 2026-12-07 is a Monday, 2026-12-11 a Friday, 2026-12-13 a Sunday (Asia/Shanghai).
const at = (local: string) => new Date(`${local}+08:00`);

describe('availability', () => {
  it('reads windows in local time (UTC+8): 00:30Z on Monday is 08:30 in Longwan', () => {
    const windows = [{ day: 1, start: '08:00', end: '12:00' }];
    expect(availabilityPart(new Date('2026-12-07T00:30:00Z'), new Date('2026-12-07T03:30:00Z'), windows)).toEqual({
      fit: 1,
      text: '班次时间全在登记的空闲时段内',
    });
  });

  it('counts the share of hours covered: Monday 08:00–16:00 against 12:00–19:00 → 4 of 8 hours', () => {
    const part = availabilityPart(at('2026-12-07T08:00:00'), at('2026-12-07T16:00:00'), [{ day: 1, start: '12:00', end: '19:00' }]);
    expect(part).toEqual({ fit: 0.5, text: '班次8小时中有4小时在登记的空闲时段内' });
  });

  it('splits a shift across midnight: Friday 22:00–Saturday 06:00 against Friday 18:00–24:00 and Saturday 00:00–04:00 → 6 of 8', () => {
    const windows = [
      { day: 5, start: '18:00', end: '24:00' },
      { day: 6, start: '00:00', end: '04:00' },
    ];
    const part = availabilityPart(at('2026-12-11T22:00:00'), at('2026-12-12T06:00:00'), windows);
    expect(part).toEqual({ fit: 0.75, text: '班次8小时中有6小时在登记的空闲时段内' });
  });

  it('the same night shift is wholly covered by an overnight window (Friday 22:00–06:00)', () => {
    expect(availabilityPart(at('2026-12-11T22:00:00'), at('2026-12-12T06:00:00'), [{ day: 5, start: '22:00', end: '06:00' }]).fit).toBe(1);
    // …but not by the Saturday one, which starts the following night.
    expect(availabilityPart(at('2026-12-11T22:00:00'), at('2026-12-12T06:00:00'), [{ day: 6, start: '22:00', end: '06:00' }]).fit).toBe(0);
  });

  it('wraps the week: Sunday 22:00–Monday 02:00 against Sunday 20:00–24:00 and Monday 00:00–01:00 → 3 of 4', () => {
    const windows = [
      { day: 7, start: '20:00', end: '24:00' },
      { day: 1, start: '00:00', end: '01:00' },
    ];
    expect(availabilityPart(at('2026-12-13T22:00:00'), at('2026-12-14T02:00:00'), windows).fit).toBe(0.75);
    // A Sunday overnight window covers early Monday.
    expect(availabilityPart(at('2026-12-14T01:00:00'), at('2026-12-14T05:00:00'), [{ day: 7, start: '22:00', end: '06:00' }]).fit).toBe(1);
  });

  it('merges overlapping windows instead of counting hours twice', () => {
    const windows = [
      { day: 1, start: '08:00', end: '12:00' },
      { day: 1, start: '10:00', end: '14:00' },
    ];
    expect(weeklyIntervals(windows)).toEqual([[480, 840]]);
    expect(coveredMinutes(at('2026-12-07T08:00:00'), at('2026-12-07T16:00:00'), windows)).toBe(360);
  });

  it('handles a shift longer than a week', () => {
    const allWeek = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: '00:00', end: '24:00' }));
    expect(availabilityPart(at('2026-12-07T08:00:00'), at('2026-12-16T08:00:00'), allWeek).fit).toBe(1);
    const mondays = [{ day: 1, start: '00:00', end: '24:00' }];
    expect(coveredMinutes(at('2026-12-06T12:00:00'), at('2026-12-15T12:00:00'), mondays)).toBe(2 * 24 * 60);
  });

  it('counts whole weeks at once, agreeing minute for minute with a week-by-week count', () => {
    const windows = [
      { day: 1, start: '07:00', end: '19:00' },
      { day: 5, start: '22:00', end: '06:00' },
      { day: 7, start: '20:00', end: '02:00' },
    ];
    const weekByWeek = (startsAt: Date, endsAt: Date) => {
      const intervals = weeklyIntervals(windows);
      const week = 7 * 24 * 60;
      const from = (startsAt.getTime() + 8 * 3_600_000) / 60_000 + 3 * 24 * 60;
      const to = (endsAt.getTime() + 8 * 3_600_000) / 60_000 + 3 * 24 * 60;
      let covered = 0;
      for (let start = Math.floor(from / week) * week; start < to; start += week) {
        for (const [a, b] of intervals) covered += Math.max(0, Math.min(to, start + b) - Math.max(from, start + a));
      }
      return covered;
    };
    for (const [from, to] of [
      ['2026-12-07T08:00:00', '2026-12-07T16:00:00'],
      ['2026-12-11T23:00:00', '2026-12-14T01:30:00'],
      ['2026-12-06T12:00:00', '2027-03-15T12:17:00'],
      ['2026-12-13T21:00:00', '2028-12-13T21:00:00'],
    ] as const) {
      expect(coveredMinutes(at(from), at(to), windows)).toBe(weekByWeek(at(from), at(to)));
    }
  });

  it('answers at once for a span of thousands of years (a row from before shifts were bounded)', () => {
    const mondays = [{ day: 1, start: '00:00', end: '24:00' }];
    // 9999-12-31 is a Friday: from Monday 2026-12-07 it is 416 014 whole weeks and 4 days (one more Monday).
    expect(coveredMinutes(at('2026-12-07T00:00:00'), at('9999-12-31T00:00:00'), mondays)).toBe(416_015 * 24 * 60);
    expect(availabilityPart(at('2026-12-07T00:00:00'), at('9999-12-31T00:00:00'), mondays).fit).toBeCloseTo(1 / 7, 4);
  });

  it('is 0 with no windows, said so in Chinese; bad windows throw', () => {
    expect(availabilityPart(at('2026-12-07T08:00:00'), at('2026-12-07T16:00:00'), [])).toEqual({ fit: 0, text: '未登记每周空闲时间' });
    expect(availabilityPart(at('2026-12-07T08:00:00'), at('2026-12-07T16:00:00'), [{ day: 2, start: '08:00', end: '16:00' }])).toEqual({
      fit: 0,
      text: '班次时间不在登记的空闲时段内',
    });
    expect(() => weeklyIntervals([{ day: 8, start: '08:00', end: '12:00' }])).toThrow(RangeError);
    expect(() => weeklyIntervals([{ day: 1, start: '8:00', end: '12:00' }])).toThrow(RangeError);
    expect(() => weeklyIntervals([{ day: 1, start: '08:00', end: '24:30' }])).toThrow(RangeError);
  });
});
