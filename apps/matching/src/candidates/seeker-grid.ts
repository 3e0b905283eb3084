import { haversineKm, type ScoreCeiling } from '@lingong/matching-engine';

/**
 * The seeker pool's places, by where seekers live and how far they travel: a cell is a square of
 * CELL_DEGREES (about a kilometre) holding the seekers of one travel band. From the nearest corner
 * of a cell and its band's longest travel distance comes the most anyone in it can score for a
 * shift (`ScoreCeiling`, skill, availability, pay, reliability and fairness at full points), so a ranking reads only
 * the cells that can still hold one of its best, instead of every seeker on file.
 *
 * A cell keeps its seekers in blocks (BLOCKS_PER_SIDE² of them, about 250 m square), each holding
 * its members' rows (the numbers a ranking's scan reads, laid out by the caller) side by side: a
 * scan reads a block's memory in order instead of jumping across the pool, and skips a block whose
 * own ceiling cannot reach the score to beat. Where a market is dense, a cell near a shift holds
 * thousands, of whom only the nearest few hundred metres can still make the cut.
 */

const CELL_DEGREES = 0.01;
const BLOCKS_PER_SIDE = 4;
const BLOCK_DEGREES = CELL_DEGREES / BLOCKS_PER_SIDE;
/** Travel distances (km) a band holds up to; the last holds the rest. */
const BAND_EDGES = [1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60, 80, 100, Infinity];
/**
 * The nearest point of a square is taken as its corner or edge nearest the shift in latitude and
 * longitude; on the sphere the true nearest point of a kilometre-wide square differs by far less
 * than this (km), taken off to be sure.
 */
const NEAREST_POINT_MARGIN_KM = 0.05;
/** Members a block has room for when it is made. */
const FIRST_ROOM = 8;

/**
 * The most anyone living in the square of `degrees` from (south, west) and travelling up to
 * `travelKm` can score for a shift at the point, or −Infinity when none of them can travel there.
 */
function squareCeiling(
  south: number,
  west: number,
  degrees: number,
  travelKm: number,
  lat: number,
  lng: number,
  ceiling: ScoreCeiling,
): number {
  const nearestLat = Math.min(Math.max(lat, south), south + degrees);
  const nearestLng = Math.min(Math.max(lng, west), west + degrees);
  const km = Math.max(0, haversineKm(nearestLat, nearestLng, lat, lng) - NEAREST_POINT_MARGIN_KM);
  return km > travelKm ? -Infinity : ceiling(1, km, travelKm, 1, 1, 1);
}

/** The seekers of one block of a cell: their pool places, and their rows in the same order. */
export class Block {
  size = 0;
  /** Pool places of the members. */
  at = new Int32Array(FIRST_ROOM);
  /** The members' rows, `width` numbers each. */
  rows: Float64Array;

  constructor(
    readonly cell: Cell,
    readonly south: number,
    readonly west: number,
    private readonly width: number,
  ) {
    this.rows = new Float64Array(FIRST_ROOM * width);
  }

  /** The most anyone in the block can score for a shift at the point, or −Infinity when nobody in it can travel there. */
  ceilingFor(lat: number, lng: number, ceiling: ScoreCeiling): number {
    return squareCeiling(this.south, this.west, BLOCK_DEGREES, this.cell.travelKm, lat, lng, ceiling);
  }

  add(at: number, row: ArrayLike<number>): number {
    if (this.size === this.at.length) {
      const at = new Int32Array(2 * this.size);
      at.set(this.at);
      this.at = at;
      const rows = new Float64Array(2 * this.size * this.width);
      rows.set(this.rows);
      this.rows = rows;
    }
    this.at[this.size] = at;
    this.rows.set(row, this.size * this.width);
    this.cell.size++;
    return this.size++;
  }

  write(slot: number, row: ArrayLike<number>): void {
    this.rows.set(row, slot * this.width);
  }

  /** Empties the slot by moving the last member into it; answers the pool place of the one moved (or −1). */
  removeAt(slot: number): number {
    const last = --this.size;
    this.cell.size--;
    if (slot === last) return -1;
    const moved = this.at[last];
    this.at[slot] = moved;
    this.rows.copyWithin(slot * this.width, last * this.width, (last + 1) * this.width);
    return moved;
  }
}

