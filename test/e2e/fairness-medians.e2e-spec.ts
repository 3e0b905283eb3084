import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { readEnvFile } from '@lingong/config';
import { Clock } from '@lingong/platform';
import { CandidatesRepository } from '../../apps/matching/src/candidates/candidates.repository';
import { CandidatesService, FAIRNESS_MEDIANS_REFRESH_MS } from '../../apps/matching/src/candidates/candidates.service';
import { SeekerPool } from '../../apps/matching/src/candidates/seeker-pool';
import { seedBenchDatabase } from '../../bench/seed';
import { createCliDataSource } from '../../scripts/data-source';
import { createTestDatabase, dropTestDatabase } from '../support/test-database';

/** A clock the test moves. */
class TestClock extends Clock {
  constructor(public at: Date) {
    super();
  }
  override now(): Date {
    return this.at;
  }
}

/** The medians straight from the bookings: completed work ending in the last 30 market days, over active seekers. */
const fromBookings = `
  SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) AS hours, percentile_cont(0.5) WITHIN GROUP (ORDER BY earnings) AS earnings
    FROM (SELECT coalesce(sum(b.minutes_worked), 0) / 60.0 AS hours, coalesce(sum(b.pay_owed_fen), 0) AS earnings
            FROM workers w LEFT JOIN bookings b ON b.worker_id = w.id AND b.status = 'completed'
                 AND (b.ends_at AT TIME ZONE 'Asia/Shanghai')::date > ($1::timestamptz AT TIME ZONE 'Asia/Shanghai')::date - 30
           WHERE w.status = 'active' GROUP BY w.id) per_seeker`;

describe('fairness medians, stored', () => {
  let database: string;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = createCliDataSource({ ...readEnvFile(), ...process.env, DATABASE_NAME: database, DATABASE_POOL_SIZE: '2' });
    await dataSource.initialize();
    // Most seekers with work this month, so the medians are not 0.
    await seedBenchDatabase(dataSource, { seekers: 600, openShifts: 5, employersPerStreet: 1, bookedShare: 0.9 }, () => undefined);
  }, 120_000);
  afterAll(async () => {
    await dataSource?.destroy();
    if (database) await dropTestDatabase(database);
  });

  it('are computed once and stored, read by rankings, and recomputed by the sweep only once they are old', async () => {
    const clock = new TestClock(new Date());
    const repository = new CandidatesRepository(dataSource);
    const service = new CandidatesService(repository, new SeekerPool(dataSource), clock);
    const expected = async (at: Date) => {
      const [row] = (await dataSource.query(fromBookings, [at])) as { hours: number; earnings: number }[];
      return { medianHoursLast30Days: Number(row.hours), medianEarningsLast30DaysFen: Number(row.earnings) };
    };

    expect(await repository.storedFairnessContext()).toBeNull();
    const first = await service.fairnessContext(clock.now());
    expect(first).toEqual(await expected(clock.now()));
    expect(first.medianHoursLast30Days).toBeGreaterThan(0);
    expect(first.medianEarningsLast30DaysFen).toBeGreaterThan(0);
    expect((await repository.storedFairnessContext())?.context).toEqual(first);

    // Every active seeker with no work this month: the medians fall to 0, but only when refreshed.
    await dataSource.query(`UPDATE bookings SET status = 'no_show' WHERE status = 'completed'`);
    expect(await service.refreshFairnessMedians()).toEqual({ refreshed: false });
    expect(await new CandidatesService(repository, new SeekerPool(dataSource), clock).fairnessContext(clock.now())).toEqual(first);

    clock.at = new Date(clock.at.getTime() + FAIRNESS_MEDIANS_REFRESH_MS + 1_000);
    expect(await service.refreshFairnessMedians()).toEqual({ refreshed: true });
    const stored = await repository.storedFairnessContext();
    expect(stored?.computedAt.getTime()).toBe(clock.at.getTime());
    expect(stored?.context).toEqual({ medianHoursLast30Days: 0, medianEarningsLast30DaysFen: 0 });
    expect(await service.fairnessContext(clock.now())).toEqual(stored?.context);
  });

  it('equal percentile_cont over every active seeker when the middle falls among the seekers without work, or on the edge', async () => {
    // The first test left no completed work; give it back (the seeded no-shows have no minutes worked).
    await dataSource.query(`UPDATE bookings SET status = 'completed' WHERE status = 'no_show' AND minutes_worked IS NOT NULL`);
    const repository = new CandidatesRepository(dataSource);
    const now = new Date();
    const [{ active }] = (await dataSource.query(`SELECT count(*)::int AS active FROM workers WHERE status = 'active'`)) as {
      active: number;
    }[];
    const half = Math.floor(active / 2);
    const seen: { seekersWithWork: number; medians: unknown }[] = [];
    // Fewer seekers with work each time: just over half, exactly half (the middle straddles the zeros'
    // edge when the count is even), just under half, a quarter, none.
    const withWork = `SELECT b.worker_id FROM bookings b JOIN workers w ON w.id = b.worker_id AND w.status = 'active'
                       WHERE b.status = 'completed'
                         AND (b.ends_at AT TIME ZONE 'Asia/Shanghai')::date > ($1::timestamptz AT TIME ZONE 'Asia/Shanghai')::date - 30
                       GROUP BY b.worker_id`;
    for (const keep of [half + 1, half, half - 1, Math.floor(active / 4), 0]) {
      await dataSource.query(
        `UPDATE bookings SET status = 'no_show' WHERE status = 'completed' AND worker_id NOT IN (${withWork} ORDER BY b.worker_id LIMIT $2)`,
        [now, keep],
      );
      const [row] = (await dataSource.query(fromBookings, [now])) as { hours: number; earnings: number }[];
      const medians = await repository.refreshFairnessContext(now);
      expect(medians).toEqual({ medianHoursLast30Days: Number(row.hours), medianEarningsLast30DaysFen: Number(row.earnings) });
      const [{ seekersWithWork }] = (await dataSource.query(`SELECT count(*)::int AS "seekersWithWork" FROM (${withWork}) w`, [now])) as {
        seekersWithWork: number;
      }[];
      seen.push({ seekersWithWork, medians });
    }
    // The steps did what they say, and the medians moved through non-zero figures to 0.
    expect(seen.map((step) => step.seekersWithWork)).toEqual([half + 1, half, half - 1, Math.floor(active / 4), 0]);
    expect(seen[0].medians).not.toEqual({ medianHoursLast30Days: 0, medianEarningsLast30DaysFen: 0 });
    expect(seen[4].medians).toEqual({ medianHoursLast30Days: 0, medianEarningsLast30DaysFen: 0 });
  });
});
