import { acceptsMarketingSmsSql, standing, type PriorityGroup } from '@lingong/domain';
import type { SeekerForMatching } from '@lingong/matching-engine';

/**
 * A seeker as matching's seeker pool holds them: the row it reads (no name, no phone number), how
 * that becomes the engine's seeker, and the checks of eligibility the pool's scan makes on it.
 */

export interface PooledSeeker extends SeekerForMatching {
  hasPhone: boolean;
  /** Takes offers of work by SMS (consent given, not opted out). */
  takesOffersBySms: boolean;
  /** Certificate code → its latest expiry (`YYYY-MM-DD`); null for none. */
  certificates: ReadonlyMap<string, string> | null;
  /** The weekly windows as [from, to) minutes of the week, as the database derives them (availability_minutes). */
  freeMinutes: Int32Array;
}

export interface PoolRow {
  id: string;
  lat: number;
  lng: number;
  maxDistanceKm: number;
  skills: string;
  certificates: string;
  availability: string;
  freeMinutes: string;
  expectedDailyPayFen: number | null;
  priorityGroup: PriorityGroup;
  hasPhone: boolean;
  takesOffersBySms: boolean;
  completed: number;
  noShows: number;
  lateCancellations: number;
  hoursLast30Days: string | number;
  earningsLast30DaysFen: number;
  inPool: boolean;
}

export const poolColumns = `
  w.id, w.lat, w.lng, w.max_distance_km AS "maxDistanceKm", w.skills::text, w.certificates::text, w.availability::text,
  w.availability_minutes::text AS "freeMinutes", w.expected_daily_pay_fen AS "expectedDailyPayFen",
  w.priority_group AS "priorityGroup", w.phone IS NOT NULL AS "hasPhone", ${acceptsMarketingSmsSql('w')} AS "takesOffersBySms",
  coalesce(figures.completed, 0) AS completed, coalesce(figures.no_shows, 0) AS "noShows",
  coalesce(figures.late_cancellations, 0) AS "lateCancellations", history."hoursLast30Days", history."earningsLast30DaysFen",
  (w.status = 'active' AND w.location IS NOT NULL) AS "inPool"`;

/** `{[0,480),[600,1440)}` → [0, 480, 600, 1440]. */
function parseMinuteRanges(text: string): Int32Array {
  const bounds = [...text.matchAll(/(-?\d+)\s*,\s*(-?\d+)/g)].flatMap((m) => [Number(m[1]), Number(m[2])]);
  return Int32Array.from(bounds);
}

export function freeAt(ranges: Int32Array, minute: number): boolean {
  for (let i = 0; i < ranges.length; i += 2) if (ranges[i] <= minute && minute < ranges[i + 1]) return true;
  return false;
}

/** Holds every required skill, and every required certificate valid through the shift's last day. */
export function holdsAll(seeker: PooledSeeker, skills: readonly string[], certificates: readonly string[], lastDay: string): boolean {
  for (const code of skills) {
    let held = false;
    for (const skill of seeker.skills) if (skill.code === code) held = true;
    if (!held) return false;
  }
  for (const code of certificates) {
    const expires = seeker.certificates?.get(code);
    if (expires === undefined || expires < lastDay) return false;
  }
  return true;
}

/**
 * Equal values are held once: most seekers share one of a few weekly patterns and hold no
 * certificates, so the pool costs a few hundred bytes a seeker rather than kilobytes, and the
 * engine's memo of each windows array serves them all.
 */
export class Shared {
  private readonly values = new Map<string, unknown>();
  of<T>(text: string, read: (text: string) => T): T {
    let value = this.values.get(text) as T | undefined;
    if (value === undefined) this.values.set(text, (value = read(text)));
    return value;
  }
}

export function toPooled(row: PoolRow, shared: Shared): PooledSeeker {
  return {
    id: row.id,
    name: '',
    lat: row.lat,
    lng: row.lng,
    maxDistanceKm: row.maxDistanceKm,
    skills: JSON.parse(row.skills) as PooledSeeker['skills'],
    availability: shared.of(row.availability, (text) =>
      Object.freeze(JSON.parse(text) as PooledSeeker['availability']),
    ) as PooledSeeker['availability'],
    expectedDailyPayFen: row.expectedDailyPayFen,
    reliability: standing({
      completed: row.completed,
      noShows: row.noShows,
      lateCancellations: row.lateCancellations,
      averageStars: null,
    }).reliability,
    hoursLast30Days: Number(row.hoursLast30Days),
    earningsLast30DaysFen: Number(row.earningsLast30DaysFen),
    priorityGroup: row.priorityGroup,
    hasPhone: row.hasPhone,
    takesOffersBySms: row.takesOffersBySms,
    certificates: shared.of(`c${row.certificates}`, () =>
      latestExpiries(JSON.parse(row.certificates) as { code: string; expiresOn: string }[]),
    ),
    freeMinutes: shared.of(`m${row.freeMinutes}`, parseMinuteRanges),
  };
}

function latestExpiries(certificates: readonly { code: string; expiresOn: string }[] | null): ReadonlyMap<string, string> | null {
  if (!certificates?.length) return null;
  const latest = new Map<string, string>();
  for (const c of certificates) {
    const day = String(c.expiresOn).slice(0, 10);
    const held = latest.get(c.code);
    if (held === undefined || held < day) latest.set(c.code, day);
  }
  return latest;
}
