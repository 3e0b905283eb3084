import { overlaps, type TimeSpan } from './overlap';

/**
 * Candidate pools for bulk dispatch: each shift's best few by the best-first walk, instead of
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
