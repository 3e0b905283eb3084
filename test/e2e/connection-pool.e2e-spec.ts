import { JwtService } from '@nestjs/jwt';
import request from 'supertest';
import { readEnvFile } from '@lingong/config';
import { verifiedEmployer } from '../support/employers';
import { startMarket, type Market } from '../support/market';
import { bearer, seekerWithProfile, shiftInput } from '../support/people';

/**
 * Each service holds at most DATABASE_POOL_SIZE connections (10). A transaction that took a second
 * connection for a look-up while holding its first starved the pool once ten ran at once: every one
 * waited for an eleventh and the service hung (the kiosk drill's ten parallel cancellations). Work
 * inside a transaction uses its connection; twenty at once all finish.
 */
describe('the connection pool under many transactions at once', () => {
  let market: Market;
  beforeAll(async () => {
    market = await startMarket();
  });
  afterAll(() => market.close());

  it('publishes and cancels twenty shifts at once', async () => {
    const employer = await verifiedEmployer(market, '13600000951');
    const drafts = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        request(market.url)
          .post('/api/shifts')
          .set(bearer(employer.token))
          .send(shiftInput({ headcount: 1, title: `并发 ${i}` }, 2 + (i % 5)))
          .expect(201),
      ),
    );
    const ids = drafts.map((draft) => draft.body.id as string);
    const published = await Promise.all(ids.map((id) => request(market.url).post(`/api/shifts/${id}/publish`).set(bearer(employer.token))));
    expect(published.map((answer) => answer.status)).toEqual(ids.map(() => 200));
    const cancelled = await Promise.all(
      ids.map((id) => request(market.url).post(`/api/shifts/${id}/cancel`).set(bearer(employer.token)).send({ reason: '订单取消' })),
    );
    expect(cancelled.map((answer) => answer.status)).toEqual(ids.map(() => 200));
  }, 60_000);

  it('sends twenty offers at once (matching reads the shift on the offer’s own connection)', async () => {
    const employer = await verifiedEmployer(market, '13600000952');
    const shifts = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        request(market.url)
          .post('/api/shifts')
          .set(bearer(employer.token))
          .send(shiftInput({ headcount: 1, title: `邀请 ${i}`, publish: true }, 2 + (i % 5)))
          .expect(201),
      ),
    );
    // Far from every shift, so the matching runs offer them nothing: the offers below are the only ones.
    const seekers = [
      await seekerWithProfile(market, '13700000952', { lat: 29.5, lng: 121.5 }),
      await seekerWithProfile(market, '13700000953', { lat: 29.5, lng: 121.5 }),
    ];
    const offers = (
      await market.db.query(
        `INSERT INTO offers (shift_id, worker_id, phone, score, expires_at)
         SELECT s.id, w.id, w.phone, 50, now() + interval '1 hour' FROM unnest($1::uuid[]) AS s(id), workers w WHERE w.id = ANY($2::uuid[])
         RETURNING id`,
        [shifts.map((shift) => shift.body.id as string), seekers.map((seeker) => seeker.id)],
      )
    ).rows as { id: string }[];
    expect(offers).toHaveLength(20);
    const env = { ...readEnvFile(), ...process.env } as Record<string, string>;
    const token = await new JwtService({ secret: env.JWT_SECRET }).signAsync({ sub: 'service:worker', phone: '', role: 'service' });
    // Twenty sends at once, each its own transaction (as twenty workers' jobs would be).
    const sent = await Promise.all(
      offers.map(({ id }) =>
        request(market.apps.matching)
          .post('/api/internal/offers/send')
          .set(bearer(token))
          .send({ offerIds: [id] }),
      ),
    );
    expect(sent.map((answer) => [answer.status, answer.body.decisions?.[0]?.action])).toEqual(offers.map(() => [200, 'send']));
  }, 60_000);
});
