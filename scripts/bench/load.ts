import type { DataSource } from 'typeorm';
import type { PayUnit } from '@lingong/domain';
import { eligible, seekerColumns, seekerHistory, shiftColumns } from '../../apps/matching/src/candidates/candidate.sql';
import { toSeeker, type RawSeeker, type SeekerRow, type ShiftRow } from '../../apps/matching/src/candidates/candidates.repository';

/**
 * Set-based reads for the benchmark, on the matching service's own SQL fragments (candidate.sql.ts),
 * so a seeker or shift reads here exactly as the service reads it.
 */

export interface Certificate {
  code: string;
  expiresOn: string;
}

export interface BenchSeeker extends SeekerRow {
  certificates: Certificate[];
}

export interface BenchShift extends ShiftRow {
  requiredCertificates: string[];
}

/** Seekers by id (any order in, id order out), with their last 30 days as of `now`. */
export async function loadSeekers(dataSource: DataSource, ids: readonly string[], now: Date): Promise<BenchSeeker[]> {
  const rows = (await dataSource.query(
    `SELECT ${seekerColumns}, w.certificates FROM workers w ${seekerHistory} WHERE w.id = ANY($1::uuid[]) ORDER BY w.id`,
    [ids, now],
  )) as RawSeeker<BenchSeeker>[];
  return rows.map((row) => toSeeker(row));
}

export async function loadShifts(dataSource: DataSource, ids: readonly string[]): Promise<BenchShift[]> {
  const rows = (await dataSource.query(
    `SELECT ${shiftColumns}, s.required_certificates AS "requiredCertificates" FROM shifts s WHERE s.id = ANY($1::uuid[]) ORDER BY s.id`,
    [ids],
  )) as BenchShift[];
  return rows.map((row) => ({ ...row, payUnit: row.payUnit as PayUnit }));
}

/** Every eligible seeker of the shift, unranked: the exhaustive reference the nearest-first ranking must agree with. */
export async function allEligible(dataSource: DataSource, shiftId: string, now: Date): Promise<SeekerRow[]> {
  const rows = (await dataSource.transaction(async (manager) => {
    await manager.query('SET LOCAL jit = off');
    return manager.query(`SELECT ${seekerColumns} FROM shifts s JOIN workers w ON ${eligible} ${seekerHistory} WHERE s.id = $1`, [
      shiftId,
      now,
    ]);
  })) as RawSeeker[];
  return rows.map((row) => toSeeker(row));
}

/** Active bookings (confirmed, checked in, completed) of the seekers that overlap [from, to), as [start, end) in ms per seeker. */
export async function activeBookings(
  dataSource: DataSource,
  seekerIds: readonly string[],
  from: Date,
  to: Date,
): Promise<Map<string, [number, number][]>> {
  const rows = (await dataSource.query(
    `SELECT worker_id AS "seekerId", starts_at AS "startsAt", ends_at AS "endsAt" FROM bookings
      WHERE worker_id = ANY($1::uuid[]) AND status IN ('confirmed', 'checked_in', 'completed') AND period && tstzrange($2, $3, '[)')`,
    [seekerIds, from, to],
  )) as { seekerId: string; startsAt: Date; endsAt: Date }[];
  const out = new Map<string, [number, number][]>();
  for (const r of rows) out.set(r.seekerId, [...(out.get(r.seekerId) ?? []), [r.startsAt.getTime(), r.endsAt.getTime()]]);
  return out;
}

/**
 * The service's own verdict (candidate.sql.ts `eligible`) on given (shift, seeker) pairs, one lateral
 * probe per pair: to check the in-memory rule against the SQL on a sample.
 */
export async function sqlEligibility(dataSource: DataSource, pairs: readonly { shiftId: string; seekerId: string }[]): Promise<boolean[]> {
  const rows = (await dataSource.query(
    `SELECT p.n, e.ok IS NOT NULL AS eligible
       FROM unnest($1::uuid[], $2::uuid[]) WITH ORDINALITY AS p(shift_id, worker_id, n)
       LEFT JOIN LATERAL (SELECT true AS ok FROM shifts s JOIN workers w ON ${eligible} WHERE s.id = p.shift_id AND w.id = p.worker_id) e ON true
      ORDER BY p.n`,
    [pairs.map((p) => p.shiftId), pairs.map((p) => p.seekerId)],
  )) as { eligible: boolean }[];
  return rows.map((r) => r.eligible);
}
