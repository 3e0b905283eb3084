import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { readEnvFile } from '@lingong/config';
import { defaultWeights, rankCandidates } from '@lingong/matching-engine';
import { Clock } from '@lingong/platform';
import { CandidatesRepository, type ShiftRow } from '../../apps/matching/src/candidates/candidates.repository';
import { CandidatesService } from '../../apps/matching/src/candidates/candidates.service';
import { SeekerPool } from '../../apps/matching/src/candidates/seeker-pool';
import { allEligible } from '../../scripts/bench/load';
import { seedBenchDatabase } from '../../bench/seed';
import { createCliDataSource } from '../../scripts/data-source';
import { createTestDatabase, dropTestDatabase } from '../support/test-database';

/**
 * Matching's in-memory pool of seekers answers every ranking as the database stands at that
 * moment: a profile saved, a seeker erased, a booking's outcome, even a write whose transaction
 * commits after the pool's last look, counts in the next ranking, on every instance (two pools
 * here, as two matching processes would hold).
 */
describe('the seeker pool', () => {
  let database: string;
  let dataSource: DataSource;
  let repository: CandidatesRepository;
  let first: CandidatesService;
  let second: CandidatesService;
  let shift: ShiftRow;
  const now = new Date();

  const exhaustiveTop = async (limit = 20) => {
    const context = await first.fairnessContext(now);
    return rankCandidates(shift, await allEligible(dataSource, shift.id, now), context, defaultWeights)
      .slice(0, limit)
      .map((c) => [c.seeker.id, c.score]);
  };
  const poolTop = async (service: CandidatesService, limit = 20) =>
    (await service.topCandidates(shift, now, { limit })).ranked.map((c) => [c.seeker.id, c.score]);

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = createCliDataSource({ ...readEnvFile(), ...process.env, DATABASE_NAME: database, DATABASE_POOL_SIZE: '4' });
    await dataSource.initialize();
    await seedBenchDatabase(dataSource, { seekers: 3000, openShifts: 10, employersPerStreet: 1, bookedShare: 0.3 }, () => undefined);
    repository = new CandidatesRepository(dataSource);
    first = new CandidatesService(repository, new SeekerPool(dataSource), new Clock());
    second = new CandidatesService(repository, new SeekerPool(dataSource), new Clock());
    const [{ id }] = (await dataSource.query(
      `SELECT id FROM shifts WHERE status = 'open' AND cardinality(required_skills) = 0 ORDER BY id LIMIT 1`,
    )) as { id: string }[];
    shift = (await repository.shift(id))!;
  }, 120_000);
  afterAll(async () => {
    await dataSource?.destroy();
    if (database) await dropTestDatabase(database);
  });

  it('ranks as the database stands after each change, on both instances', async () => {
    expect(await poolTop(first)).toEqual(await exhaustiveTop());
    expect(await poolTop(second)).toEqual(await exhaustiveTop());

    // A seeker far down the list moves next door and gains ten years in the shift's category.
    const [{ id: mover }] = (await dataSource.query(
      `SELECT id FROM workers w WHERE status = 'active' AND NOT EXISTS (SELECT 1 FROM seeker_figures f WHERE f.worker_id = w.id)
        ORDER BY id DESC LIMIT 1`,
    )) as { id: string }[];
    await dataSource.query(
      `UPDATE workers SET lat = $2, lng = $3, skills = jsonb_build_array(jsonb_build_object('code', $4::text, 'years', 10)),
              expected_daily_pay_fen = NULL, max_distance_km = 30,
              availability = (SELECT jsonb_agg(jsonb_build_object('day', d, 'start', '00:00', 'end', '24:00')) FROM generate_series(1, 7) d)
        WHERE id = $1`,
      [mover, shift.lat, shift.lng, shift.category],
    );
    const afterMove = await exhaustiveTop();
    expect(afterMove.map(([id]) => id)).toContain(mover);
    expect(await poolTop(first)).toEqual(afterMove);
    expect(await poolTop(second)).toEqual(afterMove);

    // The best of them is erased: gone at once from both.
    const best = afterMove[0]![0] as string;
    await dataSource.query(`UPDATE workers SET status = 'erased', name = '已删除', phone = NULL WHERE id = $1`, [best]);
    const afterErasure = await exhaustiveTop();
    expect(afterErasure.map(([id]) => id)).not.toContain(best);
    expect(await poolTop(first)).toEqual(afterErasure);
    expect(await poolTop(second)).toEqual(afterErasure);

    // The next one's booking record turns bad (as job-posting's trigger would keep it): reliability falls.
    const next = afterErasure[0]![0] as string;
    await dataSource.query(
      `INSERT INTO seeker_figures (worker_id, completed, no_shows, late_cancellations) VALUES ($1, 0, 9, 0)
       ON CONFLICT (worker_id) DO UPDATE SET no_shows = 9`,
      [next],
    );
    const afterNoShows = await exhaustiveTop();
    expect(afterNoShows[0]![0]).not.toBe(next);
    expect(await poolTop(first)).toEqual(afterNoShows);
    expect(await poolTop(second)).toEqual(afterNoShows);
  }, 60_000);

  it('sees a write whose transaction commits after the pool has looked', async () => {
    const [{ id: late }] = (await dataSource.query(
      `SELECT id FROM workers w WHERE status = 'active' AND NOT EXISTS (SELECT 1 FROM seeker_figures f WHERE f.worker_id = w.id)
        ORDER BY id DESC OFFSET 5 LIMIT 1`,
    )) as { id: string }[];
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await runner.query(
        `UPDATE workers SET lat = $2, lng = $3, skills = jsonb_build_array(jsonb_build_object('code', $4::text, 'years', 12)),
                expected_daily_pay_fen = NULL, max_distance_km = 30,
                availability = (SELECT jsonb_agg(jsonb_build_object('day', d, 'start', '00:00', 'end', '24:00')) FROM generate_series(1, 7) d)
          WHERE id = $1`,
        [late, shift.lat, shift.lng, shift.category],
      );
      // The pool looks (and sees nothing yet) while the write is uncommitted.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await poolTop(first)).map(([id]) => id)).not.toContain(late);
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
    const expected = await exhaustiveTop();
    expect(expected.map(([id]) => id)).toContain(late);
    expect(await poolTop(first)).toEqual(expected);
  }, 60_000);
});
