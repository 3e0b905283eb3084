import { maxWeightFlow } from './dispatch-flow';
import { overlapGroups, type TimeSpan } from './overlap';
import { compareIds } from './ids';

/**
 * Bulk dispatch (DESIGN.md, "Matching"): many shifts, a pool of seekers, and the assignment with
 * the best total score under headcounts and no overlaps, by an exact solver, not a greedy pass.
 *
 * THE GUARANTEE. Among all assignments where
 *   (1) each shift gets at most `headcount` distinct seekers, each with a finite score > 0 for it
 *       (a missing, zero or negative score never helps the total, so it is never assigned), and
 *   (2) for each seeker, no two of their shifts lie in the same overlap group of THEIR candidate
 *       shifts (a connected component of the overlap graph of the shifts they have a score for),
 * `solveAssignment` returns one of maximum total score. (2) means nobody is booked on two
 * overlapping shifts ("one shift per seeker per overlapping period"); it costs something only
 * when a seeker's candidate shifts chain (08–12, 11–15, 14–18: at most one of the three, though
 * 08–12 and 14–18 could both be worked). Where no seeker's candidates chain (a day's shifts that
 * all overlap, or morning and evening shifts) it is the true optimum of "no two overlapping".
 * The general no-overlap rule cannot be a flow: with seeker-specific eligibility it is interval
 * scheduling on eligible machines, NP-hard (Arkin & Silverberg 1987). A seeker's groups are
 * disjoint, so (2) is a flow network:
 *
 *   source → (seeker, group) cap 1 → shift cap 1, cost −score → sink cap headcount
 *
 * solved by min-cost flow stopping at the first non-negative path (maximum weight, not maximum
 * cardinality; see dispatch-flow.ts). Scores are compared in integer micro-points (exact for
 * scores with up to six decimals; above 1e6 is refused). Seekers and shifts are taken in id order,
 * so the input's order never changes the answer. `totalScore` is the plain sum of the scores.
 * Tested against brute force on random instances, under both (2) and the plain no-overlap rule.
 */
export interface DispatchShift extends TimeSpan {
  id: string;
  /** Places to fill in this plan (the shift's remaining places). */
  headcount: number;
}

export interface AssignmentInput {
  shifts: readonly DispatchShift[];
  seekers: readonly { id: string }[];
  /** shiftId → seekerId → score; a seeker missing from a shift's map is not a candidate for it. */
  scores: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

export interface Assignment {
  shiftId: string;
  seekerId: string;
  score: number;
}

export interface AssignmentPlan {
  assignments: Assignment[];
  totalScore: number;
  unfilled: { shiftId: string; missing: number }[];
}

/** A seeker's candidate shifts in one overlap group (indices into the shifts sorted by id): they may take at most one. */
interface Group {
  seekerId: string;
  options: { shift: number; score: number }[];
}

/** Scores become integer micro-points for the flow: exact for scores with up to six decimals. */
const MICRO = 1e6;
/** Keeps path costs far below 2^53 (for up to a few thousand shifts), so the integer arithmetic stays exact. */
const MAX_SCORE = 1e6;

export function solveAssignment(input: AssignmentInput): AssignmentPlan {
  const { shifts, groups } = prepare(input);
  const held = maxWeightFlow({
    capacity: shifts.map((s) => s.headcount),
    groups: groups.map((g) => ({ options: g.options.map((o) => ({ shift: o.shift, weight: Math.round(o.score * MICRO) })) })),
  });
  const chosen = groups.flatMap((group, g) =>
    group.options.filter((o) => o.shift === held[g]).map((o) => ({ ...o, seekerId: group.seekerId })),
  );
  return plan(input.shifts, shifts, chosen);
}

/** Highest score first, under the same rules as `solveAssignment`: what staff would do by hand, for comparison. */
export function greedyAssignment(input: AssignmentInput): AssignmentPlan {
  const { shifts, groups } = prepare(input);
  const options = groups.flatMap((group, g) => group.options.map((o) => ({ ...o, g, seekerId: group.seekerId })));
  options.sort((a, b) => b.score - a.score || a.shift - b.shift || compareIds(a.seekerId, b.seekerId));
  const room = shifts.map((s) => s.headcount);
  const usedGroup = new Set<number>();
  const chosen: typeof options = [];
  for (const option of options) {
    if (room[option.shift] <= 0 || usedGroup.has(option.g)) continue;
    room[option.shift] -= 1;
    usedGroup.add(option.g);
    chosen.push(option);
  }
  return plan(input.shifts, shifts, chosen);
}

/** Checks the input, sorts shifts and seekers by id (so input order never changes a plan) and forms the groups. */
function prepare(input: AssignmentInput): { shifts: DispatchShift[]; groups: Group[] } {
  const seen = new Set<string>();
  for (const s of input.shifts) {
    if (seen.has(s.id)) throw new RangeError(`shift ${s.id} is listed twice`);
    if (!Number.isInteger(s.headcount) || s.headcount < 0) throw new RangeError(`shift ${s.id}: headcount must be an integer ≥ 0`);
    if (!(s.endsAt.getTime() > s.startsAt.getTime())) throw new RangeError(`shift ${s.id} must end after it starts`);
    seen.add(s.id);
  }
  const shifts = [...input.shifts].sort((a, b) => compareIds(a.id, b.id));
  const seekerIds = input.seekers.map((s) => s.id).sort(compareIds);
  if (new Set(seekerIds).size !== seekerIds.length) throw new RangeError('a seeker is listed twice');

  const candidates = new Map<string, { shift: number; score: number }[]>(seekerIds.map((id) => [id, []]));
  shifts.forEach((s, i) => {
    if (s.headcount === 0) return;
    for (const [seekerId, score] of input.scores.get(s.id) ?? []) {
      if (!Number.isFinite(score) || score <= 0) continue;
      if (score > MAX_SCORE) throw new RangeError(`score ${score} for ${s.id}/${seekerId} is above ${MAX_SCORE}`);
      candidates.get(seekerId)?.push({ shift: i, score });
    }
  });
  const groups: Group[] = [];
  for (const seekerId of seekerIds) {
    const options = candidates.get(seekerId) ?? [];
    const groupOf = overlapGroups(options.map((o) => shifts[o.shift]));
    const mine: Group[] = [];
    options.forEach((option, k) => (mine[groupOf[k]] ??= { seekerId, options: [] }).options.push(option));
    groups.push(...mine);
  }
  return { shifts, groups };
}

/** The answer in the caller's shift order: each shift's people best first, then what is still missing. */
function plan(
  inputOrder: readonly DispatchShift[],
  shifts: readonly DispatchShift[],
  chosen: readonly { shift: number; seekerId: string; score: number }[],
): AssignmentPlan {
  const position = new Map(inputOrder.map((s, i) => [s.id, i]));
  const at = (c: { shift: number }) => position.get(shifts[c.shift].id) as number;
  const sorted = [...chosen].sort((a, b) => at(a) - at(b) || b.score - a.score || compareIds(a.seekerId, b.seekerId));
  const taken = new Map<string, number>();
  for (const c of sorted) taken.set(shifts[c.shift].id, (taken.get(shifts[c.shift].id) ?? 0) + 1);
  return {
    assignments: sorted.map((c) => ({ shiftId: shifts[c.shift].id, seekerId: c.seekerId, score: c.score })),
    totalScore: sorted.reduce((sum, c) => sum + c.score, 0),
    unfilled: inputOrder.flatMap((s) => {
      const missing = s.headcount - (taken.get(s.id) ?? 0);
      return missing > 0 ? [{ shiftId: s.id, missing }] : [];
    }),
  };
}
