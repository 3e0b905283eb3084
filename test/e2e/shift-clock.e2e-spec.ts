import type { Queue } from 'bullmq';
import request from 'supertest';
import { minutesFromNow, verifiedEmployer } from '../support/employers';
import { startMarket, type Market } from '../support/market';
import { bearer, shiftInput } from '../support/people';
import { waitFor } from '../support/wait-for';

/** In progress and completed follow the clock: a tick the worker schedules, applied by job-posting. */
describe('shifts follow the clock', () => {
  let market: Market;
  let clock: Queue;

  beforeAll(async () => {
    market = await startMarket();
    clock = market.queue('shift-clock');
  });
  afterAll(async () => {
    await clock.close();
    await market.close();
  });

  const statusOf = async (id: string) => (await market.db.query(`SELECT status FROM shifts WHERE id = $1`, [id])).rows[0].status as string;

  it('the worker has scheduled the tick', async () => {
    const schedulers = await waitFor(
      'the shift-clock scheduler',
      () => clock.getJobSchedulers(),
      (list) => list.length === 1,
    );
    expect(schedulers[0]).toMatchObject({ key: 'shift-clock', every: 60_000 });
  });

  it('moves an open shift to in progress at its start and to completed at its end', async () => {
    const employer = await verifiedEmployer(market, '13600000051');
    const shift = (
      await request(market.url)
        .post('/api/shifts')
        .set(bearer(employer.token))
        .send(shiftInput({ publish: true, startsAt: minutesFromNow(20), endsAt: minutesFromNow(260) }))
        .expect(201)
    ).body as { id: string };

    await market.db.query(`UPDATE shifts SET starts_at = now() - interval '1 minute' WHERE id = $1`, [shift.id]);
    await clock.add('shift-clock.tick', {});
    await waitFor(
      'the shift to start',
      () => statusOf(shift.id),
      (status) => status === 'in_progress',
    );

    await market.db.query(`UPDATE shifts SET ends_at = now() - interval '1 second' WHERE id = $1`, [shift.id]);
    await clock.add('shift-clock.tick', {});
    await waitFor(
      'the shift to complete',
      () => statusOf(shift.id),
      (status) => status === 'completed',
    );
    const open = await request(market.url).get('/api/shifts').expect(200);
    expect(open.body.items.map((s: { id: string }) => s.id)).not.toContain(shift.id);
    const completed = await request(market.url).get('/api/shifts').query({ status: 'completed' }).expect(200);
    expect(completed.body.items.map((s: { id: string }) => s.id)).toContain(shift.id);
  });
});
