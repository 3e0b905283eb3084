import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { acceptsMarketingSmsSql, toMarketIso } from '@lingong/domain';
import {
  availabilityFit,
  haversineKm,
  mayStillEnter,
  rankBestFirst,
  scoreCeiling,
  type Audience,
  type BestFirstStats,
  type EmployerRankedCandidate,
  type FairnessContext,
  type MatchingWeights,
  type RankedCandidate,
  type WeeklyWindow,
} from '@lingong/matching-engine';
import { seekerHistoryAt } from './candidate.sql';
import { SeekerGrid } from './seeker-grid';
import { freeAt, holdsAll, poolColumns, Shared, toPooled, type PooledSeeker, type PoolRow } from './pooled-seeker';
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
/** The great-circle distance is at least this many km per degree of latitude between two points (the engine's sphere). */
const KM_PER_DEGREE_OF_LATITUDE = (6371.0088 * Math.PI) / 180;
/** The last of the 31 skill bits: a code past the first thirty. */
const MORE_SKILLS_BIT = 30;
/** Ints per seeker in `traits`. */
const TRAITS = 4;
/** The engine's distance, held here: called through the package's re-exports it costs a getter per call. */
const greatCircleKm = haversineKm;

export interface PoolRankOptions {
  context: FairnessContext;
  weights: MatchingWeights;
  limit: number;
  smsConsent?: boolean;
  exclude?: ReadonlySet<string>;
  /** What `prepare` started for this shift, if the caller started it while checking the shift. */
  prepared?: PreparedRanking;
}

/** A ranking's first reads (the look at changes and the shifts' facts), started ahead by `prepare`. */
export interface PreparedRanking {
  readonly shiftIds: readonly string[];
  readonly now: Date;
  readonly facts: Promise<Map<string, ShiftFacts>>;
}

interface ShiftFacts {
  minuteOfWeek: number;
  lastDay: string;
  requiredCertificates: string[];
  booked: string[];
}
/** A shift no longer there: nobody is free for it. */
const nothingFree: ShiftFacts = { minuteOfWeek: -1, lastDay: '9999-12-31', requiredCertificates: [], booked: [] };

/**
 * A ranking's first round reads the most promising cells until it has found this many eligible
 * seekers per place asked for (and at least FIRST_LOOK_AT_LEAST): enough to know a score to beat,
 * which rules out the cells that cannot reach it.
 */
const FIRST_LOOK_PER_PLACE = 10;
const FIRST_LOOK_AT_LEAST = 200;

/** Who a ranking's scan found eligible: their place in the pool, and the most each can score (`scoreCeiling`). */
class NearBuffers {
  at = new Int32Array(0);
  ceilings = new Float64Array(0);

  fit(size: number): void {
    if (this.at.length >= size) return;
    const room = Math.ceil(size * 1.25);
    this.at = new Int32Array(room);
    this.ceilings = new Float64Array(room);
  }
}

@Injectable()
export class SeekerPool implements OnApplicationBootstrap {
  private seekers: PooledSeeker[] = [];
  private index = new Map<string, number>();
  private day: string | null = null;
  private shared = new Shared();
  /**
   * What the scan reads for every seeker, side by side in pool order so it never touches the seeker
   * objects of those it rules out: latitude, longitude and travel distance; and the weekly pattern
   * (an index into `patterns`), the skills held (a bit per code, see `skillBit`), whether they
   * take offers by SMS, and their weekly windows (an index into `windows`).
   */
  private places = new Float64Array(3 * 1024);
  private traits = new Int32Array(TRAITS * 1024);
  private patterns: Int32Array[] = [];
  private patternIndex = new Map<Int32Array, number>();
  private windows: (readonly WeeklyWindow[])[] = [];
  private windowsIndex = new Map<readonly WeeklyWindow[], number>();
  private skillBits = new Map<string, number>();
  private lookedAt: Date | null = null;
  /** The versions of the changes within the margin that the pool holds already (`w<id>` or `f<id>` → change time in µs). */
  private read = new Map<string, string>();
  /** The scan's lists of nearby seekers, kept between rankings rather than allocated (and collected) for each. */
  private nearBuffers: NearBuffers[] = [];
  /** Pool places by where seekers live and how far they travel: a ranking reads only the cells that can hold its best. */
  private grid = new SeekerGrid();
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Read in the background as the service starts, so the first ranking does not wait for it. */
  onApplicationBootstrap(): void {
    this.refresh(new Date()).catch(() => undefined);
  }

