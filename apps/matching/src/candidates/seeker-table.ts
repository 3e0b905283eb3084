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
import { SeekerGrid } from './seeker-grid';
import { freeAt, holdsAll, type PooledSeeker } from './pooled-seeker';

/**
 * The seeker pool's seekers as a ranking reads them: each seeker's hot facts side by side in typed
 * arrays (places, traits), equal weekly patterns and windows held once, skills as bits, and the
 * grid of cells by home and travel band; and the ranking over them. The pool (seeker-pool.ts)
 * keeps it up to date from PostgreSQL.
 */

/** The great-circle distance is at least this many km per degree of latitude between two points (the engine's sphere). */
const KM_PER_DEGREE_OF_LATITUDE = (6371.0088 * Math.PI) / 180;
/** The last of the 31 skill bits: a code past the first thirty. */
const MORE_SKILLS_BIT = 30;
/** Numbers per seeker in `places`. */
const PLACE = 5;
/** Ints per seeker in `traits`. */
const TRAITS = 4;
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
  /**
   * What the scan reads for every seeker, side by side in pool order so it never touches the seeker
   * objects of those it rules out: latitude, longitude, travel distance, the day's pay expected (0
   * for none) and the reliability fit, which bound the score before it is worked out; and the weekly pattern
   * (an index into `patterns`), the skills held (a bit per code, see `skillBit`), whether they
   * take offers by SMS, and their weekly windows (an index into `windows`).
   */
  private places = new Float64Array(PLACE * 1024);
  private traits = new Int32Array(TRAITS * 1024);
  private patterns = new Numbered<Int32Array>();
  /** Equal windows are one array (`Shared`), so a ranking works out each one's availability fit once. */
  private windows = new Numbered<readonly WeeklyWindow[]>();
  private skillBits = new Map<string, number>();
  /** Who the scan found, kept between rankings rather than allocated (and collected) for each. */
  private near = new NearBuffers();
  /** Pool places by where seekers live and how far they travel: a ranking reads only the cells that can hold its best. */
  private grid = new SeekerGrid();

  get size(): number {
    return this.seekers.length;
  }

  put(seeker: PooledSeeker): void {
    let at = this.index.get(seeker.id);
    if (at === undefined) {
      at = this.seekers.length;
      this.index.set(seeker.id, at);
      this.seekers.push(seeker);
      if (PLACE * this.seekers.length > this.places.length) {
        const places = new Float64Array(2 * this.places.length);
        places.set(this.places);
        this.places = places;
        const traits = new Int32Array(2 * this.traits.length);
        traits.set(this.traits);
        this.traits = traits;
      }
    } else this.seekers[at] = seeker;
    this.places.set(
      [seeker.lat, seeker.lng, seeker.maxDistanceKm, seeker.expectedDailyPayFen ?? 0, reliabilityFit(seeker.reliability)],
      PLACE * at,
    );
    this.grid.place(at, seeker.lat, seeker.lng, seeker.maxDistanceKm);
    let skills = 0;
    for (const skill of seeker.skills) skills |= this.skillBit(skill.code);
    this.traits.set(
      [
        this.patterns.numberOf(seeker.freeMinutes),
        skills,
        seeker.hasPhone && seeker.takesOffersBySms ? 1 : 0,
        this.windows.numberOf(seeker.availability),
      ],
      TRAITS * at,
    );
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
      this.places.copyWithin(PLACE * at, PLACE * this.seekers.length, PLACE * this.seekers.length + PLACE);
      this.traits.copyWithin(TRAITS * at, TRAITS * this.seekers.length, TRAITS * this.seekers.length + TRAITS);
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
    const places = this.places;
    const traits = this.traits;
    const roughOnly = Math.abs(shift.lat) < 70;
    // Those left out by their place in the pool: asking by id read every eligible seeker's object and
    // hashed its id, which cost four times the rest of the scan.
    const leftOutAt = new Set<number>();
    for (const id of leftOut) {
      const at = this.index.get(id);
      if (at !== undefined) leftOutAt.add(at);
    }
    const scan = (members: readonly number[]) => {
      for (const i of members) {
        const u = TRAITS * i;
        if (freeInPattern[traits[u]] === 0 || (traits[u + 1] & requiredBits) !== requiredBits || (traits[u + 2] & smsOnly) !== smsOnly)
          continue;
        const t = PLACE * i;
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
        if (leftOutAt.size > 0 && leftOutAt.has(i)) continue;
        const w = traits[u + 3];
        let availability = availabilityOf[w];
        if (availability !== availability) availability = availabilityOf[w] = availabilityFit(shift.startsAt, shift.endsAt, windows[w]);
        const skillAtMost = categoryKnown && (traits[u + 1] & categoryBit) === 0 ? 0.5 : 1;
        nearAt[nearCount] = i;
        ceilings[nearCount] = ceiling(skillAtMost, km, max, availability, payFitOfDay(dayFen, places[t + 3]), places[t + 4]);
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
        while (next < cells.length && nearCount < wanted && mayStillEnter(cells[next].ceiling, toBeat)) scan(cells[next++].members);
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
