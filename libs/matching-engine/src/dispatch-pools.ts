import { rankNearestFirst } from './nearest-first';
import { overlaps, type TimeSpan } from './overlap';
import type { RankedCandidate } from './rank';
import type { FairnessContext, SeekerForMatching, ShiftForMatching } from './types';
import type { MatchingWeights } from './weights';

/**
 * Candidate pools for bulk dispatch: each shift's best few by the nearest-first walk, instead of
 * every eligible seeker, so a plan reads hundreds of people per shift rather than thousands.
 *
 * WHEN THE POOLS LOSE NOTHING. Say shift j has `h_j` places and `N(j)` are the plan's other shifts
 * that overlap it. If j's pool holds its best `k_j ≥ h_j + Σ_{i∈N(j)} h_i` (or everyone eligible),
 * a plan that puts someone from outside the pool on j can swap them for a pool member at least as
 * good: at most `h_j − 1` of the pool sit on j and at most `Σ_{i∈N(j)} h_i` on shifts overlapping
 * it, so one is free for j. Each swap leaves one fewer placement outside the pools, so some best
 * plan (under "nobody on two overlapping shifts") lies within them, and the solver on the pools
 * finds its total. (The solver's own rule is per seeker's overlap groups, which on chained shifts
 * 08–12, 11–15, 14–18 depends on which of them the seeker is a candidate for; see assignment.ts.)
 *
 * Past that size a pool of 3 × places (at least CANDIDATES_SHOWN) is an approximation: a shift
 * loses only when more than 2 × its places of its own best are placed on shifts overlapping it.
 */
export const POOL_FLOOR = 20;
export const POOL_PLACES_MULTIPLE = 3;

/** Each shift's pool size: what makes the pools exact (above), but at most 3 × its places, and never below the floor. */
export function dispatchPoolSizes(shifts: readonly (TimeSpan & { id: string; remaining: number })[]): Map<string, number> {
  return new Map(
    shifts.map((shift) => {
      const competing = shifts.reduce((sum, other) => (other !== shift && overlaps(other, shift) ? sum + other.remaining : sum), 0);
      const exact = shift.remaining + competing;
      return [shift.id, Math.max(POOL_FLOOR, Math.min(exact, POOL_PLACES_MULTIPLE * shift.remaining))];
    }),
  );
}

/** One shift's next ring of the walk: eligible seekers with reach in (`from`, `to`], as `NearestFirstOptions.ring`. */
export interface RingRequest {
  shiftId: string;
  from: number;
  to: number;
}

export interface DispatchPoolsOptions<S extends SeekerForMatching> {
  shifts: readonly ShiftForMatching[];
  sizes: ReadonlyMap<string, number>;
  context: FairnessContext;
  weights: MatchingWeights;
  /** Every walking shift's next ring at once (one statement), by shift id; a shift missing from the answer has nobody there. */
  rings(requests: readonly RingRequest[]): Promise<ReadonlyMap<string, readonly S[]>>;
}

/**
 * Each shift's top `sizes` in the staff ranking, exactly as `rankNearestFirst` finds them, the
 * walks run side by side: whatever rings the walks still going ask for are read together, so the
 * number of reads is the longest walk's number of rings, not the sum over the shifts.
 */
export async function walkDispatchPools<S extends SeekerForMatching>({
  shifts,
  sizes,
  context,
  weights,
  rings,
}: DispatchPoolsOptions<S>): Promise<Map<string, RankedCandidate<S>[]>> {
  let waiting: { request: RingRequest; resolve: (found: readonly S[]) => void; reject: (error: unknown) => void }[] = [];
  const readWaiting = async () => {
    const batch = waiting;
    waiting = [];
    try {
      const found = await rings(batch.map((w) => w.request));
      for (const w of batch) w.resolve(found.get(w.request.shiftId) ?? []);
    } catch (error) {
      for (const w of batch) w.reject(error);
    }
  };
  // A walk resumes in microtasks once its ring is read and asks for its next one before yielding;
  // setImmediate runs after every resumed walk has asked (or finished), so one read serves them all.
  const ring = (shiftId: string) => (from: number, to: number) =>
    new Promise<readonly S[]>((resolve, reject) => {
      if (waiting.push({ request: { shiftId, from, to }, resolve, reject }) === 1) setImmediate(() => void readWaiting());
    });
  const walks = shifts.map(async (shift) => {
    const limit = sizes.get(shift.id) ?? POOL_FLOOR;
    const { ranked } = await rankNearestFirst({ shift, context, weights, limit, ring: ring(shift.id) }, 'staff');
    return [shift.id, ranked] as const;
  });
  return new Map(await Promise.all(walks));
}
