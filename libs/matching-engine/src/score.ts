import { employerParts, type Audience, type EmployerPart, type StaffOnlyPart } from './audience';
import { availabilityFit, availabilityPart } from './availability';
import { fairnessFit, fairnessPart } from './fairness';
import {
  distanceFit,
  distancePart,
  haversineKm,
  payFitOfDay,
  payForTheDayFen,
  payPart,
  reliabilityFit,
  reliabilityPart,
  skillFitFor,
  skillPart,
} from './parts';
import type { FairnessContext, SeekerForMatching, ShiftForMatching, WeeklyWindow } from './types';
import { assertValidWeights, defaultWeights, matchingParts, pointsPerPart, type MatchingPart, type MatchingWeights } from './weights';

export { haversineKm } from './parts';

/**
 * One seeker's fit for one shift as the market scores it, in a form staff (and the seeker, about
 * themselves) can read: a score in [0, 100], and for each part the points it earned and one
 * Chinese sentence saying why. Employers read `EmployerCandidateScore` instead.
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

/**
 * What an employer reads of a match. The parts resting on staff-only facts (pay fit on expected
 * pay; fairness on priority group, hours and earnings) are `null`, and `score` is made of the
 * other four alone, re-weighted to [0, 100]: skill, distance (from the whole-kilometre distance),
 * availability and reliability. Nothing in it is a function of a staff-only fact, so comparing
 * candidates cannot reveal one.
 */
export interface EmployerCandidateScore {
  score: number;
  /** Whole kilometres. */
  distanceKm: number;
  breakdown: Record<EmployerPart, number> & Record<StaffOnlyPart, null>;
  explanations: Record<EmployerPart, string> & Record<StaffOnlyPart, null>;
}

/**
 * The match as `audience` may read it (see `Audience`): staff (the default) the market's full
 * score with the facts behind it, a seeker the same score in words about themselves, an employer
 * the `EmployerCandidateScore`. Offers, referrals and dispatch rank by the full score.
 */
