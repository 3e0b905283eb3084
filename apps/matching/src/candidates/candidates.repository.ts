import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { acceptsMarketingSmsSql, standing, type PayUnit, type PriorityGroup } from '@lingong/domain';
import {
  reachRadiusKm,
  type Audience,
  type RingRequest,
  type FairnessContext,
  type SeekerForMatching,
  type ShiftForMatching,
} from '@lingong/matching-engine';
import { eligible, employerSuspended, MAX_TRAVEL_KM, seekerColumns, seekerHistory, shiftColumns, withinReach } from './candidate.sql';

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

/** Bulk dispatch reads its shifts' rings in this many statements at once, on as many connections (about 1.8× faster at 100k seekers on two cores). */
const RING_STATEMENTS_AT_ONCE = 2;

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

  async shift(id: string): Promise<ShiftRow | null> {
    const rows = (await this.dataSource.query(`SELECT ${shiftColumns} FROM shifts s WHERE s.id = $1`, [id])) as ShiftRow[];
    return rows[0] ? { ...rows[0], payUnit: rows[0].payUnit as PayUnit } : null;
  }

  async shifts(ids: readonly string[]): Promise<ShiftRow[]> {
    const rows = (await this.dataSource.query(`SELECT ${shiftColumns} FROM shifts s WHERE s.id = ANY($1::uuid[])`, [ids])) as ShiftRow[];
    return rows.map((row) => ({ ...row, payUnit: row.payUnit as PayUnit }));
  }

  /**
   * Eligible seekers for the shift, nearest first (a KNN walk of the location index, stopping at
   * the limit), with their history of the last 30 days. `smsConsent`: only those who take offers
   * by SMS (staff may still refer the others by hand).
   */
  async candidatesFor(shiftId: string, now: Date, only: { smsConsent?: boolean } = {}): Promise<SeekerRow[]> {
    const consenting = only.smsConsent ? ` AND w.phone IS NOT NULL AND ${acceptsMarketingSmsSql('w')}` : '';
    const rows = (await this.withoutJit((manager) =>
      manager.query(
        `SELECT ${seekerColumns}
           FROM shifts s
           CROSS JOIN LATERAL (
             SELECT w.* FROM workers w WHERE ${eligible}${consenting} ORDER BY w.location <-> s.location LIMIT ${RETRIEVAL_LIMIT}
           ) w
           ${seekerHistory}
          WHERE s.id = $1 ORDER BY w.location <-> s.location, w.id`,
        [shiftId, now],
      ),
    )) as RawSeeker[];
    return rows.map(toSeeker);
  }

  /**
   * Eligible seekers for the shift whose reach (distance over their own travel distance) is in
   * (\`from\`, \`to\`]; \`from\` −1 for the first ring. The radii are the engine's (reachRadiusKm),
   * per travel distance, so what the walk leaves unread is what its bound assumes.
   */
  async ring(
    shiftId: string,
    now: Date,
    from: number,
    to: number,
    audience: Audience,
    only: { smsConsent?: boolean } = {},
  ): Promise<SeekerRow[]> {
    const radii = (reach: number) =>
      Array.from({ length: MAX_TRAVEL_KM }, (_, i) => (reach < 0 ? -1 : reachRadiusKm(i + 1, reach, audience)));
    // Offers go by SMS: only to a phone. Walk-ins without one are referred at the desk.
    const consenting = only.smsConsent ? ` AND w.phone IS NOT NULL AND ${acceptsMarketingSmsSql('w')}` : '';
    const rows = (await this.withoutJit((manager) =>
      manager.query(`SELECT ${seekerColumns} FROM shifts s ${withinReach(eligible + consenting)} ${seekerHistory} WHERE s.id = $1`, [
        shiftId,
        now,
        radii(to),
        radii(from),
      ]),
    )) as RawSeeker[];
    return rows.map(toSeeker);
  }

  /**
   * For many shifts at once (bulk dispatch), in one statement: each shift's ring of the walk as
   * \`ring\` reads it (staff's radii), every seeker read once with the shifts whose ring holds them.
   */
  async ringsForShifts(requests: readonly RingRequest[], now: Date): Promise<Map<string, SeekerRow[]>> {
    const byShift = new Map<string, SeekerRow[]>(requests.map((r) => [r.shiftId, []]));
    // A statement runs on one core: the shifts split over a few connections read side by side.
    const size = Math.ceil(requests.length / RING_STATEMENTS_AT_ONCE);
    const chunks = Array.from({ length: Math.ceil(requests.length / size) }, (_, i) => requests.slice(i * size, (i + 1) * size));
    for (const found of await Promise.all(chunks.map((chunk) => this.ringsOf(chunk, now)))) {
      for (const [shiftId, seekers] of found) byShift.get(shiftId)!.push(...seekers);
    }
    return byShift;
  }

  private async ringsOf(requests: readonly RingRequest[], now: Date): Promise<Map<string, SeekerRow[]>> {
    const byShift = new Map<string, SeekerRow[]>(requests.map((r) => [r.shiftId, []]));
    const radii = (reach: number) =>
      Array.from({ length: MAX_TRAVEL_KM }, (_, i) => (reach < 0 ? -1 : reachRadiusKm(i + 1, reach, 'staff')));
    const rows = (await this.withoutJit((manager) =>
      manager.query(
        `WITH pairs AS MATERIALIZED (
           SELECT s.id AS shift_id, w.id AS worker_id
             FROM unnest($1::uuid[]) WITH ORDINALITY AS wanted(id, n)
             JOIN shifts s ON s.id = wanted.id
             ${withinReach(eligible, `(wanted.n - 1) * ${MAX_TRAVEL_KM} + reach.km`)}
         ), per_seeker AS (SELECT worker_id, array_agg(shift_id ORDER BY shift_id) AS shift_ids FROM pairs GROUP BY worker_id)
         SELECT ${seekerColumns}, p.shift_ids AS "shiftIds"
           FROM per_seeker p JOIN workers w ON w.id = p.worker_id
           ${seekerHistory}
          ORDER BY w.id`,
        [requests.map((r) => r.shiftId), now, requests.flatMap((r) => radii(r.to)), requests.flatMap((r) => radii(r.from))],
      ),
    )) as RawSeeker<SeekerRow & { shiftIds: string[] }>[];
    for (const row of rows) {
      const { shiftIds, ...seeker } = toSeeker(row);
      for (const shiftId of shiftIds) byShift.get(shiftId)?.push(seeker);
    }
    return byShift;
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
   */
  async refreshFairnessContext(now: Date): Promise<FairnessContext> {
    const rows = (await this.dataSource.query(
      `WITH medians AS (
         SELECT coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY hours), 0) AS hours,
                coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY earnings), 0) AS earnings
           FROM (SELECT coalesce(sum(d.minutes_worked), 0) / 60.0 AS hours, coalesce(sum(d.earnings_fen), 0) AS earnings
                   FROM workers w
                   LEFT JOIN seeker_work_daily d ON d.worker_id = w.id AND d.market_day > ($1::timestamptz AT TIME ZONE 'Asia/Shanghai')::date - 30
                  WHERE w.status = 'active' GROUP BY w.id) per_seeker
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
