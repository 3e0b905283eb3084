import { haversineKm, type SeekerForMatching, type ShiftForMatching } from '@lingong/matching-engine';
import type { Certificate } from './load';
import { MARKET_OFFSET_MS } from '@lingong/domain';

/**
 * The matching service's eligibility rule (apps/matching/src/candidates/candidate.sql.ts,
 * `eligible`), applied in memory for the dispatch and month benchmarks: within the seeker's travel
 * distance, holding every required skill and an unexpired certificate for each required one
 * (valid on the shift's local end date), with a weekly window of the start's local day holding the
 * start's local `HH:MM`, and no active booking overlapping [start, end). Active, consenting seekers
 * with a phone and a location are chosen by the caller. Distances are great-circle (the SQL uses
 * PostGIS geography): the two can differ by metres at the edge of a radius.
 */

export interface EligibilitySeeker extends SeekerForMatching {
  certificates: Certificate[];
}

export interface EligibilityShift extends ShiftForMatching {
  requiredCertificates: string[];
}

export interface PreparedSeeker {
  skills: Set<string>;
  windows: Map<number, { start: string; end: string }[]>;
  certificates: Certificate[];
  /** Active bookings (confirmed, checked in, completed), as [start, end) in ms. */
  booked: [number, number][];
}

export interface PreparedShift {
  isodow: number;
  clock: string;
  endDate: string;
  from: number;
  to: number;
}

/** Local (Asia/Shanghai) ISO day of week 1..7, `HH:MM` and date of an instant. */
function local(at: Date): { isodow: number; clock: string; date: string } {
  const shifted = new Date(at.getTime() + MARKET_OFFSET_MS);
  const day = shifted.getUTCDay();
  const iso = shifted.toISOString();
  return { isodow: day === 0 ? 7 : day, clock: iso.slice(11, 16), date: iso.slice(0, 10) };
}

export function prepareSeeker(seeker: EligibilitySeeker, booked: [number, number][] = []): PreparedSeeker {
  const windows = new Map<number, { start: string; end: string }[]>();
  for (const w of seeker.availability) windows.set(w.day, [...(windows.get(w.day) ?? []), { start: w.start, end: w.end }]);
  return { skills: new Set(seeker.skills.map((s) => s.code)), windows, certificates: seeker.certificates, booked };
}

export function prepareShift(shift: EligibilityShift): PreparedShift {
  const start = local(shift.startsAt);
  return {
    isodow: start.isodow,
    clock: start.clock,
    endDate: local(shift.endsAt).date,
    from: shift.startsAt.getTime(),
    to: shift.endsAt.getTime(),
  };
}

export function isEligible(shift: EligibilityShift, at: PreparedShift, seeker: EligibilitySeeker, p: PreparedSeeker): boolean {
  if (haversineKm(seeker.lat, seeker.lng, shift.lat, shift.lng) > seeker.maxDistanceKm) return false;
  if (!shift.requiredSkills.every((code) => p.skills.has(code))) return false;
  if (!shift.requiredCertificates.every((code) => p.certificates.some((c) => c.code === code && c.expiresOn >= at.endDate))) return false;
  if (!(p.windows.get(at.isodow) ?? []).some((w) => w.start <= at.clock && w.end > at.clock)) return false;
  return !p.booked.some(([from, to]) => from < at.to && at.from < to);
}