export function scoreCandidate(
  shift: ShiftForMatching,
  seeker: SeekerForMatching,
  context: FairnessContext,
  weights?: MatchingWeights,
  audience?: Exclude<Audience, 'employer'>,
): CandidateScore;
export function scoreCandidate(
  shift: ShiftForMatching,
  seeker: SeekerForMatching,
  context: FairnessContext,
  weights: MatchingWeights | undefined,
  audience: 'employer',
): EmployerCandidateScore;
export function scoreCandidate(
  shift: ShiftForMatching,
  seeker: SeekerForMatching,
  context: FairnessContext,
  weights: MatchingWeights = defaultWeights,
  audience: Audience = 'staff',
): CandidateScore | EmployerCandidateScore {
  if (!(shift.endsAt.getTime() > shift.startsAt.getTime())) throw new RangeError(`shift ${shift.id} must end after it starts`);
  const km = haversineKm(seeker.lat, seeker.lng, shift.lat, shift.lng);
  if (audience === 'employer') return employerScore(shift, seeker, km, weights);
  const points = pointsPerPart(weights);
  const parts = {
    skill: skillPart(shift, seeker, audience),
    distance: distancePart(km, seeker.maxDistanceKm, audience),
    availability: availabilityPart(shift.startsAt, shift.endsAt, seeker.availability, audience),
    pay: payPart(shift, seeker.expectedDailyPayFen, audience),
    reliability: reliabilityPart(seeker.reliability, audience),
    fairness: fairnessPart(seeker, context, audience),
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

/**
 * `scoreCandidate(…).score` alone, without the sentences: the same fits and the same arithmetic,
 * at a small part of the cost, for walks that score thousands to explain twenty.
 */
export function scoreOnly(
  shift: ShiftForMatching,
  seeker: SeekerForMatching,
  context: FairnessContext,
  weights: MatchingWeights = defaultWeights,
  audience: Audience = 'staff',
): number {
  return shiftScorer(shift, context, weights, audience)(seeker);
}

/**
 * `scoreOnly` for one shift and many seekers. What rests on the shift alone (its pay for the day,
 * the skills it asks for, the points per part) is worked out once, and the availability fit once
 * per windows array: the seeker pool shares equal windows, so a walk over thousands of seekers
 * computes a few dozen. Windows are not to be changed in place while the scorer is in use.
 */
export function shiftScorer(
  shift: ShiftForMatching,
  context: FairnessContext,
  weights: MatchingWeights = defaultWeights,
  audience: Audience = 'staff',
): (seeker: SeekerForMatching) => number {
  if (!(shift.endsAt.getTime() > shift.startsAt.getTime())) throw new RangeError(`shift ${shift.id} must end after it starts`);
  const skill = skillFitFor(shift);
  const availabilityByWindows = new Map<readonly WeeklyWindow[], number>();
  const availability = (windows: readonly WeeklyWindow[]) => {
    let fit = availabilityByWindows.get(windows);
    if (fit === undefined) availabilityByWindows.set(windows, (fit = availabilityFit(shift.startsAt, shift.endsAt, windows)));
    return fit;
  };
  const { lat, lng } = shift;
  if (audience === 'employer') {
    const sum = employerSum(weights);
    if (sum === 0) return () => 0;
    // The parts in `matchingParts` order (pay and fairness 0), as totalOfTenths adds them and
    // with employerScore's arithmetic to the last bit.
    return (seeker) => {
      const km = haversineKm(seeker.lat, seeker.lng, lat, lng);
      const tenths =
        inTenths((skill(seeker) * weights.skill * 100) / sum) +
        inTenths((distanceFit(Math.round(km), seeker.maxDistanceKm) * weights.distance * 100) / sum) +
        inTenths((availability(seeker.availability) * weights.availability * 100) / sum) +
        inTenths(0) +
        inTenths((reliabilityFit(seeker.reliability) * weights.reliability * 100) / sum) +
        inTenths(0);
      return Math.round(tenths) / 10;
    };
  }
  const points = pointsOf(weights);
  const dayFen = payForTheDayFen(shift);
  return (seeker) => {
    const km = haversineKm(seeker.lat, seeker.lng, lat, lng);
    const tenths =
      inTenths(skill(seeker) * points.skill) +
      inTenths(distanceFit(km, seeker.maxDistanceKm) * points.distance) +
      inTenths(availability(seeker.availability) * points.availability) +
      inTenths(payFitOfDay(dayFen, seeker.expectedDailyPayFen) * points.pay) +
      inTenths(reliabilityFit(seeker.reliability) * points.reliability) +
      inTenths(fairnessFit(seeker, context) * points.fairness);
    return Math.round(tenths) / 10;
  };
}

/** pointsPerPart and the employer's weight sum, worked out once per weights object. */
const pointsByWeights = new WeakMap<MatchingWeights, MatchingWeights>();
function pointsOf(weights: MatchingWeights): MatchingWeights {
  let points = pointsByWeights.get(weights);
  if (!points) pointsByWeights.set(weights, (points = pointsPerPart(weights)));
  return points;
}
/** The weights of the parts an employer reads, added up (after checking the weights). */
export function employerSum(weights: MatchingWeights): number {
  pointsOf(weights); // checks the weights
  return employerParts.reduce((total, part) => total + weights[part], 0);
}

function employerScore(shift: ShiftForMatching, seeker: SeekerForMatching, km: number, weights: MatchingWeights): EmployerCandidateScore {
  assertValidWeights(weights);
  // Distance is judged from the whole kilometres the employer is shown, so its points say nothing finer.
  const wholeKm = Math.round(km);
  const parts: Record<EmployerPart, { fit: number; text: string }> = {
    skill: skillPart(shift, seeker, 'employer'),
    distance: distancePart(wholeKm, seeker.maxDistanceKm, 'employer'),
    availability: availabilityPart(shift.startsAt, shift.endsAt, seeker.availability, 'employer'),
    reliability: reliabilityPart(seeker.reliability, 'employer'),
  };
  const sum = employerParts.reduce((total, part) => total + weights[part], 0);
  const shown = (part: MatchingPart) =>
    part === 'pay' || part === 'fairness' || sum === 0 ? 0 : (parts[part].fit * weights[part] * 100) / sum;
  const { total, rounded } = roundToTenths(mapParts(shown));
  return {
    score: total,
    distanceKm: wholeKm,
    breakdown: {
      skill: rounded.skill,
      distance: rounded.distance,
      availability: rounded.availability,
      reliability: rounded.reliability,
      pay: null,
      fairness: null,
    },
    explanations: {
      skill: parts.skill.text,
      distance: parts.distance.text,
      availability: parts.availability.text,
      reliability: parts.reliability.text,
      pay: null,
      fairness: null,
    },
  };
}

/** A plain loop: this runs three times per pair scored, and Object.fromEntries was a tenth of a bulk dispatch's scoring time. */
function mapParts<T>(fn: (part: MatchingPart) => T): Record<MatchingPart, T> {
  const out = {} as Record<MatchingPart, T>;
  for (const part of matchingParts) out[part] = fn(part);
  return out;
}

/**
 * Rounds the total to one decimal and shares the rounding among the parts by largest remainder,
 * so the one-decimal parts always add up to the one-decimal total people see.
 */
export function roundToTenths(points: Record<MatchingPart, number>): { total: number; rounded: Record<MatchingPart, number> } {
  const tenths = matchingParts.map((part) => inTenths(points[part]));
  const floors = tenths.map(Math.floor);
  const total = totalOfTenths(matchingParts.map((part) => points[part]));
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

/** Points in tenths, after a six-decimal clean-up, so float noise (29.999999999) does not decide a remainder. */
function inTenths(points: number): number {
  return Math.round(points * 10 * 1e6) / 1e6;
}

/** The total in whole tenths of the parts' points (in `matchingParts` order), as people see it. */
function totalOfTenths(points: readonly number[]): number {
  let sum = 0;
  for (const p of points) sum += inTenths(p);
  return Math.round(sum);
}
