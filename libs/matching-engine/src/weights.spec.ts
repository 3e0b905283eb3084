import { describe, expect, it } from '@jest/globals';
import { assertValidWeights, defaultWeights, matchingParts, pointsPerPart } from './weights';

describe('matching weights', () => {
  it('default weights add up to 100, so each weight is the points a perfect part earns', () => {
    expect(matchingParts.reduce((sum, part) => sum + defaultWeights[part], 0)).toBe(100);
    expect(pointsPerPart(defaultWeights)).toEqual({ skill: 30, distance: 20, availability: 15, pay: 10, reliability: 15, fairness: 10 });
  });

  it('normalises by the sum: weights of 1, 1, 2, 0, 0, 0 give 25, 25, 50 points', () => {
    const points = pointsPerPart({ skill: 1, distance: 1, availability: 2, pay: 0, reliability: 0, fairness: 0 });
    expect(points).toEqual({ skill: 25, distance: 25, availability: 50, pay: 0, reliability: 0, fairness: 0 });
  });

  it.each([
    ['a negative weight', { ...defaultWeights, pay: -1 }],
    ['a NaN weight', { ...defaultWeights, skill: Number.NaN }],
    ['an infinite weight', { ...defaultWeights, skill: Infinity }],
    ['all zero', { skill: 0, distance: 0, availability: 0, pay: 0, reliability: 0, fairness: 0 }],
  ])('rejects %s', (_why, weights) => {
    expect(() => assertValidWeights(weights)).toThrow(RangeError);
  });

  it('the default settings object cannot be changed by accident', () => {
    expect(Object.isFrozen(defaultWeights)).toBe(true);
  });
});
