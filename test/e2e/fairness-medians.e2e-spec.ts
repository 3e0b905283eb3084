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
});
