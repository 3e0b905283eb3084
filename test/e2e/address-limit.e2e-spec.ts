import request from 'supertest';
import { startMarket, type Market } from '../support/market';

/** The per-address sign-in cap counts the address that connected; a forged X-Forwarded-For does not reset it. */
describe('sign-in requests per network address', () => {
  let market: Market;

  beforeAll(async () => {
    process.env.OTP_PER_ADDRESS_PER_HOUR = '3';
    market = await startMarket();
  });
  afterAll(async () => {
    await market.close();
  });

  it('refuses the fourth request in the hour however the client names itself', async () => {
    const ask = (i: number) =>
      request(market.url)
        .post('/api/auth/otp')
        .set('X-Forwarded-For', `203.0.113.${i}`)
        .send({ phone: `1370000020${i}` });
    for (const i of [1, 2, 3]) await ask(i).expect(202);
    const refused = await ask(4).expect(429);
    expect(refused.body).toMatchObject({ code: 'OTP_RATE_LIMITED' });
  });
});
