import request from 'supertest';
import { startMarket, type Market } from '../support/market';
import { bearer, signIn, signInAdmin } from '../support/people';

/** Bull Board on the worker app, for staff only. */
describe('queue board', () => {
  let market: Market;

  beforeAll(async () => {
    market = await startMarket();
  });
  afterAll(async () => {
    await market.close();
  });

  it('shows staff every queue and refuses everyone else', async () => {
    const admin = await signInAdmin(market);
    const queues = await request(market.apps.worker!).get('/queues/api/queues').set(bearer(admin)).expect(200);
    expect(queues.body.queues.map((queue: { name: string }) => queue.name).sort()).toEqual(['booking-reminders', 'domain-events', 'kiosk-board', 'notifications', 'offer-expiry', 'shift-clock']);
    const page = await request(market.apps.worker!).get('/queues').query({ token: admin }).expect(200);
    expect(page.text).toContain('<html');

    const refused = await request(market.apps.worker!).get('/queues/api/queues').expect(401);
    expect(refused.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    const worker = await signIn(market, '13700000095', 'worker');
    await request(market.apps.worker!).get('/queues/api/queues').set(bearer(worker)).expect(403);
    await request(market.apps.worker!).get('/queues').query({ token: 'forged' }).expect(401);
  });
});
