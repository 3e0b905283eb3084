import { haversineKm, scoreCeiling, seededRandom, defaultWeights } from '@lingong/matching-engine';
import { SeekerGrid } from './seeker-grid';

/** The grid must never hide an eligible seeker, nor give a cell a ceiling below one of its own. */
describe('SeekerGrid', () => {
  const ceiling = scoreCeiling(defaultWeights, 'staff');

  it('keeps every seeker in the cell of where they live and travel, through moves, leavers and the pool filling gaps', () => {
    const random = seededRandom(5);
    const grid = new SeekerGrid();
    // The pool's places: a leaver's place is taken by the last seeker, as SeekerPool.remove does.
    const pool: { lat: number; lng: number; maxKm: number }[] = [];
    const somewhere = () => ({
      lat: 27.9 + random() * 0.2,
      lng: 120.7 + random() * 0.2,
      maxKm: [1, 2.5, 5, 8, 20, 60, 100][Math.floor(random() * 7)],
    });
    for (let step = 0; step < 6000; step++) {
      const roll = random();
      if (roll < 0.6 || pool.length === 0) {
        pool.push(somewhere());
        const at = pool.length - 1;
        grid.place(at, pool[at].lat, pool[at].lng, pool[at].maxKm);
      } else if (roll < 0.8) {
        const at = Math.floor(random() * pool.length);
        pool[at] = somewhere();
        grid.place(at, pool[at].lat, pool[at].lng, pool[at].maxKm);
      } else {
        const at = Math.floor(random() * pool.length);
        const last = pool.length - 1;
        pool[at] = pool[last];
        pool.pop();
        grid.vacate(at, last);
      }
    }
    expect(pool.length).toBeGreaterThan(1000);

    for (let probe = 0; probe < 50; probe++) {
      const shift = { lat: 27.85 + random() * 0.3, lng: 120.65 + random() * 0.3 };
      const cells = grid.cellsFor(shift.lat, shift.lng, ceiling);
      const cellOf = new Map<number, number>();
      cells.forEach((cell, i) => cell.members.forEach((at) => cellOf.set(at, i)));
      expect(cells.map((c) => c.ceiling)).toEqual([...cells.map((c) => c.ceiling)].sort((a, b) => b - a));
      pool.forEach((seeker, at) => {
        const km = haversineKm(seeker.lat, seeker.lng, shift.lat, shift.lng);
        if (km > seeker.maxKm) return;
        // Everyone within their travel distance is in a cell given, whose ceiling is at least their own.
        const i = cellOf.get(at);
        expect(i).toBeDefined();
        expect(cells[i!].ceiling).toBeGreaterThanOrEqual(ceiling(1, km, seeker.maxKm, 1, 1, 1));
      });
      // And nobody is in two cells.
      expect(cells.reduce((n, c) => n + c.members.length, 0)).toBe(cellOf.size);
    }
  });
});
