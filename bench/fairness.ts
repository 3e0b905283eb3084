import type { DataSource } from 'typeorm';
import { defaultWeights } from '@lingong/matching-engine';
import { loadSeekers, loadShifts } from '../scripts/bench/load';
import { monthOfShifts, simulateMonth, type MonthResult } from '../scripts/bench/month';
import { seededRandom, shuffled } from '../scripts/bench/util';
import type { Progress } from './progress';

/**
 * The simulated month (scripts/bench/month.ts: the engine in-process, day after day, each shift
 * filled top down from the seekers the service would admit) with fairness at its weight and at 0:
 * what fairness does for the seekers and what it costs the employers.
 */

export interface FairnessFigures {
  seekers: number;
  days: number;
  shifts: number;
  places: number;
  on: MonthResult;
  off: MonthResult;
}

export async function benchFairness(
  progress: Progress,
  db: DataSource,
  options: { seekers: number; days: number; shiftsPerDay: number; seed: number },
): Promise<FairnessFigures> {
  const random = seededRandom(options.seed);
  const now = new Date();
  const activeIds = (
    (await db.query(`SELECT id FROM workers WHERE status = 'active' AND phone IS NOT NULL AND location IS NOT NULL ORDER BY id`)) as {
      id: string;
    }[]
  ).map((r) => r.id);
  const seekers = await loadSeekers(db, shuffled(activeIds, random).slice(0, options.seekers), now);
  const shapeIds = ((await db.query(`SELECT id FROM shifts WHERE status = 'open' ORDER BY id`)) as { id: string }[]).map((r) => r.id);
  const month = monthOfShifts(await loadShifts(db, shapeIds), { days: options.days, perDay: options.shiftsPerDay, start: now, random });
  const shifts = month.reduce((sum, day) => sum + day.length, 0);
  const places = month.reduce((sum, day) => sum + day.reduce((s, shift) => s + shift.remaining, 0), 0);
  const [on, off] = await progress.task(`fairness: a simulated month, ${seekers.length} seekers, on and off`, 2, async (tick) => {
    const withFairness = simulateMonth(seekers, month, defaultWeights);
    tick(1);
    // Let the bar draw between the two halves.
    await new Promise((resolve) => setImmediate(resolve));
    const without = simulateMonth(seekers, month, { ...defaultWeights, fairness: 0 });
    tick(2);
    return [withFairness, without] as const;
  });
  for (const [name, r] of [
    ['on ', on],
    ['off', off],
  ] as const) {
    progress.log(
      `  fairness ${name}: Gini of hours ${r.hoursGini.toFixed(3)}; chosen people's score without the fairness part ${r.chosenScoreWithoutFairness.toFixed(2)}; ` +
        `${(r.atLeastHalfShare * 100).toFixed(1)}% of seekers got at least half an equal share of the hours; ${r.filled}/${r.places} places filled`,
    );
  }
  return { seekers: seekers.length, days: options.days, shifts, places, on, off };
}
