import request from 'supertest';
import { startMarket, type Market } from '../support/market';
import { bearer, signIn, signInAdmin } from '../support/people';

/** Bull Board on the worker app, for staff only; a browser signs in with a cookie, never a token in the URL. */
describe('queue board', () => {
  let market: Market;
  const board = () => request(market.apps.worker!);

  beforeAll(async () => {
    market = await startMarket();
  });
  afterAll(async () => {
    await market.close();
  });

  it('shows staff every queue and refuses everyone else', async () => {
    const admin = await signInAdmin(market);
    const queues = await board().get('/queues/api/queues').set(bearer(admin)).expect(200);
    expect(queues.body.queues.map((queue: { name: string }) => queue.name).sort()).toEqual([
      'booking-reminders',
      'domain-events',
      'kiosk-board',
      'notifications',
      'offer-expiry',
      'shift-clock',
      'sms-urgent',
      'sweep',
    ]);

    const refused = await board().get('/queues/api/queues').expect(401);
    expect(refused.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    const worker = await signIn(market, '13700000095', 'worker');
    await board().get('/queues/api/queues').set(bearer(worker)).expect(403);
  });

  it('takes no token in the URL', async () => {
    const admin = await signInAdmin(market);
    await board().get('/queues').query({ token: admin }).expect(401);
    await board().get('/queues/api/queues').query({ token: admin }).expect(401);
  });

  it('signs staff in with an HttpOnly, SameSite=Strict cookie for the board, from a Bearer token', async () => {
    const admin = await signInAdmin(market);
    const session = await board().post('/queues/session').set(bearer(admin)).expect(204);
    const cookie = ([] as string[]).concat(session.headers['set-cookie'] ?? [])[0] ?? '';
    expect(cookie).toMatch(/^lingong_queues=[A-Za-z0-9._-]+; Path=\/queues; Max-Age=\d+; HttpOnly; SameSite=Strict$/);
    const value = cookie.split(';')[0]!;

    const page = await board().get('/queues').set('cookie', value).expect(200);
    expect(page.text).toContain('<html');
    await board().get('/queues/api/queues').set('cookie', `theme=dark; ${value}`).expect(200);

    const out = await board().delete('/queues/session').expect(204);
    expect(([] as string[]).concat(out.headers['set-cookie'] ?? [])[0]).toMatch(/^lingong_queues=; Path=\/queues; Max-Age=0/);
  });

  it('signs staff in from the login page’s form, and nobody else', async () => {
    const login = await board().get('/queues/login').expect(200);
    expect(login.text).toContain('<form method="post" action="/queues/session">');
    const admin = await signInAdmin(market);
    const posted = await board().post('/queues/session').type('form').send({ token: admin }).expect(303);
    expect(posted.headers.location).toBe('/queues/');
    expect(([] as string[]).concat(posted.headers['set-cookie'] ?? [])[0]).toMatch(/HttpOnly; SameSite=Strict/);

    const worker = await signIn(market, '13700000096', 'worker');
    const refused = await board().post('/queues/session').set(bearer(worker)).expect(403);
    expect(refused.headers['set-cookie']).toBeUndefined();
    await board().post('/queues/session').type('form').send({ token: 'forged' }).expect(401);
    await board().post('/queues/session').expect(401);
    await board().get('/queues').set('cookie', 'lingong_queues=forged').expect(401);
    await board().get('/queues').set('cookie', `lingong_queues=${worker}`).expect(403);
  });
});
