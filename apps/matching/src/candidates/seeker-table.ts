import {
  availabilityFit,
  haversineKm,
  mayStillEnter,
  payFitOfDay,
  payForTheDayFen,
  rankBestFirst,
  reliabilityFit,
  scoreCeiling,
  type Audience,
  type FairnessContext,
  type MatchingWeights,
  type WeeklyWindow,
} from '@lingong/matching-engine';
import type { ShiftRow } from './candidates.repository';
import { SeekerGrid, type Cell } from './seeker-grid';
import { freeAt, holdsAll, type PooledSeeker } from './pooled-seeker';

/**
 * The seeker pool's seekers as a ranking reads them: each seeker's hot facts as a row of numbers in
 * the grid's block of where they live and how far they travel (see seeker-grid.ts), equal weekly
 * patterns and windows held once, skills as bits; and the ranking over them. The pool (seeker-pool.ts)
 * keeps it up to date from PostgreSQL.
 */

/** The great-circle distance is at least this many km per degree of latitude between two points (the engine's sphere). */
const KM_PER_DEGREE_OF_LATITUDE = (6371.0088 * Math.PI) / 180;
/** The last of the 31 skill bits: a code past the first thirty. */
const MORE_SKILLS_BIT = 30;
/**
 * A seeker's row in the grid, what the scan reads of them without touching their object:
 * latitude, longitude, travel distance, the day's pay expected (0 for none) and the reliability
 * fit, which bound the score before it is worked out; the weekly pattern (an index into
 * `patterns`), the skills held (a bit per code, see `skillBit`), whether they take offers by SMS
 * (1 or 0), and their weekly windows (an index into `windows`).
 */
const LAT = 0;
const LNG = 1;
const TRAVEL_KM = 2;
const PAY_EXPECTED = 3;
const RELIABILITY = 4;
const PATTERN = 5;
const SKILLS = 6;
const BY_SMS = 7;
const WINDOWS = 8;
const ROW = 9;
/** The engine's distance, held here: called through the package's re-exports it costs a getter per call. */
const greatCircleKm = haversineKm;

/** What a ranking needs of a shift beyond its row: when it starts in the week, its last day, its certificates, who is booked on work overlapping it. */
export interface ShiftFacts {
  minuteOfWeek: number;
  lastDay: string;
  requiredCertificates: string[];
  booked: string[];
}

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

export interface TableRankOptions {
  context: FairnessContext;
  weights: MatchingWeights;
  limit: number;
  smsConsent?: boolean;
}

export class SeekerTable {
  private seekers: PooledSeeker[] = [];
  private index = new Map<string, number>();
  private patterns = new Numbered<Int32Array>();
  /** Equal windows are one array (`Shared`), so a ranking works out each one's availability fit once. */
  private windows = new Numbered<readonly WeeklyWindow[]>();
  private skillBits = new Map<string, number>();
  /** Who the scan found, kept between rankings rather than allocated (and collected) for each. */
  private near = new NearBuffers();
  /** Seekers' rows by where they live and how far they travel: a ranking reads only the blocks that can hold its best. */
  private grid = new SeekerGrid(ROW);
  private row = new Float64Array(ROW);

  get size(): number {
    return this.seekers.length;
  }

  put(seeker: PooledSeeker): void {
    let at = this.index.get(seeker.id);
    if (at === undefined) {
      at = this.seekers.length;
      this.index.set(seeker.id, at);
      this.seekers.push(seeker);
    } else this.seekers[at] = seeker;
    let skills = 0;
    for (const skill of seeker.skills) skills |= this.skillBit(skill.code);
    const row = this.row;
    row[LAT] = seeker.lat;
    row[LNG] = seeker.lng;
    row[TRAVEL_KM] = seeker.maxDistanceKm;
    row[PAY_EXPECTED] = seeker.expectedDailyPayFen ?? 0;
    row[RELIABILITY] = reliabilityFit(seeker.reliability);
    row[PATTERN] = this.patterns.numberOf(seeker.freeMinutes);
    row[SKILLS] = skills;
    row[BY_SMS] = seeker.hasPhone && seeker.takesOffersBySms ? 1 : 0;
    row[WINDOWS] = this.windows.numberOf(seeker.availability);
    this.grid.place(at, seeker.lat, seeker.lng, seeker.maxDistanceKm, row);
  }
  remove(id: string): void {
    const at = this.index.get(id);
    if (at === undefined) return;
    const last = this.seekers.pop()!;
    this.index.delete(id);
    this.grid.vacate(at, this.seekers.length);
    if (last.id !== id) {
      this.seekers[at] = last;
      this.index.set(last.id, at);
    }
  }

