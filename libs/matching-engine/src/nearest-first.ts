import { employerParts, type Audience } from './audience';
import { compareIds } from './ids';
import { rankCandidates, type EmployerRankedCandidate, type RankedCandidate } from './rank';
import { shiftScorer } from './score';
import type { FairnessContext, SeekerForMatching, ShiftForMatching } from './types';
import { assertValidWeights, pointsPerPart, type MatchingWeights } from './weights';

/**
 * A ranking that reads only the seekers who can still make the top `limit`, with the same answer
 * as scoring every eligible seeker.
 *
 * The walk goes out in "reach": a seeker's distance as a share of the distance they will travel
 * (`distanceKm / maxDistanceKm`, 0 at the door, 1 at the edge they set). The distance part only
 * falls as reach grows, and every other part is at most its full points; so once the walk has read
 * everyone within reach `r`, nobody farther can score more than
 *
 *   other parts' points + distance points × (1 − r)
 *
 * and when that cannot reach the `limit`-th best score read so far, the walk stops. Walking by
 * reach rather than by kilometres keeps the bound tight: a seeker who travels 20 km is as near at
 * 4 km as one who travels 5 km is at 1 km.
 */

/** Each part's points for the audience's score: staff and seekers the market's six parts, employers their four re-weighted. */
function audiencePoints(weights: MatchingWeights, audience: Audience): { distance: number; other: number } {
  if (audience !== 'employer') {
    const points = pointsPerPart(weights);
    return { distance: points.distance, other: 100 - points.distance };
  }
  assertValidWeights(weights);
  const sum = employerParts.reduce((total, part) => total + weights[part], 0);
  if (sum === 0) return { distance: 0, other: 0 };
  return { distance: (weights.distance * 100) / sum, other: ((sum - weights.distance) * 100) / sum };
}

/**
 * Scores are rounded to one decimal (up by at most 0.05) and a tie goes to the smaller id, so an
 * unread seeker is ruled out only when their bound stays this far below the score to beat. The
 * distances in SQL and in the engine also differ in the last float digits: a relative margin on
 * reach covers that.
 */
const ROUNDING_SLACK = 0.1;
const REACH_MARGIN = 1e-6;

/**
 * How far (km) the walk must read seekers who travel `maxDistanceKm` to cover reach `r`: everyone
 * it leaves unread has a distance fit of at most 1 − r. An employer's distance part is judged on
 * whole kilometres (`Math.round`), which stays at most r × max while the distance is below
 * floor(r × max) + 0.5.
 */
export function reachRadiusKm(maxDistanceKm: number, reach: number, audience: Audience): number {
  if (reach >= 1) return Math.max(maxDistanceKm, 0) + 1; // everyone within their own travel distance
  if (audience === 'employer') return Math.floor(reach * maxDistanceKm) + 0.5;
  return reach * maxDistanceKm;
}

/** The best score a seeker the walk has not read (reach above `reach`) can have, before rounding. */
export function scoreBoundBeyond(reach: number, weights: MatchingWeights, audience: Audience): number {
  const points = audiencePoints(weights, audience);
  return points.other + points.distance * (1 - Math.min(1, Math.max(0, reach * (1 - REACH_MARGIN))));
}

/**
 * The reach the walk must cover so that nobody beyond it can beat `scoreToBeat` (1: everyone), or
 * 0 when nobody can beat it at all.
 */
export function reachNeeded(scoreToBeat: number, weights: MatchingWeights, audience: Audience): number {
  const points = audiencePoints(weights, audience);
  const gap = points.other + points.distance + ROUNDING_SLACK - scoreToBeat;
  if (gap <= 0) return 0;
  if (points.distance <= 0) return 1;
  const reach = gap / points.distance / (1 - REACH_MARGIN) + REACH_MARGIN;
  return reach >= 1 ? 1 : reach;
}

/** Whether an unread seeker beyond `reach` could still reach the `scoreToBeat` (which a smaller id would then win on a tie). */
export function mayStillBeat(scoreToBeat: number, reach: number, weights: MatchingWeights, audience: Audience): boolean {
  return reach < 1 && scoreBoundBeyond(reach, weights, audience) + ROUNDING_SLACK >= scoreToBeat;
}

export interface NearestFirstOptions<S extends SeekerForMatching> {
  shift: ShiftForMatching;
  context: FairnessContext;
  weights: MatchingWeights;
  limit: number;
  /**
   * Exactly the eligible seekers with reach in (`from`, `to`]; `from` is −1 for the first ring. The
   * caller translates reach to kilometres per travel distance with `reachRadiusKm`. Rings follow on
   * from each other, so nobody is in two.
   */
  ring(from: number, to: number): Promise<readonly S[]>;
  /** The first ring's reach; each next one doubles it, or goes only as far as the bound still needs. */
  firstReach?: number;
}

export interface NearestFirstStats {
  rings: number;
  read: number;
  reach: number;
}

/** The staff (or seeker) ranking's top `limit`, walking nearest-first by reach. */
export function rankNearestFirst<S extends SeekerForMatching>(
  options: NearestFirstOptions<S>,
  audience?: Exclude<Audience, 'employer'>,
): Promise<{ ranked: RankedCandidate<S>[]; stats: NearestFirstStats }>;
export function rankNearestFirst<S extends SeekerForMatching>(
  options: NearestFirstOptions<S>,
  audience: 'employer',
): Promise<{ ranked: EmployerRankedCandidate<S>[]; stats: NearestFirstStats }>;
export async function rankNearestFirst<S extends SeekerForMatching>(
  { shift, context, weights, limit, ring, firstReach = 0.1 }: NearestFirstOptions<S>,
  audience: Audience = 'staff',
): Promise<{ ranked: (RankedCandidate<S> | EmployerRankedCandidate<S>)[]; stats: NearestFirstStats }> {
  if (!(limit >= 1)) throw new RangeError('limit must be at least 1');
  const score = shiftScorer(shift, context, weights, audience);
  // Scores alone while walking; the twenty (or `limit`) kept are explained at the end.
  let best: { seeker: S; score: number }[] = [];
  let from = -1;
  let to = Math.min(1, Math.max(REACH_MARGIN, firstReach));
  const stats: NearestFirstStats = { rings: 0, read: 0, reach: 0 };
  for (;;) {
    const fresh = await ring(from, to);
    stats.rings += 1;
    stats.read += fresh.length;
    stats.reach = to;
    // Only those who can still enter the top `limit` are sorted (a tie may enter on its id).
    const toEnter = best.length >= limit ? best[limit - 1].score : -Infinity;
    const scored: { seeker: S; score: number }[] = [];
    for (const seeker of fresh) {
      const points = score(seeker);
      if (points >= toEnter) scored.push({ seeker, score: points });
    }
    scored.sort((a, b) => b.score - a.score || compareIds(a.seeker.id, b.seeker.id));
    best = merge(best, scored, limit);
    if (to >= 1) break;
    if (best.length < limit) {
      from = to;
      to = Math.min(1, to * 2);
      continue;
    }
    const toBeat = best[limit - 1].score;
    if (!mayStillBeat(toBeat, to, weights, audience)) break;
    // Out to what the bound needs, but at most twice as far at once: the rings read on the way may raise the score to beat.
    from = to;
    to = Math.min(reachNeeded(toBeat, weights, audience), to * 2, 1);
  }
  const ranked =
    audience === 'employer'
      ? rankCandidates(
          shift,
          best.map((c) => c.seeker),
          context,
          weights,
          'employer',
        )
      : rankCandidates(
          shift,
          best.map((c) => c.seeker),
          context,
          weights,
          audience,
        );
  return { ranked, stats };
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