export class Cell {
  size = 0;
  readonly blocks: (Block | undefined)[] = new Array<Block | undefined>(BLOCKS_PER_SIDE * BLOCKS_PER_SIDE).fill(undefined);

  constructor(
    readonly south: number,
    readonly west: number,
    /** The longest travel distance (km) of the band. */
    readonly travelKm: number,
  ) {}
}

export interface ReachableCell {
  cell: Cell;
  /** The most anyone in the cell can score. */
  ceiling: number;
}

export class SeekerGrid {
  private cells = new Map<number, Cell>();
  private blockOf: (Block | undefined)[] = [];
  private slotOf = new Int32Array(1024);

  /** `width`: the numbers in each seeker's row. */
  constructor(private readonly width: number) {}

  /** Puts the seeker at pool place `at`, with its row, where they live and travel now (from wherever they were). */
  place(at: number, lat: number, lng: number, maxDistanceKm: number, row: ArrayLike<number>): void {
    if (row.length !== this.width) throw new RangeError(`a row has ${this.width} numbers, not ${row.length}`);
    const blockRow = Math.floor(lat / BLOCK_DEGREES);
    const blockColumn = Math.floor(lng / BLOCK_DEGREES);
    const cellRow = Math.floor(blockRow / BLOCKS_PER_SIDE);
    const cellColumn = Math.floor(blockColumn / BLOCKS_PER_SIDE);
    let band = 0;
    while (BAND_EDGES[band] < maxDistanceKm) band++;
    const key = ((cellRow + 9_000) * 40_000 + (cellColumn + 18_000)) * BAND_EDGES.length + band;
    let cell = this.cells.get(key);
    if (!cell) this.cells.set(key, (cell = new Cell(cellRow * CELL_DEGREES, cellColumn * CELL_DEGREES, BAND_EDGES[band])));
    const inCell = (blockRow - cellRow * BLOCKS_PER_SIDE) * BLOCKS_PER_SIDE + (blockColumn - cellColumn * BLOCKS_PER_SIDE);
    const block = (cell.blocks[inCell] ??= new Block(cell, blockRow * BLOCK_DEGREES, blockColumn * BLOCK_DEGREES, this.width));
    if (this.blockOf[at] === block) {
      block.write(this.slotOf[at], row);
      return;
    }
    this.leave(at);
    if (at >= this.slotOf.length) {
      const slots = new Int32Array(2 * Math.max(at + 1, this.slotOf.length));
      slots.set(this.slotOf);
      this.slotOf = slots;
    }
    this.slotOf[at] = block.add(at, row);
    this.blockOf[at] = block;
  }

  /** The seeker at `at` leaves the pool, and the one at the pool's last place `last` moves to `at`. */
  vacate(at: number, last: number): void {
    this.leave(at);
    if (last !== at) {
      const block = this.blockOf[last]!;
      const slot = this.slotOf[last];
      block.at[slot] = at;
      this.slotOf[at] = slot;
      this.blockOf[at] = block;
    }
    this.blockOf.length = last;
  }

  /** The cells that can hold someone within their travel distance of the point, each with its ceiling, highest first. */
  cellsFor(lat: number, lng: number, ceiling: ScoreCeiling): ReachableCell[] {
    const found: ReachableCell[] = [];
    for (const cell of this.cells.values()) {
      if (cell.size === 0) continue;
      const most = squareCeiling(cell.south, cell.west, CELL_DEGREES, cell.travelKm, lat, lng, ceiling);
      if (most !== -Infinity) found.push({ cell, ceiling: most });
    }
    return found.sort((a, b) => b.ceiling - a.ceiling);
  }

  private leave(at: number): void {
    const block = this.blockOf[at];
    if (!block) return;
    const moved = block.removeAt(this.slotOf[at]);
    if (moved >= 0) this.slotOf[moved] = this.slotOf[at];
    this.blockOf[at] = undefined;
  }
}