  /**
   * The shift's best `options.limit` of the seekers held, as scoring every eligible one would give
   * them, less those in `leftOut`. Synchronous, so no other ranking shares its buffers meanwhile.
   */
  rank(shift: ShiftRow, facts: ShiftFacts, leftOut: ReadonlySet<string>, options: TableRankOptions, audience: Audience) {
    // The scan of a cell allocates nothing per seeker and reads the typed arrays only until a seeker
    // passes distance, availability, skills and consent: it is most of a ranking's time.
    const required = [...new Set(shift.requiredSkills)];
    let requiredBits = 0;
    for (const code of required) requiredBits |= this.skillBit(code);
    const checkSkills = (requiredBits & (1 << MORE_SKILLS_BIT)) !== 0;
    const certificates = facts.requiredCertificates;
    const smsOnly = options.smsConsent ? 1 : 0;
    const freeInPattern = Uint8Array.from(this.patterns.items, (minutes) => (freeAt(minutes, facts.minuteOfWeek) ? 1 : 0));
    // What each eligible seeker can score at most, from what the scan knows of them: their distance,
    // their windows' availability fit (once per windows array), their pay and reliability fits, and
    // whether they hold the shift's category (its skill part is exactly half without it). The walk
    // scores highest ceiling first.
    const ceiling = scoreCeiling(options.weights, audience);
    const dayFen = payForTheDayFen(shift);
    const categoryBit = required.length === 0 ? this.skillBit(shift.category) : 0;
    const categoryKnown = required.length === 0 && categoryBit !== 1 << MORE_SKILLS_BIT;
    const windows = this.windows.items;
    const availabilityOf = new Float64Array(windows.length).fill(NaN);
    this.near.fit(this.seekers.length);
    const { at: nearAt, ceilings } = this.near;
    let nearCount = 0;
    const cosLat = Math.cos((shift.lat * Math.PI) / 180);
    const roughOnly = Math.abs(shift.lat) < 70;
    // Those left out by their place in the pool: asking by id read every eligible seeker's object and
    // hashed its id, which cost four times the rest of the scan.
    const leftOutAt = new Set<number>();
    for (const id of leftOut) {
      const at = this.index.get(id);
      if (at !== undefined) leftOutAt.add(at);
    }
    /** Reads the cell's blocks that may still hold someone scoring `toBeat`, row after row in memory. */
    const scan = (cell: Cell, toBeat: number) => {
      for (const block of cell.blocks) {
        if (!block || block.size === 0 || !mayStillEnter(block.ceilingFor(shift.lat, shift.lng, ceiling), toBeat)) continue;
        const { rows, at: places, size } = block;
        for (let k = 0, r = 0; k < size; k++, r += ROW) {
          if (freeInPattern[rows[r + PATTERN]] === 0 || (rows[r + SKILLS] & requiredBits) !== requiredBits || rows[r + BY_SMS] < smsOnly)
            continue;
          const lat = rows[r + LAT];
          const lng = rows[r + LNG];
          const max = rows[r + TRAVEL_KM];
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
          const i = places[k];
          if ((checkSkills || certificates.length > 0) && !holdsAll(this.seekers[i], required, certificates, facts.lastDay)) continue;
          if (leftOutAt.size > 0 && leftOutAt.has(i)) continue;
          const w = rows[r + WINDOWS];
          let availability = availabilityOf[w];
          if (availability !== availability) availability = availabilityOf[w] = availabilityFit(shift.startsAt, shift.endsAt, windows[w]);
          const skillAtMost = categoryKnown && (rows[r + SKILLS] & categoryBit) === 0 ? 0.5 : 1;
          nearAt[nearCount] = i;
          ceilings[nearCount] = ceiling(
            skillAtMost,
            km,
            max,
            availability,
            payFitOfDay(dayFen, rows[r + PAY_EXPECTED]),
            rows[r + RELIABILITY],
          );
          nearCount++;
        }
      }
    };
    const seekers = this.seekers;
    const seekerAt = (k: number) => seekers[nearAt[k]];
    const walk = () => {
      const { context, weights, limit } = options;
      const everyoneFound = { shift, context, weights, limit, count: nearCount, ceilings, seekerAt };
      return audience === 'employer' ? rankBestFirst(everyoneFound, 'employer') : rankBestFirst(everyoneFound, 'staff');
    };
    {
      // The cells highest in ceiling first, in rounds: each round reads until it has found twice as
      // many eligible people as before, and its best give a score to beat that rules out the cells
      // which cannot reach it. What remains after the last round is walked once more, in full.
      const cells = this.grid.cellsFor(shift.lat, shift.lng, ceiling);
      let next = 0;
      let read = 0;
      let toBeat = -Infinity;
      while (next < cells.length && mayStillEnter(cells[next].ceiling, toBeat)) {
        const wanted = Math.max(FIRST_LOOK_PER_PLACE * options.limit, FIRST_LOOK_AT_LEAST, 2 * nearCount);
        while (next < cells.length && nearCount < wanted && mayStillEnter(cells[next].ceiling, toBeat)) scan(cells[next++].cell, toBeat);
        if (next >= cells.length) break;
        const round = walk();
        read += round.stats.read;
        if (round.ranked.length >= options.limit) toBeat = round.ranked[options.limit - 1].score;
      }
      const walked = walk();
      return { ranked: walked.ranked, stats: { read: read + walked.stats.read, eligible: walked.stats.eligible } };
    }
  }

  /** A bit per skill code for the first 31 codes met; later codes share the last bit, which then means "look at the skills". */
  private skillBit(code: string): number {
    let bit = this.skillBits.get(code);
    if (bit === undefined) this.skillBits.set(code, (bit = Math.min(this.skillBits.size, MORE_SKILLS_BIT)));
    return 1 << bit;
  }
}

/** Values held once each, numbered in the order first met (by identity: `Shared` makes equal ones one object). */
class Numbered<T> {
  readonly items: T[] = [];
  private readonly numbers = new Map<T, number>();

  numberOf(value: T): number {
    let number = this.numbers.get(value);
    if (number === undefined) {
      number = this.items.push(value) - 1;
      this.numbers.set(value, number);
    }
    return number;
  }
}
