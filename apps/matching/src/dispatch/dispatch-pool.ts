import { maskPhone, toMarketIso } from '@lingong/domain';
import { overlaps, type AssignmentInput } from '@lingong/matching-engine';
import type { ShiftRow } from '../candidates/candidates.repository';
import type { PlannedAssignment } from './dispatch-plan.entity';

/** The shifts of a plan and everyone eligible for each, scored: what the solver works on and hand edits are checked against. */
export interface DispatchPool {
  shifts: ShiftRow[];
  input: AssignmentInput;
  names: Map<string, { name: string; phone: string | null }>;
}

/** Per shift, the best few candidates shown for choosing by hand (besides those placed). */
export const CANDIDATES_SHOWN = 20;
/** Unplaced people listed, best score first (the rest are only counted). */
export const UNPLACED_SHOWN = 100;

export type UnfilledReason = 'no_candidates' | 'candidates_not_placed' | 'too_few_candidates' | 'candidates_placed_elsewhere';

const round1 = (value: number) => Math.round(value * 10) / 10;

/**
 * What staff read beside the plan: the shifts, the best candidates per shift with their scores,
 * why places stay empty, and who is left unplaced and why. Names and masked phones for staff.
 */
export function describePool(
  pool: DispatchPool,
  assignments: readonly PlannedAssignment[],
  unfilled: readonly { shiftId: string; missing: number }[],
) {
  const placed = new Set(assignments.map((a) => a.workerId));
  const placedOn = new Map<string, Set<string>>();
  for (const a of assignments) placedOn.set(a.shiftId, (placedOn.get(a.shiftId) ?? new Set()).add(a.workerId));

  const candidates: PlannedAssignment[] = [];
  const options = new Map<string, { shiftId: string; score: number }[]>();
  for (const shift of pool.shifts) {
    const scored = [...(pool.input.scores.get(shift.id) ?? [])].filter(([, score]) => score > 0).sort((a, b) => b[1] - a[1]);
    const here = placedOn.get(shift.id) ?? new Set<string>();
    scored.forEach(([workerId, score], rank) => {
      if (rank < CANDIDATES_SHOWN || here.has(workerId)) candidates.push({ shiftId: shift.id, workerId, score: round1(score) });
      options.set(workerId, [...(options.get(workerId) ?? []), { shiftId: shift.id, score: round1(score) }]);
    });
  }

  const room = new Map(unfilled.map((u) => [u.shiftId, u.missing]));
  const unplacedAll = [...options.entries()]
    .filter(([workerId]) => !placed.has(workerId))
    .map(([workerId, theirs]) => ({
      workerId,
      // Everywhere they could go is full; otherwise they were passed over (by hand, or to keep them off overlapping shifts).
      reason: theirs.every((o) => !room.has(o.shiftId)) ? ('shifts_full' as const) : ('not_chosen' as const),
      options: theirs.sort((a, b) => b.score - a.score),
    }))
    .sort((a, b) => b.options[0]!.score - a.options[0]!.score || (a.workerId < b.workerId ? -1 : 1));
  const unplaced = unplacedAll.slice(0, UNPLACED_SHOWN);

  const spans = new Map(pool.input.shifts.map((s) => [s.id, s]));
  const unfilledWithReasons = unfilled.map(({ shiftId, missing }) => {
    const eligible = [...(pool.input.scores.get(shiftId) ?? [])].filter(([, score]) => score > 0).map(([id]) => id);
    // Busy: on this shift or on one that overlaps it (a person may work shifts that do not overlap).
    const busy = new Set(
      assignments.filter((a) => a.shiftId === shiftId || overlaps(spans.get(a.shiftId)!, spans.get(shiftId)!)).map((a) => a.workerId),
    );
    const free = eligible.filter((id) => !busy.has(id)).length;
    const here = placedOn.get(shiftId)?.size ?? 0;
    const reason: UnfilledReason =
      eligible.length === 0
        ? 'no_candidates'
        : free > 0
          ? 'candidates_not_placed'
          : eligible.length < here + missing
            ? 'too_few_candidates'
            : 'candidates_placed_elsewhere';
    return { shiftId, missing, reason, candidates: eligible.length };
  });

  const shown = new Set([...candidates.map((c) => c.workerId), ...unplaced.map((u) => u.workerId), ...placed]);
  const people = [...shown].flatMap((workerId) => {
    const person = pool.names.get(workerId);
    return person ? [{ workerId, name: person.name, phoneMasked: person.phone === null ? null : maskPhone(person.phone) }] : [];
  });

  return {
    shifts: pool.shifts.map((s) => ({
      id: s.id,
      title: s.title,
      street: s.street,
      startsAt: toMarketIso(s.startsAt),
      endsAt: toMarketIso(s.endsAt),
      remaining: pool.input.shifts.find((d) => d.id === s.id)?.headcount ?? 0,
    })),
    candidates,
    unfilled: unfilledWithReasons,
    unplaced,
    unplacedCount: unplacedAll.length,
    people,
  };
}
