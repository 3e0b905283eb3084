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
 * The nearest-first ranking against scoring every eligible seeker, on the benchmark's seeded market
 * (seekers around Longwan's streets, most of them with nothing against them but distance): the
 * same top 20, in the same order with the same scores, for staff and for employers, and for offers
 * (only SMS takers, minus those already asked).
 */
describe('candidate ranking, nearest-first', () => {
  let database: string;
  let dataSource: DataSource;
  let repository: CandidatesRepository;
  let service: CandidatesService;
  let shifts: ShiftRow[];
  const now = new Date();

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = createCliDataSource({ ...readEnvFile(), ...process.env, DATABASE_NAME: database, DATABASE_POOL_SIZE: '2' });
    await dataSource.initialize();
    await seedBenchDatabase(dataSource, { seekers: 6000, openShifts: 40, employersPerStreet: 1, bookedShare: 0.3 }, () => undefined);
    repository = new CandidatesRepository(dataSource);
    service = new CandidatesService(repository, new SeekerPool(dataSource), new Clock());
    const ids = (await dataSource.query(`SELECT id FROM shifts WHERE status = 'open' ORDER BY id`)) as { id: string }[];
    shifts = (await Promise.all(ids.map(({ id }) => repository.shift(id)))) as ShiftRow[];
  }, 120_000);
  afterAll(async () => {
    await dataSource?.destroy();
    if (database) await dropTestDatabase(database);
  });

  it('returns the exhaustive top 20 for every open shift, staff and employer, reading fewer seekers', async () => {
    const context = await service.fairnessContext(now);
    let read = 0;
    let eligible = 0;
    for (const shift of shifts) {
      const everyone = await allEligible(dataSource, shift.id, now);
      const staff = await service.topCandidates(shift, now, { limit: 20 });
      expect(staff.ranked.map((c) => [c.seeker.id, c.score])).toEqual(
        rankCandidates(shift, everyone, context, defaultWeights)
          .slice(0, 20)
          .map((c) => [c.seeker.id, c.score]),
      );
      const employer = await service.topCandidates(shift, now, { limit: 20, audience: 'employer' });
      expect(employer.ranked.map((c) => [c.seeker.id, c.score])).toEqual(
        rankCandidates(shift, everyone, context, defaultWeights, 'employer')
          .slice(0, 20)
          .map((c) => [c.seeker.id, c.score]),
      );
      read += staff.stats.read;
      eligible += everyone.length;
    }
    expect(eligible).toBeGreaterThan(shifts.length * 20);
    expect(read).toBeLessThan(eligible);
  }, 120_000);

  it('offers: the best SMS takers not yet asked, as an exhaustive ranking of them would choose', async () => {
    const context = await service.fairnessContext(now);
    const consenting = new Set(
      ((await dataSource.query(`SELECT id FROM workers WHERE consent_sms AND sms_opt_out_at IS NULL`)) as { id: string }[]).map(
        (r) => r.id,
      ),
    );
    for (const shift of shifts.slice(0, 10)) {
      const everyone = (await allEligible(dataSource, shift.id, now)).filter((s) => consenting.has(s.id));
      const best = rankCandidates(shift, everyone, context, defaultWeights);
      // The first five were asked already: the next seven come after them.
      const asked = new Set(best.slice(0, 5).map((c) => c.seeker.id));
      const walked = await service.topCandidates(shift, now, { limit: 7, smsConsent: true, exclude: asked });
      expect(walked.ranked.map((c) => c.seeker.id)).toEqual(best.slice(5, 12).map((c) => c.seeker.id));
    }
  }, 120_000);
});
