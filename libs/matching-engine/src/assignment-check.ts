import type { AssignmentInput, AssignmentPlan } from './assignment';
import { overlaps } from './overlap';

export type AssignmentProblemCode = 'SHIFT_NOT_IN_PLAN' | 'NOT_A_CANDIDATE' | 'LISTED_TWICE' | 'OVER_HEADCOUNT' | 'OVERLAPPING_SHIFTS';

export interface AssignmentProblem {
  code: AssignmentProblemCode;
  shiftId: string;
  seekerId?: string;
  /** For OVERLAPPING_SHIFTS: the other shift. */
  otherShiftId?: string;
}

/**
 * A plan changed by hand, checked against the rules the solver keeps: each person a candidate
 * with a score > 0 for their shift, at most `headcount` people per shift, nobody twice on one
 * shift, and nobody on two shifts that overlap. (The solver's own rule on chained candidate shifts
 * is stricter than needed; by hand, staff may place someone on 08–12 and 14–18 as the bookings'
 * exclusion constraint allows.) Returns the plan with its scores, or every problem found.
 */
export function checkAssignments(
  input: AssignmentInput,
  chosen: readonly { shiftId: string; seekerId: string }[],
): { ok: true; plan: AssignmentPlan } | { ok: false; problems: AssignmentProblem[] } {
  const shifts = new Map(input.shifts.map((s) => [s.id, s]));
  const problems: AssignmentProblem[] = [];
  const seen = new Set<string>();
  const load = new Map<string, number>();
  const bySeeker = new Map<string, string[]>();
  const assignments: AssignmentPlan['assignments'] = [];

  for (const { shiftId, seekerId } of chosen) {
    const shift = shifts.get(shiftId);
    if (!shift) {
      problems.push({ code: 'SHIFT_NOT_IN_PLAN', shiftId, seekerId });
      continue;
    }
    const key = `${shiftId} ${seekerId}`;
    if (seen.has(key)) {
      problems.push({ code: 'LISTED_TWICE', shiftId, seekerId });
      continue;
    }
    seen.add(key);
    const score = input.scores.get(shiftId)?.get(seekerId);
    if (score === undefined || !Number.isFinite(score) || score <= 0) {
      problems.push({ code: 'NOT_A_CANDIDATE', shiftId, seekerId });
      continue;
    }
    load.set(shiftId, (load.get(shiftId) ?? 0) + 1);
    const theirs = bySeeker.get(seekerId) ?? [];
    for (const otherShiftId of theirs) {
      if (overlaps(shift, shifts.get(otherShiftId)!)) problems.push({ code: 'OVERLAPPING_SHIFTS', shiftId, seekerId, otherShiftId });
    }
    bySeeker.set(seekerId, [...theirs, shiftId]);
    assignments.push({ shiftId, seekerId, score });
  }
  for (const [shiftId, count] of load) {
    if (count > shifts.get(shiftId)!.headcount) problems.push({ code: 'OVER_HEADCOUNT', shiftId });
  }
  if (problems.length > 0) return { ok: false, problems };

  const unfilled = input.shifts.map((s) => ({ shiftId: s.id, missing: s.headcount - (load.get(s.id) ?? 0) })).filter((u) => u.missing > 0);
  return { ok: true, plan: { assignments, totalScore: assignments.reduce((sum, a) => sum + a.score, 0), unfilled } };
}
