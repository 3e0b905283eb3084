import type { Audience } from './audience';
import { compareIds } from './ids';
import { distanceFit } from './parts';
import { rankCandidates, type EmployerRankedCandidate, type RankedCandidate } from './rank';
import { employerSum, shiftScorer } from './score';
import type { FairnessContext, SeekerForMatching, ShiftForMatching } from './types';
import { pointsPerPart, type MatchingWeights } from './weights';

/**
 * A ranking that scores only the seekers who can still make the top `limit`, with the same answer
 * as scoring every eligible seeker.
 *
 * The caller knows most of each seeker's parts without scoring them: distance (from where they
 * live), availability (from their weekly windows, shared by many), pay (from what they expect),
 * reliability, and whether they hold the shift's skill at all. With the skill's years and fairness
 * at full points, that gives a ceiling no score of theirs can pass (`scoreCeiling`). The walk scores seekers highest ceiling first and stops when
 * the next ceiling cannot reach the `limit`-th best score found. A ceiling that knows distance and
 * availability is far tighter than distance alone: at a million seekers, a night shift's walk by
 * distance alone scored 30,000 people to find twenty.
 */

/**
 * Scores are rounded to one decimal (up by at most 0.05) and a tie goes to the smaller id, so a
 * seeker is left unscored only when their ceiling stays this far below the score to beat.
 */
const ROUNDING_SLACK = 0.1;
/** Ceilings are put in order by tenths of a point (a counting sort: one pass, no comparisons). */
const STEPS_PER_POINT = 10;
const TOP_STEP = 100 * STEPS_PER_POINT + 1;

/**
 * The most a seeker can score for the audience, knowing what the caller knows before scoring them:
 * the most their skill part's fit can be (1 without knowing their years; 0.5 for a shift's
 * category they do not hold), their distance and travel distance (km), and their availability, pay
 * and reliability fits (a caller that does not know one passes 1); fairness is taken at full
 * points. Never below `scoreOnly` before its rounding. Positional, as it runs for every eligible seeker.
 */
export type ScoreCeiling = (
  skillFitAtMost: number,
  distanceKm: number,
  maxDistanceKm: number,
  availabilityFit: number,
  payFit: number,
  reliabilityFit: number,
) => number;

export function scoreCeiling(weights: MatchingWeights, audience: Audience): ScoreCeiling {
  if (audience === 'employer') {
    const sum = employerSum(weights);
    if (sum === 0) return () => 0;
    // The employer's distance part is judged on whole kilometres; pay and fairness are not in their score.
    return (skillFitAtMost, distanceKm, maxDistanceKm, availabilityFit, _payFit, reliabilityFit) =>
      ((skillFitAtMost * weights.skill +
        distanceFit(Math.round(distanceKm), maxDistanceKm) * weights.distance +
        availabilityFit * weights.availability +
        reliabilityFit * weights.reliability) *
        100) /
      sum;
  }
  const points = pointsPerPart(weights);
  return (skillFitAtMost, distanceKm, maxDistanceKm, availabilityFit, payFit, reliabilityFit) =>
    skillFitAtMost * points.skill +
    distanceFit(distanceKm, maxDistanceKm) * points.distance +
    availabilityFit * points.availability +
    payFit * points.pay +
    reliabilityFit * points.reliability +
    points.fairness;
}

/** Whether someone whose score cannot pass `ceiling` could still reach `scoreToBeat` (and win a tie on their id). */
export function mayStillEnter(ceiling: number, scoreToBeat: number): boolean {
  return ceiling + ROUNDING_SLACK >= scoreToBeat;
}

export interface BestFirstOptions<S extends SeekerForMatching> {
  shift: ShiftForMatching;
  context: FairnessContext;
  weights: MatchingWeights;
  limit: number;
  /** The eligible seekers are 0 … count − 1. */
  count: number;
  /** Each one's ceiling (`scoreCeiling`): their score cannot pass it. */
  ceilings: Float64Array;
  seekerAt(index: number): S;
}

export interface BestFirstStats {
  /** Seekers scored. */
  read: number;
  /** Seekers eligible. */
  eligible: number;
}

export function rankBestFirst<S extends SeekerForMatching>(
  options: BestFirstOptions<S>,
  audience?: Exclude<Audience, 'employer'>,
): { ranked: RankedCandidate<S>[]; stats: BestFirstStats };
export function rankBestFirst<S extends SeekerForMatching>(
  options: BestFirstOptions<S>,
  audience: 'employer',
): { ranked: EmployerRankedCandidate<S>[]; stats: BestFirstStats };
export function rankBestFirst<S extends SeekerForMatching>(
  { shift, context, weights, limit, count, ceilings, seekerAt }: BestFirstOptions<S>,
  audience: Audience = 'staff',
): { ranked: (RankedCandidate<S> | EmployerRankedCandidate<S>)[]; stats: BestFirstStats } {
  if (!(limit >= 1)) throw new RangeError('limit must be at least 1');
  const score = shiftScorer(shift, context, weights, audience);
  const stepOf = (ceiling: number) => Math.min(TOP_STEP, Math.max(0, Math.floor(ceiling * STEPS_PER_POINT)));
  // Seekers in order of their ceilings' steps, highest first.
  const perStep = new Int32Array(TOP_STEP + 1);
  for (let i = 0; i < count; i++) perStep[stepOf(ceilings[i])]++;
  const firstOf = new Int32Array(TOP_STEP + 1);
  for (let step = TOP_STEP, at = 0; step >= 0; step--) {
    firstOf[step] = at;
    at += perStep[step];
  }
  const order = new Int32Array(count);
  const next = firstOf.slice();
  for (let i = 0; i < count; i++) order[next[stepOf(ceilings[i])]++] = i;

  // Scores alone while walking; the twenty (or `limit`) kept are explained at the end.
  let best: { seeker: S; score: number }[] = [];
  let read = 0;
  for (let step = TOP_STEP; step >= 0; step--) {
    if (perStep[step] === 0) continue;
    // Everyone from this step down has a ceiling below the step's top.
    if (best.length >= limit && !mayStillEnter((step + 1) / STEPS_PER_POINT, best[limit - 1].score)) break;
    // Only those who can still enter the top `limit` are sorted (a tie may enter on its id).
    const toEnter = best.length >= limit ? best[limit - 1].score : -Infinity;
    const scored: { seeker: S; score: number }[] = [];
    for (let k = firstOf[step], end = firstOf[step] + perStep[step]; k < end; k++) {
      const seeker = seekerAt(order[k]);
      const points = score(seeker);
      if (points >= toEnter) scored.push({ seeker, score: points });
    }
    read += perStep[step];
    scored.sort((a, b) => b.score - a.score || compareIds(a.seeker.id, b.seeker.id));
    best = merge(best, scored, limit);
  }
  const chosen = best.map((c) => c.seeker);
  const stats = { read, eligible: count };
  return audience === 'employer'
    ? { ranked: rankCandidates(shift, chosen, context, weights, 'employer'), stats }
    : { ranked: rankCandidates(shift, chosen, context, weights, audience), stats };
}

/** The best `limit` of two lists already in ranking order (score, then id). */
function merge<T extends { score: number; seeker: { id: string } }>(a: T[], b: T[], limit: number): T[] {
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (out.length < limit && (i < a.length || j < b.length)) {
    if (j >= b.length || (i < a.length && (a[i].score - b[j].score || compareIds(b[j].seeker.id, a[i].seeker.id)) >= 0)) out.push(a[i++]);
    else out.push(b[j++]);
  }
  return out;
}
