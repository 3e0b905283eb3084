import request from 'supertest';
import { verifiedEmployer } from '../support/employers';
import { startMarket, type Market } from '../support/market';
import { bearer, shiftInput } from '../support/people';

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
});