  get size(): number {
    return this.seekers.length;
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
    this.shared = new Shared();
    this.seekers = [];
    this.index = new Map();
    this.places = new Float64Array(3 * 1024);
    this.traits = new Int32Array(TRAITS * 1024);
    this.patterns = [];
    this.patternIndex = new Map();
    this.windows = [];
    this.windowsIndex = new Map();
    this.grid.clear();
    this.skillBits = new Map();
    for (let after = '00000000-0000-0000-0000-000000000000'; ;) {
      const rows = (await this.dataSource.query(
        `SELECT ${poolColumns} FROM workers w ${seekerHistoryAt('$1')}
          WHERE w.status = 'active' AND w.location IS NOT NULL AND w.id > $2 ORDER BY w.id LIMIT ${READ_PAGE}`,
        [now, after],
      )) as PoolRow[];
      for (const row of rows) this.put(toPooled(row, this.shared));
      if (rows.length < READ_PAGE) return;
      after = rows[rows.length - 1].id;
    }
  }

  private async readSome(now: Date, ids: string[]): Promise<void> {
    const rows = (await this.dataSource.query(
      `SELECT ${poolColumns} FROM workers w ${seekerHistoryAt('$1')} WHERE w.id = ANY($2::uuid[])`,
      [now, ids],
    )) as PoolRow[];
    const found = new Set(rows.map((row) => row.id));
    for (const row of rows) {
      if (row.inPool) this.put(toPooled(row, this.shared));
      else this.remove(row.id);
    }
    for (const id of ids) if (!found.has(id)) this.remove(id);
  }

  private put(seeker: PooledSeeker): void {
    let at = this.index.get(seeker.id);
    if (at === undefined) {
      at = this.seekers.length;
      this.index.set(seeker.id, at);
      this.seekers.push(seeker);
      if (3 * this.seekers.length > this.places.length) {
        const places = new Float64Array(2 * this.places.length);
        places.set(this.places);
        this.places = places;
        const traits = new Int32Array(2 * this.traits.length);
        traits.set(this.traits);
        this.traits = traits;
      }
    } else this.seekers[at] = seeker;
    this.places.set([seeker.lat, seeker.lng, seeker.maxDistanceKm], 3 * at);
    this.grid.place(at, seeker.lat, seeker.lng, seeker.maxDistanceKm);
    let skills = 0;
    for (const skill of seeker.skills) skills |= this.skillBit(skill.code);
    this.traits.set(
      [this.patternOf(seeker.freeMinutes), skills, seeker.hasPhone && seeker.takesOffersBySms ? 1 : 0, this.windowsOf(seeker.availability)],
      TRAITS * at,
    );
  }

  /** Equal windows are one array (`Shared`), so a ranking works out each one's availability fit once. */
  private windowsOf(windows: readonly WeeklyWindow[]): number {
    let at = this.windowsIndex.get(windows);
    if (at === undefined) {
      at = this.windows.push(windows) - 1;
      this.windowsIndex.set(windows, at);
    }
    return at;
  }

  private patternOf(minutes: Int32Array): number {
    let at = this.patternIndex.get(minutes);
    if (at === undefined) {
      at = this.patterns.push(minutes) - 1;
      this.patternIndex.set(minutes, at);
    }
    return at;
  }

  /** A bit per skill code for the first 31 codes met; later codes share the last bit, which then means "look at the skills". */
  private skillBit(code: string): number {
    let bit = this.skillBits.get(code);
    if (bit === undefined) this.skillBits.set(code, (bit = Math.min(this.skillBits.size, MORE_SKILLS_BIT)));
    return 1 << bit;
  }

