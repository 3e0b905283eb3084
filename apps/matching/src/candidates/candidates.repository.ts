import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { standing, type PayUnit, type PriorityGroup } from '@lingong/domain';
import { type FairnessContext, type SeekerForMatching, type ShiftForMatching } from '@lingong/matching-engine';
import { eligible, employerSuspended, seekerColumns, seekerHistory, shiftColumns } from './candidate.sql';

export interface ShiftRow extends ShiftForMatching {
  employerId: string;
  title: string;
  street: string;
  address: string;
  status: string;
  settlement: string;
  employmentType: string;
  /** Its shifts are offered to nobody while staff have the employer suspended. */
  employerSuspended: boolean;
}

export interface SeekerRow extends SeekerForMatching {
  /** Null for a walk-in without a phone: referred at the desk, never offered by SMS. */
  phone: string | null;
}

/** The nearest eligible people are scored; past this many, distance alone has already ruled. */
const RETRIEVAL_LIMIT = 2000;

/** A seeker row as `seekerColumns` reads it: booking counts instead of reliability. */
export type RawSeeker<S extends SeekerRow = SeekerRow> = Omit<S, 'reliability'> & {
  completed: number;
  noShows: number;
  lateCancellations: number;
  hoursLast30Days: string | number;
};

/** Reliability from the booking history (the one formula in libs/domain), hours as a number. */
export function toSeeker<S extends SeekerRow>(row: RawSeeker<S>): S {
  const { completed, noShows, lateCancellations, ...seeker } = row;
  return {
    ...seeker,
    hoursLast30Days: Number(row.hoursLast30Days),
    priorityGroup: row.priorityGroup as PriorityGroup,
    reliability: standing({ completed, noShows, lateCancellations, averageStars: null }).reliability,
  } as unknown as S;
}

