import { haversineKm, scoreCeiling, seededRandom, defaultWeights } from '@lingong/matching-engine';
import { SeekerGrid } from './seeker-grid';

/** The grid must never hide an eligible seeker, give a cell or block a ceiling below one of its own, or mix up their rows. */
describe('SeekerGrid', () => {
  const ceiling = scoreCeiling(defaultWeights, 'staff');

  it('keeps every seeker and their row in the block of where they live and travel, through moves, leavers and the pool filling gaps', () => {
    const random = seededRandom(5);
    const grid = new SeekerGrid(4);
    // The pool's places: a leaver's place is taken by the last seeker, as SeekerTable.remove does.
    // Each seeker's row is [lat, lng, travel km, a number of their own].
    const pool: { lat: number; lng: number; maxKm: number; tag: number }[] = [];
    let tags = 0;
    const somewhere = () => ({
      // Dense at a street's centre, as markets are, and sparse around it.
      lat: random() < 0.5 ? 27.95 + (random() - 0.5) * 0.01 : 27.9 + random() * 0.2,
      lng: random() < 0.5 ? 120.75 + (random() - 0.5) * 0.01 : 120.7 + random() * 0.2,
      maxKm: [1, 2.5, 5, 8, 20, 60, 100][Math.floor(random() * 7)],
      tag: tags++,
    });
    const put = (at: number) =>
      grid.place(at, pool[at].lat, pool[at].lng, pool[at].maxKm, [pool[at].lat, pool[at].lng, pool[at].maxKm, pool[at].tag]);
    for (let step = 0; step < 8000; step++) {
      const roll = random();
      if (roll < 0.6 || pool.length === 0) {
        pool.push(somewhere());
        put(pool.length - 1);
      } else if (roll < 0.7) {
        // A new row where they were (a profile saved without moving).
        const at = Math.floor(random() * pool.length);
        pool[at] = { ...pool[at], tag: tags++ };
        put(at);
      } else if (roll < 0.8) {
        const at = Math.floor(random() * pool.length);
        pool[at] = somewhere();
        put(at);
      } else {
        const at = Math.floor(random() * pool.length);
        const last = pool.length - 1;
        pool[at] = pool[last];
        pool.pop();
        grid.vacate(at, last);
      }
    }
    expect(pool.length).toBeGreaterThan(1000);

    // Problems are gathered and checked once: an expect per seeker per probe takes half a minute.
    const problems: string[] = [];
    for (let probe = 0; probe < 50; probe++) {
      const shift = probe % 2 ? { lat: 27.95, lng: 120.75 } : { lat: 27.85 + random() * 0.3, lng: 120.65 + random() * 0.3 };
      const cells = grid.cellsFor(shift.lat, shift.lng, ceiling);
      expect(cells.map((c) => c.ceiling)).toEqual([...cells.map((c) => c.ceiling)].sort((a, b) => b - a));
      const found = new Map<number, { blockCeiling: number; row: number[] }>();
      for (const { cell, ceiling: cellCeiling } of cells)
        for (const block of cell.blocks) {
          if (!block) continue;
          const blockCeiling = block.ceilingFor(shift.lat, shift.lng, ceiling);
          if (blockCeiling > cellCeiling) problems.push(`block ceiling ${blockCeiling} above its cell's ${cellCeiling}`);
          for (let k = 0; k < block.size; k++) {
            if (found.has(block.at[k])) problems.push(`${block.at[k]} in two blocks`);
            found.set(block.at[k], { blockCeiling, row: [...block.rows.subarray(4 * k, 4 * k + 4)] });
          }
        }
      // Every place given is someone in the pool now, with their own row.
      for (const [at, { row }] of found)
        if (at >= pool.length || row[3] !== pool[at].tag) problems.push(`place ${at} holds row ${row.join(',')}`);
      pool.forEach((seeker, at) => {
        const km = haversineKm(seeker.lat, seeker.lng, shift.lat, shift.lng);
        if (km > seeker.maxKm) return;
        // Everyone within their travel distance is in a block given, whose ceiling (and its cell's) is
        // at least their own, with the row last placed for them.
        const given = found.get(at);
        const own = [seeker.lat, seeker.lng, seeker.maxKm, seeker.tag].join(',');
        if (!given) problems.push(`${at} (${own}) not given for ${shift.lat},${shift.lng}`);
        else if (given.blockCeiling < ceiling(1, km, seeker.maxKm, 1, 1, 1))
          problems.push(`${at}: block ceiling ${given.blockCeiling} below their own`);
        else if (given.row.join(',') !== own) problems.push(`${at}: row ${given.row.join(',')}, not ${own}`);
      });
    }
    expect(problems).toEqual([]);
  });

  it('refuses a row of the wrong width', () => {
    expect(() => new SeekerGrid(3).place(0, 27.95, 120.75, 5, [1, 2])).toThrow(RangeError);
  });
});