  private remove(id: string): void {
    const at = this.index.get(id);
    if (at === undefined) return;
    const last = this.seekers.pop()!;
    this.index.delete(id);
    this.grid.vacate(at, this.seekers.length);
    if (last.id !== id) {
      this.seekers[at] = last;
      this.index.set(last.id, at);
      this.places.copyWithin(3 * at, 3 * this.seekers.length, 3 * this.seekers.length + 3);
      this.traits.copyWithin(TRAITS * at, TRAITS * this.seekers.length, TRAITS * this.seekers.length + TRAITS);
    }
  }

  /**
   * The shift's best `limit` in the audience's order, exactly as scoring every eligible seeker
   * would give them (rankBestFirst over the pool), less those booked on overlapping work as the
   * database has it now, each read again for their name and phone. One no longer active (or no
   * longer taking SMS, for offers) is left out and the ranking runs again without them.
   */
  /**
   * Starts a ranking's first reads, the look at changes and the shifts' facts, so they run while the
   * caller reads and checks the shift itself: one round trip to PostgreSQL fewer on the way. Its
   * result is used only by a ranking of the same shifts at the same `now`.
   */
  prepare(shiftIds: readonly string[], now: Date): PreparedRanking {
    const facts = Promise.all([this.shiftFacts(shiftIds), this.refresh(now)]).then(([found]) => found);
    facts.catch(() => undefined); // a caller that stops (a shift not theirs) leaves it unread
    return { shiftIds, now, facts };
  }

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
    const ids = shifts.map((s) => s.id);
    const { prepared } = options;
    const facts = await (prepared &&
    prepared.now === now &&
    ids.every((id, i) => prepared.shiftIds[i] === id) &&
    prepared.shiftIds.length === ids.length
      ? prepared.facts
      : this.prepare(ids, now).facts);
    const leftOut = new Map(shifts.map((s) => [s.id, new Set<string>([...(options.exclude ?? []), ...(facts.get(s.id)?.booked ?? [])])]));
    const out = new Map<string, { ranked: (RankedCandidate<SeekerRow> | EmployerRankedCandidate<SeekerRow>)[]; stats: BestFirstStats }>();
    let pending = [...shifts];
    while (pending.length > 0) {
      // One shift at a time: each walk holds the pool's nearby seekers while it runs.
      const walked = [];
      for (const shift of pending) {
        const limit = options.limits.get(shift.id) ?? 20;
        const walk = await this.rank(shift, facts.get(shift.id) ?? nothingFree, leftOut.get(shift.id)!, { ...options, limit }, audience);
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

  private rank(shift: ShiftRow, facts: ShiftFacts, leftOut: ReadonlySet<string>, options: PoolRankOptions, audience: Audience) {
    // The scan of a cell allocates nothing per seeker and reads the typed arrays only until a seeker
    // passes distance, availability, skills and consent: it is most of a ranking's time.
    const required = [...new Set(shift.requiredSkills)];
    let requiredBits = 0;
    for (const code of required) requiredBits |= this.skillBit(code);
    const checkSkills = (requiredBits & (1 << MORE_SKILLS_BIT)) !== 0;
    const certificates = facts.requiredCertificates;
    const smsOnly = options.smsConsent ? 1 : 0;
    const freeInPattern = Uint8Array.from(this.patterns, (minutes) => (freeAt(minutes, facts.minuteOfWeek) ? 1 : 0));
    // What each eligible seeker can score at most, from what the scan knows of them: their distance,
    // their windows' availability fit (once per windows array), and whether they hold the shift's
    // category (its skill part is exactly half without it). The walk scores highest ceiling first.
    const ceiling = scoreCeiling(options.weights, audience);
    const categoryBit = required.length === 0 ? this.skillBit(shift.category) : 0;
    const categoryKnown = required.length === 0 && categoryBit !== 1 << MORE_SKILLS_BIT;
    const availabilityOf = new Float64Array(this.windows.length).fill(NaN);
    const windows = this.windows;
    const near = this.nearBuffers.pop() ?? new NearBuffers();
    near.fit(this.seekers.length);
    const { at: nearAt, ceilings } = near;
    let nearCount = 0;
    const cosLat = Math.cos((shift.lat * Math.PI) / 180);
    const places = this.places;
    const traits = this.traits;
    const roughOnly = Math.abs(shift.lat) < 70;
    const scan = (members: readonly number[]) => {
      for (const i of members) {
        const u = TRAITS * i;
        if (freeInPattern[traits[u]] === 0 || (traits[u + 1] & requiredBits) !== requiredBits || (traits[u + 2] & smsOnly) !== smsOnly)
          continue;
        const t = 3 * i;
        const lat = places[t];
        const lng = places[t + 1];
        const max = places[t + 2];
        const north = (lat - shift.lat) * KM_PER_DEGREE_OF_LATITUDE;
        if (north > max || -north > max) continue;
        if (roughOnly) {
          // A flat-earth estimate first, with room for its error within 100 km; the great circle decides.
          const east = (lng - shift.lng) * KM_PER_DEGREE_OF_LATITUDE * cosLat;
          const roughly = max * 1.05 + 0.5;
          if (north * north + east * east > roughly * roughly) continue;
        }
        const km = greatCircleKm(lat, lng, shift.lat, shift.lng);
        if (km > max) continue;
        if ((checkSkills || certificates.length > 0) && !holdsAll(this.seekers[i], required, certificates, facts.lastDay)) continue;
        if (leftOut.size > 0 && leftOut.has(this.seekers[i].id)) continue;
        const w = traits[u + 3];
        let availability = availabilityOf[w];
        if (availability !== availability) availability = availabilityOf[w] = availabilityFit(shift.startsAt, shift.endsAt, windows[w]);
        const skillAtMost = categoryKnown && (traits[u + 1] & categoryBit) === 0 ? 0.5 : 1;
        nearAt[nearCount] = i;
        ceilings[nearCount] = ceiling(skillAtMost, km, max, availability);
        nearCount++;
      }
    };
    const seekers = this.seekers;
    const seekerAt = (k: number) => seekers[nearAt[k]];
    const walk = () => {
      const { context, weights, limit } = options;
      const everyoneFound = { shift, context, weights, limit, count: nearCount, ceilings, seekerAt };
      return audience === 'employer' ? rankBestFirst(everyoneFound, 'employer') : rankBestFirst(everyoneFound, 'staff');
    };
    try {
      // The cells highest in ceiling first, in rounds: each round reads until it has found twice as
      // many eligible people as before, and its best give a score to beat that rules out the cells
      // which cannot reach it. What remains after the last round is walked once more, in full.
      const cells = this.grid.cellsFor(shift.lat, shift.lng, ceiling);
      let next = 0;
      let read = 0;
      let toBeat = -Infinity;
      while (next < cells.length && mayStillEnter(cells[next].ceiling, toBeat)) {
        const wanted = Math.max(FIRST_LOOK_PER_PLACE * options.limit, FIRST_LOOK_AT_LEAST, 2 * nearCount);
        while (next < cells.length && nearCount < wanted && mayStillEnter(cells[next].ceiling, toBeat)) scan(cells[next++].members);
        if (next >= cells.length) break;
        const round = walk();
        read += round.stats.read;
        if (round.ranked.length >= options.limit) toBeat = round.ranked[options.limit - 1].score;
      }
      const walked = walk();
      return { ranked: walked.ranked, stats: { read: read + walked.stats.read, eligible: walked.stats.eligible } };
    } finally {
      this.nearBuffers.push(near);
    }
  }

  /** Where and when each shift asks people to be free, its certificates, and who is booked on work overlapping it. */
  private async shiftFacts(shiftIds: readonly string[]): Promise<Map<string, ShiftFacts>> {
    const rows = (await this.dataSource.query(
      `SELECT s.id, market_minute_of_week(s.starts_at) AS "minuteOfWeek",
              to_char((s.ends_at AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM-DD') AS "lastDay",
              s.required_certificates AS "requiredCertificates",
              ARRAY(SELECT b.worker_id::text FROM bookings b
                     WHERE b.status IN ('confirmed', 'checked_in', 'completed') AND b.period && tstzrange(s.starts_at, s.ends_at, '[)')) AS booked
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
