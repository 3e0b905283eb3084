import { describe, expect, it } from '@jest/globals';
import {
  LONGWAN_MINIMUM_WAGE_TIER,
  ZHEJIANG_MINIMUM_WAGES,
  minimumHourlyWageFen,
  minimumMonthlyWageFen,
  minimumWageScheduleOn,
  type MinimumWageTier,
} from './minimum-wage';

describe('Zhejiang minimum wage table', () => {
  it('every entry names its source and a parseable effective date with an offset', () => {
    for (const entry of ZHEJIANG_MINIMUM_WAGES) {
      expect(entry.source).toMatch(/\S/);
      expect(entry.effectiveFrom).toMatch(/[+-]\d{2}:\d{2}$/);
      expect(Number.isFinite(Date.parse(entry.effectiveFrom))).toBe(true);
    }
  });

  it('Longwan district is tier 1: 24 yuan an hour from 2025-01-01', () => {
    expect(LONGWAN_MINIMUM_WAGE_TIER).toBe(1);
    expect(minimumHourlyWageFen(LONGWAN_MINIMUM_WAGE_TIER, new Date('2025-06-01T08:00:00+08:00'))).toBe(2400);
  });

  it.each<[MinimumWageTier, number, number]>([
    [1, 2400, 249000],
    [2, 2200, 226000],
    [3, 2000, 201000],
  ])('from 2025-01-01, tier %p is %p fen an hour (part-time) and %p fen a month', (tier, hourly, monthly) => {
    const on = new Date('2025-01-01T00:00:00+08:00');
    expect(minimumHourlyWageFen(tier, on)).toBe(hourly);
    expect(minimumMonthlyWageFen(tier, on)).toBe(monthly);
  });

  it('the 2025 notice is in force from 2025-01-01 00:00 Asia/Shanghai (2024-12-31 16:00 UTC)', () => {
    expect(minimumWageScheduleOn(new Date('2024-12-31T16:00:00Z')).effectiveFrom).toBe('2025-01-01T00:00:00+08:00');
  });

  it('before the earliest entry (2024-06-01), the earliest entry is used: tier 1 is 24 yuan an hour', () => {
    expect(minimumHourlyWageFen(1, new Date('2024-06-01T08:00:00+08:00'))).toBe(2400);
  });

  it('without a date, the entry in force now is used (tier 3 is at least 20 yuan an hour)', () => {
    expect(minimumHourlyWageFen(3)).toBeGreaterThanOrEqual(2000);
  });

  it('an invalid date or an unknown tier throws RangeError', () => {
    expect(() => minimumHourlyWageFen(1, new Date('not a date'))).toThrow(RangeError);
    expect(() => minimumHourlyWageFen(4 as MinimumWageTier, new Date('2025-06-01T08:00:00+08:00'))).toThrow(RangeError);
  });
});
