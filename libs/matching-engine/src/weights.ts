/**
 * How much each part of a match counts. One settings object, so staff tune the balance (and the
 * fairness policy) in one place. Weights are relative: a score is normalised by their sum, so it
 * stays in [0, 100] whatever the numbers; a weight of 0 switches that part off (fairness 0 turns
 * the fairness policy off).
 */
export interface MatchingWeights {
  skill: number;
  distance: number;
  availability: number;
  pay: number;
  reliability: number;
  fairness: number;
}

export type MatchingPart = keyof MatchingWeights;

/** The order parts are listed in breakdowns and explanations. */
export const matchingParts: readonly MatchingPart[] = ['skill', 'distance', 'availability', 'pay', 'reliability', 'fairness'];

export const defaultWeights: Readonly<MatchingWeights> = Object.freeze({
  skill: 30,
  distance: 20,
  availability: 15,
  pay: 10,
  reliability: 15,
  fairness: 10,
});

/** Throws a RangeError unless every weight is a finite number ≥ 0 and at least one is positive. */
export function assertValidWeights(weights: MatchingWeights): void {
  for (const part of matchingParts) {
    const w = weights[part];
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) throw new RangeError(`weight ${part} must be a finite number ≥ 0`);
  }
  if (matchingParts.every((part) => weights[part] === 0)) throw new RangeError('at least one weight must be positive');
}

/** Each part's share of 100 points: `skill 30, …` over a sum of 100 gives 30 points for a perfect skill fit. */
export function pointsPerPart(weights: MatchingWeights): MatchingWeights {
  assertValidWeights(weights);
  const sum = matchingParts.reduce((total, part) => total + weights[part], 0);
  const share = (part: MatchingPart) => (weights[part] / sum) * 100;
  return {
    skill: share('skill'),
    distance: share('distance'),
    availability: share('availability'),
    pay: share('pay'),
    reliability: share('reliability'),
    fairness: share('fairness'),
  };
}
