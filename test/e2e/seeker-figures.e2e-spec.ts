import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { readEnvFile } from '@lingong/config';
import { seedBenchDatabase } from '../../bench/seed';
import { createCliDataSource } from '../../scripts/data-source';
import { createTestDatabase, dropTestDatabase } from '../support/test-database';

/**
 * Seekers' figures (migration 1796700100000) are what counting their bookings gives, however the
 * bookings got there and whatever happens to them afterwards: inserted in bulk, completed, marked
 * no-show, cancelled late, moved to another seeker, deleted.
 */
const recount = `
  SELECT b.worker_id::text AS worker, count(*) FILTER (WHERE b.status = 'completed')::int AS completed,
         count(*) FILTER (WHERE b.status = 'no_show')::int AS no_shows,
         count(*) FILTER (WHERE b.status = 'cancelled' AND b.cancelled_by = 'worker' AND b.late_cancellation)::int AS late_cancellations
    FROM bookings b GROUP BY b.worker_id`;
const recountDaily = `
  SELECT worker_id::text AS worker, (ends_at AT TIME ZONE 'Asia/Shanghai')::date::text AS day,
         sum(coalesce(minutes_worked, 0))::int AS minutes, sum(coalesce(pay_owed_fen, 0))::bigint::text AS earnings
    FROM bookings WHERE status = 'completed' GROUP BY 1, 2`;

describe('seeker figures', () => {
  let database: string;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = createCliDataSource({ ...readEnvFile(), ...process.env, DATABASE_NAME: database, DATABASE_POOL_SIZE: '2' });
    await dataSource.initialize();
    await seedBenchDatabase(dataSource, { seekers: 800, openShifts: 10, employersPerStreet: 1, bookedShare: 0.5 }, () => undefined);
  }, 120_000);
  afterAll(async () => {
    await dataSource?.destroy();
    if (database) await dropTestDatabase(database);
  });

  async function expectFiguresToMatchBookings() {
    const kept = (await dataSource.query(
      `SELECT worker_id::text AS worker, completed, no_shows, late_cancellations FROM seeker_figures
        WHERE completed <> 0 OR no_shows <> 0 OR late_cancellations <> 0 ORDER BY 1`,
    )) as unknown[];
    const counted = (await dataSource.query(
      `SELECT * FROM (${recount}) c WHERE completed <> 0 OR no_shows <> 0 OR late_cancellations <> 0 ORDER BY 1`,
    )) as unknown[];
    expect(kept).toEqual(counted);
    const keptDaily = (await dataSource.query(
      `SELECT worker_id::text AS worker, market_day::text AS day, minutes_worked AS minutes, earnings_fen::text AS earnings
         FROM seeker_work_daily WHERE minutes_worked <> 0 OR earnings_fen <> 0 ORDER BY 1, 2`,
    )) as unknown[];
    const countedDaily = (await dataSource.query(
      `SELECT * FROM (${recountDaily}) c WHERE minutes <> 0 OR earnings <> '0' ORDER BY 1, 2`,
    )) as unknown[];
    expect(keptDaily).toEqual(countedDaily);
    return { seekers: counted.length, days: countedDaily.length };
  }

  it('match the bookings as seeded', async () => {
    const { seekers, days } = await expectFiguresToMatchBookings();
    expect(seekers).toBeGreaterThan(50);
    expect(days).toBeGreaterThan(50);
  });

  it('follow every change of a booking: status, lateness, minutes and pay, the seeker, deletion', async () => {
    const ids = ((await dataSource.query(`SELECT id FROM bookings ORDER BY id LIMIT 60`)) as { id: string }[]).map((row) => row.id);
    expect(ids.length).toBe(60);
    const some = (from: number) => ids.slice(from, from + 10);
    await dataSource.query(`UPDATE bookings SET status = 'no_show' WHERE id = ANY($1)`, [some(0)]);
    await dataSource.query(
      `UPDATE bookings SET status = 'cancelled', cancelled_by = 'worker', late_cancellation = true WHERE id = ANY($1)`,
      [some(10)],
    );
    await dataSource.query(`UPDATE bookings SET late_cancellation = NOT late_cancellation WHERE id = ANY($1) AND status = 'cancelled'`, [
      some(10),
    ]);
    await dataSource.query(
      `UPDATE bookings SET status = 'completed', minutes_worked = 300, pay_owed_fen = 12345, checked_in_at = starts_at, checked_out_at = ends_at
        WHERE id = ANY($1)`,
      [some(20)],
    );
    await dataSource.query(`UPDATE bookings SET pay_owed_fen = pay_owed_fen + 1, minutes_worked = minutes_worked + 5 WHERE id = ANY($1)`, [
      some(20),
    ]);
    // An update touching none of the inputs, then a booking moved to a seeker with none: the old one loses it.
    await dataSource.query(`UPDATE bookings SET paid_at = now() WHERE id = ANY($1)`, [some(30)]);
    await dataSource.query(
      `UPDATE bookings b SET worker_id = (SELECT w.id FROM workers w WHERE NOT EXISTS (SELECT 1 FROM bookings o WHERE o.worker_id = w.id) LIMIT 1)
        WHERE b.id = $1`,
      [ids[40]],
    );
    await dataSource.query(`DELETE FROM bookings WHERE id = ANY($1)`, [some(50)]);
    await expectFiguresToMatchBookings();
  });
});
