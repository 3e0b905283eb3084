import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { acceptsMarketingSmsSql, toMarketIso } from '@lingong/domain';
import type { BestFirstStats, EmployerRankedCandidate, RankedCandidate } from '@lingong/matching-engine';
import { seekerHistoryAt } from './candidate.sql';
import { SeekerTable, type ShiftFacts, type TableRankOptions } from './seeker-table';
import { poolColumns, Shared, toPooled, type PoolRow } from './pooled-seeker';
import type { SeekerRow, ShiftRow } from './candidates.repository';

/**
 * Every active seeker's matching facts, held in the matching process so a ranking reads no seeker
 * rows from PostgreSQL: the eligibility rule of candidate.sql.ts (`eligible`, which the tests hold
 * it to) and the best-first walk run over memory (about 600 bytes a seeker, no names or phone
 * numbers; 55 MB at 100,000 seekers), and only the chosen few are read again, with their name and
 * phone, before anyone sees them.
 *
 * Fresh for every ranking: before it ranks, the pool reads the seekers whose row or booking figures
 * changed since its last look (`changed_at`, set by triggers, indexed), so a profile saved, an
 * erasure or a completed booking counts in the very next ranking, on every instance. What changed
 * is read with a margin of CHANGE_OVERLAP_MS behind the last look, for writes whose transaction
 * committed after it. A new market day (the 30-day history moves) reads the pool afresh.
 */

/** Changes are read again this far behind the last look: a write's time is when it was made, not when it committed. */
const CHANGE_OVERLAP_MS = 10_000;
/** Past this many seekers changed at once (an import, a migration), the pool is read afresh rather than row by row. */
const READ_ALL_ABOVE = 20_000;
/** Seekers read per statement when the pool is read afresh. */
const READ_PAGE = 20_000;

export interface PoolRankOptions extends TableRankOptions {
  exclude?: ReadonlySet<string>;
  /** What `prepare` started for the same shift at the same `now`, if the caller started it while checking the shift. */
  prepared?: PreparedRanking;
}

/** A ranking's first reads (the look at changes and the shifts' facts), started ahead by `prepare`. */
export interface PreparedRanking {
  readonly facts: Promise<Map<string, ShiftFacts>>;
}

/** A shift no longer there: nobody is free for it. */
const nothingFree: ShiftFacts = { minuteOfWeek: -1, lastDay: '9999-12-31', requiredCertificates: [], booked: [] };

@Injectable()
export class SeekerPool implements OnApplicationBootstrap {
  /** The seekers held, laid out for the scan. */
  private table = new SeekerTable();
  private day: string | null = null;
  private shared = new Shared();
  private lookedAt: Date | null = null;
  /** The versions of the changes within the margin that the pool holds already (`w<id>` or `f<id>` → change time in µs). */
  private read = new Map<string, string>();
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Read in the background as the service starts, so the first ranking does not wait for it. */
  onApplicationBootstrap(): void {
    this.refresh(new Date()).catch(() => undefined);
  }

  get size(): number {
    return this.table.size;
  }

  /**
   * Brings the pool up to what is committed now. A look already under way may have read before the
   * caller's own writes, so the caller waits for the next one (shared by all who ask meanwhile).
   */
  async refresh(now: Date): Promise<void> {
    for (;;) {
      await this.nextLook(now);
      if (this.day === toMarketIso(now).slice(0, 10)) return;
    }
  }

