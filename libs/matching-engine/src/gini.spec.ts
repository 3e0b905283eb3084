import { describe, expect, it } from '@jest/globals';
import { gini } from './gini';

describe('gini', () => {
  it('is 0 when everyone has the same, and for nobody or all zeros', () => {
    expect(gini([1, 1, 1])).toBe(0);
    expect(gini([])).toBe(0);
    expect(gini([0, 0, 0])).toBe(0);
  });

  it('is (n − 1) / n when one person has everything: [0, 0, 1] → 2/3', () => {
    expect(gini([0, 0, 1])).toBeCloseTo(2 / 3, 12);
    expect(gini([1, 0, 0])).toBeCloseTo(2 / 3, 12);
    expect(gini([0, 5])).toBeCloseTo(1 / 2, 12);
  });

  it('matches the mean-absolute-difference definition: [1, 2, 3, 4] → 0.25', () => {
    // Σ|xi − xj| over all ordered pairs = 20; 20 / (2 · 4² · 2.5) = 0.25
    expect(gini([4, 1, 3, 2])).toBeCloseTo(0.25, 12);
  });

  it('does not depend on scale and does not change its input', () => {
    const values = [3, 0, 12, 7];
    expect(gini(values.map((v) => v * 100))).toBeCloseTo(gini(values), 12);
    expect(values).toEqual([3, 0, 12, 7]);
  });

  it('rejects negative or non-finite values', () => {
    expect(() => gini([1, -1])).toThrow(RangeError);
    expect(() => gini([1, Number.NaN])).toThrow(RangeError);
  });

  it('counts unlisted zeros as if they were listed', () => {
    expect(gini([5, 1, 3], 4)).toBeCloseTo(gini([5, 1, 3, 0, 0, 0, 0]), 12);
    expect(gini([2], 1)).toBeCloseTo(1 / 2, 12);
    expect(gini([], 3)).toBe(0);
    expect(() => gini([1], -1)).toThrow(RangeError);
    expect(() => gini([1], 1.5)).toThrow(RangeError);
  });
});
