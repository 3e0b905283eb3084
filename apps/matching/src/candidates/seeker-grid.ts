import { haversineKm, type ScoreCeiling } from '@lingong/matching-engine';

/**
 * The seeker pool's places, by where seekers live and how far they travel: a cell is a square of
 * CELL_DEGREES (about a kilometre) holding the seekers of one travel band. From the nearest corner
 * of a cell and its band's longest travel distance comes the most anyone in it can score for a
 * shift (`ScoreCeiling`, skill, availability, pay, reliability and fairness at full points), so a ranking reads only
 * the cells that can still hold one of its best, instead of every seeker on file.
 */

const CELL_DEGREES = 0.01;
/** Travel distances (km) a band holds up to; the last holds the rest. */
const BAND_EDGES = [1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60, 80, 100, Infinity];
/**
 * The nearest point of a cell is taken as its corner or edge nearest the shift in latitude and
 * longitude; on the sphere the true nearest point of a kilometre-wide cell differs by far less
 * than this (km), taken off to be sure.
 */
const NEAREST_POINT_MARGIN_KM = 0.05;

interface Cell {
  south: number;
  west: number;
  /** The longest travel distance (km) of the band. */
  travelKm: number;
  /** Pool places of the seekers in it. */
  members: number[];
}

export interface ReachableCell {
  members: readonly number[];
  /** The most anyone in the cell can score. */
  ceiling: number;
}

export class SeekerGrid {
  private cells = new Map<number, Cell>();
  private cellOf: (Cell | undefined)[] = [];
  private slotOf = new Int32Array(1024);

  /** Puts the seeker at pool place `at` where they live and travel now (from wherever they were). */
  place(at: number, lat: number, lng: number, maxDistanceKm: number): void {
    const row = Math.floor(lat / CELL_DEGREES);
    const column = Math.floor(lng / CELL_DEGREES);
    let band = 0;
    while (BAND_EDGES[band] < maxDistanceKm) band++;
    const key = ((row + 9_000) * 40_000 + (column + 18_000)) * BAND_EDGES.length + band;
    let cell = this.cells.get(key);
    if (this.cellOf[at] === cell && cell) return;
    this.leave(at);
    if (!cell) {
      cell = { south: row * CELL_DEGREES, west: column * CELL_DEGREES, travelKm: BAND_EDGES[band], members: [] };
      this.cells.set(key, cell);
    }
    if (at >= this.slotOf.length) {
      const slots = new Int32Array(2 * Math.max(at + 1, this.slotOf.length));
      slots.set(this.slotOf);
      this.slotOf = slots;
    }
    this.slotOf[at] = cell.members.push(at) - 1;
    this.cellOf[at] = cell;
  }

  /** The seeker at `at` leaves the pool, and the one at the pool's last place `last` moves to `at`. */
  vacate(at: number, last: number): void {
    this.leave(at);
    if (last !== at) {
      const cell = this.cellOf[last]!;
      const slot = this.slotOf[last];
      cell.members[slot] = at;
      this.slotOf[at] = slot;
      this.cellOf[at] = cell;
    }
    this.cellOf.length = last;
  }

  clear(): void {
    this.cells = new Map();
    this.cellOf = [];
  }

  /** The cells that can hold someone within their travel distance of the point, each with its ceiling, highest first. */
  cellsFor(lat: number, lng: number, ceiling: ScoreCeiling): ReachableCell[] {
    const found: ReachableCell[] = [];
    for (const cell of this.cells.values()) {
      if (cell.members.length === 0) continue;
      const nearestLat = Math.min(Math.max(lat, cell.south), cell.south + CELL_DEGREES);
      const nearestLng = Math.min(Math.max(lng, cell.west), cell.west + CELL_DEGREES);
      const km = Math.max(0, haversineKm(nearestLat, nearestLng, lat, lng) - NEAREST_POINT_MARGIN_KM);
      if (km > cell.travelKm) continue;
      found.push({ members: cell.members, ceiling: ceiling(1, km, cell.travelKm, 1, 1, 1) });
    }
    return found.sort((a, b) => b.ceiling - a.ceiling);
  }

  private leave(at: number): void {
    const cell = this.cellOf[at];
    if (!cell) return;
    const slot = this.slotOf[at];
    const moved = cell.members.pop()!;
    if (moved !== at) {
      cell.members[slot] = moved;
      this.slotOf[moved] = slot;
    }
    this.cellOf[at] = undefined;
  }
}