  private nextLook(now: Date): Promise<void> {
    if (this.queued) return this.queued;
    if (!this.running) return this.look(now);
    this.queued = this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return this.look(now);
      });
    return this.queued;
  }

  private look(now: Date): Promise<void> {
    const running = this.readChanges(now).finally(() => {
      if (this.running === running) this.running = null;
    });
    this.running = running;
    return running;
  }

  private async readChanges(now: Date): Promise<void> {
    const day = toMarketIso(now).slice(0, 10);
    const fresh = this.day !== day || !this.lookedAt;
    // What changed within the margin behind the last look (or behind now, before reading it all),
    // with each change's exact time: a version already read is not read again.
    const changes = (await this.dataSource.query(
      `SELECT changed.*, statement_timestamp() AS "lookedAt" FROM (
         SELECT 'w' || id AS key, id::text AS id, (extract(epoch FROM changed_at) * 1e6)::bigint::text AS stamp
           FROM workers WHERE changed_at > coalesce($1, statement_timestamp() - make_interval(secs => $2))
         UNION ALL
         SELECT 'f' || worker_id, worker_id::text, (extract(epoch FROM changed_at) * 1e6)::bigint::text
           FROM seeker_figures WHERE changed_at > coalesce($1, statement_timestamp() - make_interval(secs => $2))
       ) changed`,
      [fresh ? null : new Date(this.lookedAt!.getTime() - CHANGE_OVERLAP_MS), CHANGE_OVERLAP_MS / 1000],
    )) as { key: string; id: string; stamp: string; lookedAt: Date }[];
    const unread = new Set(changes.filter((c) => this.read.get(c.key) !== c.stamp).map((c) => c.id));
    if (fresh || unread.size > READ_ALL_ABOVE) await this.readAll(now);
    else if (unread.size > 0) await this.readSome(now, [...unread]);
    this.read = new Map(changes.map((c) => [c.key, c.stamp]));
    this.day = day;
    if (changes[0]) this.lookedAt = changes[0].lookedAt;
    else if (fresh) this.lookedAt = ((await this.dataSource.query(`SELECT statement_timestamp() AS at`)) as { at: Date }[])[0].at;
  }

  /** Reads every active seeker afresh, a page at a time (a million rows at once would hold their text twice over). */
  private async readAll(now: Date): Promise<void> {
    // Read into a table of its own: rankings meanwhile keep the one they have.
    const shared = new Shared();
    const table = new SeekerTable();
    for (let after = '00000000-0000-0000-0000-000000000000'; ;) {
      const rows = (await this.dataSource.query(
        `SELECT ${poolColumns} FROM workers w ${seekerHistoryAt('$1')}
          WHERE w.status = 'active' AND w.location IS NOT NULL AND w.id > $2 ORDER BY w.id LIMIT ${READ_PAGE}`,
        [now, after],
      )) as PoolRow[];
      for (const row of rows) table.put(toPooled(row, shared));
      if (rows.length < READ_PAGE) break;
      after = rows[rows.length - 1].id;
    }
    this.table = table;
    this.shared = shared;
  }

  private async readSome(now: Date, ids: string[]): Promise<void> {
    const rows = (await this.dataSource.query(
      `SELECT ${poolColumns} FROM workers w ${seekerHistoryAt('$1')} WHERE w.id = ANY($2::uuid[])`,
      [now, ids],
    )) as PoolRow[];
    const found = new Set(rows.map((row) => row.id));
    for (const row of rows) {
      if (row.inPool) this.table.put(toPooled(row, this.shared));
      else this.table.remove(row.id);
    }
    for (const id of ids) if (!found.has(id)) this.table.remove(id);
  }

  /**
   * Starts a ranking's first reads, the look at changes and the shifts' facts, so they run while the
   * caller reads and checks the shift itself: one round trip to PostgreSQL fewer on the way. Its
   * result is used only by a ranking of the same shifts at the same `now`.
   */
  prepare(shiftIds: readonly string[], now: Date): PreparedRanking {
    const facts = Promise.all([this.shiftFacts(shiftIds), this.refresh(now)]).then(([found]) => found);
    facts.catch(() => undefined); // a caller that stops (a shift not theirs) leaves it unread
    return { facts };
  }

  /**
   * The shift's best `limit` in the audience's order, exactly as scoring every eligible seeker
   * would give them (rankBestFirst over the pool), less those booked on overlapping work as the
   * database has it now, each read again for their name and phone. One no longer active (or no
   * longer taking SMS, for offers) is left out and the ranking runs again without them.
   */
  async top(
    shift: ShiftRow,
    now: Date,
    options: PoolRankOptions,
    audience: 'staff' | 'employer',
  ): Promise<{ ranked: (RankedCandidate<SeekerRow> | EmployerRankedCandidate<SeekerRow>)[]; stats: BestFirstStats }> {
    const found = await this.topOfEach([shift], now, { ...options, limits: new Map([[shift.id, options.limit]]) }, audience);
    return found.get(shift.id)!;
  }

  /**
   * `top` for many shifts at once (a crew's dispatch): one look at the changes, one read of the
   * shifts' facts and one of the chosen seekers' names, whatever the number of shifts. Staff's order.
   */
  async topForShifts(
    shifts: readonly ShiftRow[],
    now: Date,
    options: Omit<PoolRankOptions, 'limit' | 'smsConsent' | 'exclude'> & { limits: ReadonlyMap<string, number> },
  ): Promise<Map<string, RankedCandidate<SeekerRow>[]>> {
    const found = await this.topOfEach(shifts, now, options, 'staff');
    return new Map([...found].map(([id, { ranked }]) => [id, ranked as RankedCandidate<SeekerRow>[]]));
  }

  private async topOfEach(
    shifts: readonly ShiftRow[],
    now: Date,
    options: Omit<PoolRankOptions, 'limit'> & { limits: ReadonlyMap<string, number> },
    audience: 'staff' | 'employer',
  ): Promise<Map<string, { ranked: (RankedCandidate<SeekerRow> | EmployerRankedCandidate<SeekerRow>)[]; stats: BestFirstStats }>> {
    const facts = await (
      options.prepared ??
      this.prepare(
        shifts.map((s) => s.id),
        now,
      )
    ).facts;
    const leftOut = new Map(shifts.map((s) => [s.id, new Set<string>([...(options.exclude ?? []), ...(facts.get(s.id)?.booked ?? [])])]));
    const out = new Map<string, { ranked: (RankedCandidate<SeekerRow> | EmployerRankedCandidate<SeekerRow>)[]; stats: BestFirstStats }>();
    let pending = [...shifts];
    while (pending.length > 0) {
      const walked = [];
      for (const shift of pending) {
        const limit = options.limits.get(shift.id) ?? 20;
        const walk = this.table.rank(shift, facts.get(shift.id) ?? nothingFree, leftOut.get(shift.id)!, { ...options, limit }, audience);
        walked.push({ shift, ...walk });
      }
      const checked = await this.checked(
        [...new Set(walked.flatMap(({ ranked }) => ranked.map((c) => c.seeker.id)))],
        options.smsConsent ?? false,
      );
      pending = [];
      for (const { shift, ranked, stats } of walked) {
        const missing = ranked.filter((c) => !checked.has(c.seeker.id));
        if (missing.length === 0) {
          out.set(shift.id, {
            ranked: ranked.map((c) => ({ ...c, seeker: { ...c.seeker, ...checked.get(c.seeker.id)! } as SeekerRow })),
            stats,
          });
        } else {
          for (const c of missing) leftOut.get(shift.id)!.add(c.seeker.id);
          pending.push(shift);
        }
      }
    }
    return out;
  }

  /**
   * Where and when each shift asks people to be free, its certificates, and who is booked on work
   * overlapping it (by the times, not `period`, so that `bookings_held_during` answers it).
   */
  private async shiftFacts(shiftIds: readonly string[]): Promise<Map<string, ShiftFacts>> {
    const rows = (await this.dataSource.query(
      `SELECT s.id, market_minute_of_week(s.starts_at) AS "minuteOfWeek",
              to_char((s.ends_at AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM-DD') AS "lastDay",
              s.required_certificates AS "requiredCertificates",
              ARRAY(SELECT b.worker_id::text FROM bookings b
                     WHERE b.status IN ('confirmed', 'checked_in', 'completed')
                       AND tstzrange(b.starts_at, b.ends_at, '[)') && tstzrange(s.starts_at, s.ends_at, '[)')) AS booked
         FROM shifts s WHERE s.id = ANY($1::uuid[])`,
      [shiftIds],
    )) as (ShiftFacts & { id: string })[];
    return new Map(rows.map(({ id, ...facts }) => [id, facts]));
  }

  /**
   * Of these seekers, those still active (and taking offers by SMS, for offers) as the database
   * has them now, with their name and phone: the pool holds neither, and a seeker erased or
   * disabled since the pool's look is left out.
   */
  private async checked(ids: string[], smsConsent: boolean): Promise<Map<string, { name: string; phone: string | null }>> {
    if (ids.length === 0) return new Map();
    const consenting = smsConsent ? ` AND w.phone IS NOT NULL AND ${acceptsMarketingSmsSql('w')}` : '';
    const rows = (await this.dataSource.query(
      `SELECT w.id, w.name, w.phone FROM workers w WHERE w.id = ANY($1::uuid[]) AND w.status = 'active' AND w.location IS NOT NULL${consenting}`,
      [ids],
    )) as { id: string; name: string; phone: string | null }[];
    return new Map(rows.map((r) => [r.id, { name: r.name, phone: r.phone }]));
  }
}
