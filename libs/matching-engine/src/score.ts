import { availabilityPart } from './availability';
import { fairnessPart } from './fairness';
import { distancePart, haversineKm, payPart, reliabilityPart, skillPart } from './parts';
import type { FairnessContext, SeekerForMatching, ShiftForMatching } from './types';
import { defaultWeights, matchingParts, pointsPerPart, type MatchingPart, type MatchingWeights } from './weights';

export { haversineKm } from './parts';

/**
 * One seeker's fit for one shift, in a form staff and employers can read: a score in [0, 100],
 * and for each part the points it earned and one Chinese sentence saying why.
 *
 * `breakdown` holds POINTS, already weighted and rounded to one decimal, so the parts add up to
 * `score` exactly (API.md's candidates answer shows them as they are). `fit` holds each part
 * before weighting, in [0, 1].
 */
export interface CandidateScore {
  score: number;
  distanceKm: number;
  breakdown: Record<MatchingPart, number>;
  fit: Record<MatchingPart, number>;
  explanations: Record<MatchingPart, string>;
}

export function scoreCandidate(
  shift: ShiftForMatching,
  seeker: SeekerForMatching,
  context: FairnessContext,
  weights: MatchingWeights = defaultWeights,
): CandidateScore {
  if (!(shift.endsAt.getTime() > shift.startsAt.getTime())) throw new RangeError(`shift ${shift.id} must end after it starts`);
  const points = pointsPerPart(weights);
  const km = haversineKm(seeker.lat, seeker.lng, shift.lat, shift.lng);
  const parts = {
    skill: skillPart(shift, seeker),
    distance: distancePart(km, seeker.maxDistanceKm),
    availability: availabilityPart(shift.startsAt, shift.endsAt, seeker.availability),
    pay: payPart(shift, seeker.expectedDailyPayFen),
    reliability: reliabilityPart(seeker.reliability),
    fairness: fairnessPart(seeker, context),
  };
  const fit = mapParts((part) => parts[part].fit);
  const { total, rounded } = roundToTenths(mapParts((part) => fit[part] * points[part]));
  return {
    score: total,
    distanceKm: Math.round(km * 10) / 10,
    breakdown: rounded,
    fit,
    explanations: mapParts((part) => parts[part].text),
  };
}

function mapParts<T>(fn: (part: MatchingPart) => T): Record<MatchingPart, T> {
  return Object.fromEntries(matchingParts.map((part) => [part, fn(part)])) as Record<MatchingPart, T>;
}

/**
 * Rounds the total to one decimal and shares the rounding among the parts by largest remainder,
 * so the one-decimal parts always add up to the one-decimal total people see.
 */
export function roundToTenths(points: Record<MatchingPart, number>): { total: number; rounded: Record<MatchingPart, number> } {
  // Six-decimal clean-up first, so float noise (29.999999999) does not decide a remainder.
  const tenths = matchingParts.map((part) => Math.round(points[part] * 10 * 1e6) / 1e6);
  const floors = tenths.map(Math.floor);
  const total = Math.round(tenths.reduce((a, b) => a + b, 0));
  let left = total - floors.reduce((a, b) => a + b, 0);
  const byRemainder = tenths.map((t, i) => i).sort((i, j) => tenths[j] - floors[j] - (tenths[i] - floors[i]) || i - j);
  for (const i of byRemainder) {
    if (left <= 0) break;
    floors[i] += 1;
    left -= 1;
  }
  const rounded = mapParts((part) => floors[matchingParts.indexOf(part)] / 10);
  return { total: total / 10, rounded };
}