/** Reads shifts, bookings and seeker figures (job-posting's) and seekers (worker-profile's); writes only the fairness medians (its own). */
@Injectable()
export class CandidatesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** `manager`: inside a caller's transaction, on its connection (a second one from the pool could wait for ever behind others doing the same). */
  async shift(id: string, manager?: EntityManager): Promise<ShiftRow | null> {
    const rows = (await (manager ?? this.dataSource).query(`SELECT ${shiftColumns} FROM shifts s WHERE s.id = $1`, [id])) as ShiftRow[];
    return rows[0] ? { ...rows[0], payUnit: rows[0].payUnit as PayUnit } : null;
  }

  async shifts(ids: readonly string[]): Promise<ShiftRow[]> {
    const rows = (await this.dataSource.query(`SELECT ${shiftColumns} FROM shifts s WHERE s.id = ANY($1::uuid[])`, [ids])) as ShiftRow[];
    return rows.map((row) => ({ ...row, payUnit: row.payUnit as PayUnit }));
  }

  /** These queries are short; JIT compiling them costs more (about 0.8 s) than it saves. */
  private withoutJit<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SET LOCAL jit = off');
      return work(manager);
    });
  }

  /** Open shifts a seeker may work, nearest first. */
  async shiftsFor(workerId: string, now: Date): Promise<{ seeker: SeekerRow; shifts: ShiftRow[] } | null> {
    const seekers = (await this.dataSource.query(`SELECT ${seekerColumns} FROM workers w ${seekerHistory} WHERE w.id = $1`, [
      workerId,
      now,
    ])) as RawSeeker[];
    if (!seekers[0]) return null;
    const shifts = (await this.withoutJit((manager) =>
      manager.query(
        `SELECT ${shiftColumns} FROM workers w JOIN shifts s ON s.status = 'open' AND s.starts_at > $2 AND NOT ${employerSuspended} AND ${eligible}
          WHERE w.id = $1 ORDER BY s.location <-> w.location, s.id LIMIT ${RETRIEVAL_LIMIT}`,
        [workerId, now],
      ),
    )) as ShiftRow[];
    return { seeker: toSeeker(seekers[0]), shifts };
  }

  /** The fairness medians as last computed (matching's fairness_medians row), or null before the first time. */
  async storedFairnessContext(): Promise<{ context: FairnessContext; computedAt: Date } | null> {
    const rows = (await this.dataSource.query(
      `SELECT computed_at AS "computedAt", median_hours_last_30_days AS "medianHoursLast30Days",
              median_earnings_last_30_days_fen AS "medianEarningsLast30DaysFen"
         FROM fairness_medians`,
    )) as ({ computedAt: Date } & FairnessContext)[];
    if (!rows[0]) return null;
    const { computedAt, ...context } = rows[0];
    return { computedAt, context };
  }

  /**
   * Computes the medians over active seekers of hours and pay in the last 30 market days (from the
   * seekers' daily figures) and stores them, unless medians as of a later time are stored already.
   * Most seekers have no work in a month: they are counted, not grouped with their days (at 1M
   * seekers 1.9–2.0 s, against 2.3–2.7 s grouped; both still read every seeker, to count the
   * active ones and to check those with work). Sorted, the zeros come first, so the middle places
   * (lo and hi; the same one when the count is odd) are zeros or seekers with work, shifted by the
   * zeros' count; their mean is percentile_cont(0.5) of the whole.
   */
  async refreshFairnessContext(now: Date): Promise<FairnessContext> {
    const rows = (await this.dataSource.query(
      `WITH worked AS (
         SELECT (sum(d.minutes_worked) / 60.0)::float8 AS hours, sum(d.earnings_fen)::float8 AS earnings
           FROM seeker_work_daily d JOIN workers w ON w.id = d.worker_id
          WHERE w.status = 'active' AND d.market_day > ($1::timestamptz AT TIME ZONE 'Asia/Shanghai')::date - 30
          GROUP BY d.worker_id
       ), places AS (
         SELECT active - (SELECT count(*) FROM worked) AS zeros, (active - 1) / 2 AS lo, active / 2 AS hi
           FROM (SELECT count(*) AS active FROM workers WHERE status = 'active') counted
       ), hours_in_order AS (
         SELECT hours AS value, places.zeros + row_number() OVER (ORDER BY hours) - 1 AS place FROM worked, places
       ), earnings_in_order AS (
         SELECT earnings AS value, places.zeros + row_number() OVER (ORDER BY earnings) - 1 AS place FROM worked, places
       ), middles AS (
         SELECT coalesce((SELECT value FROM hours_in_order WHERE place = lo), 0) AS hours_lo,
                coalesce((SELECT value FROM hours_in_order WHERE place = hi), 0) AS hours_hi,
                coalesce((SELECT value FROM earnings_in_order WHERE place = lo), 0) AS earnings_lo,
                coalesce((SELECT value FROM earnings_in_order WHERE place = hi), 0) AS earnings_hi
           FROM places
       ), medians AS (
         -- percentile_cont's own interpolation, so the figures are the ones it gives
         SELECT hours_lo + (hours_hi - hours_lo) * 0.5 AS hours, earnings_lo + (earnings_hi - earnings_lo) * 0.5 AS earnings
           FROM middles
       ), stored AS (
         INSERT INTO fairness_medians AS f (id, computed_at, median_hours_last_30_days, median_earnings_last_30_days_fen)
         SELECT 1, $1, hours, earnings FROM medians
         ON CONFLICT (id) DO UPDATE
            SET computed_at = EXCLUDED.computed_at, median_hours_last_30_days = EXCLUDED.median_hours_last_30_days,
                median_earnings_last_30_days_fen = EXCLUDED.median_earnings_last_30_days_fen
          WHERE f.computed_at < EXCLUDED.computed_at
       )
       SELECT hours AS "medianHoursLast30Days", earnings AS "medianEarningsLast30DaysFen" FROM medians`,
      [now],
    )) as { medianHoursLast30Days: number; medianEarningsLast30DaysFen: number }[];
    return {
      medianHoursLast30Days: Number(rows[0]?.medianHoursLast30Days ?? 0),
      medianEarningsLast30DaysFen: Number(rows[0]?.medianEarningsLast30DaysFen ?? 0),
    };
  }

  async workerIdForAccount(accountId: string): Promise<string | null> {
    const rows = (await this.dataSource.query(`SELECT id FROM workers WHERE account_id = $1 AND status = 'active'`, [accountId])) as {
      id: string;
    }[];
    return rows[0]?.id ?? null;
  }

  /**
   * Which of these seekers are booked with the employer: a booking on one of its shifts that
   * stands or was worked (confirmed, checked in, completed). A cancelled or released booking does
   * not count, so the name is masked again.
   */
  async bookedWithEmployer(employerId: string, workerIds: string[]): Promise<Set<string>> {
    if (workerIds.length === 0) return new Set();
    const rows = (await this.dataSource.query(
      `SELECT DISTINCT worker_id AS id FROM bookings
        WHERE employer_id = $1 AND worker_id = ANY($2::uuid[]) AND status IN ('confirmed', 'checked_in', 'completed')`,
      [employerId, workerIds],
    )) as { id: string }[];
    return new Set(rows.map((row) => row.id));
  }

  async employerIdForAccount(accountId: string): Promise<string | null> {
    const rows = (await this.dataSource.query(`SELECT id FROM employers WHERE account_id = $1`, [accountId])) as { id: string }[];
    return rows[0]?.id ?? null;
  }
}
