import request from 'supertest';
import { verifiedEmployer } from '../support/employers';
import { startMarket, type Market } from '../support/market';
import { bearer, shiftInput, signIn, workerInput } from '../support/people';
import { waitFor } from '../support/wait-for';

/** Alerts about new gigs are capped per phone per day; the cap here is 1 (SMS_ALERTS_PER_PHONE_PER_DAY). */
describe('per-phone alert limit', () => {
  let market: Market;

  beforeAll(async () => {
    process.env.SMS_ALERTS_PER_PHONE_PER_DAY = '1';
    market = await startMarket();
    delete process.env.SMS_ALERTS_PER_PHONE_PER_DAY;
  });
  afterAll(async () => {
    await market.close();
  });

  it('sends the first alert of the day and not the second', async () => {
    const seeker = await signIn(market, '13700000091', 'worker');
    const everyDay = Array.from({ length: 7 }, (_, i) => ({ day: i + 1, start: '06:00', end: '22:00' }));
    await request(market.url).post('/api/workers').set(bearer(seeker)).send(workerInput({ availability: everyDay })).expect(201);
    const employer = await verifiedEmployer(market, '13600000091');
    const shifts: string[] = [];
    for (const daysAhead of [2, 3]) {
      shifts.push((await request(market.url).post('/api/shifts').set(bearer(employer.token)).send(shiftInput({ publish: true }, daysAhead)).expect(201)).body.id);
    }
    // The matching run follows the alerts in the same handler: offers for both shifts mean both alerts were decided.
    await waitFor(
      'both shifts to be handled',
      async () => (await market.db.query(`SELECT count(DISTINCT shift_id)::int AS n FROM offers WHERE shift_id = ANY($1)`, [shifts])).rows[0].n as number,
      (handled) => handled === 2,
    );
    const alerts = await market.db.query(`SELECT count(*)::int AS n FROM notifications WHERE kind = 'shift_alert' AND phone = '13700000091'`);
    expect(alerts.rows[0].n).toBe(1);
    // Offers are personal questions, not alerts: both reach the seeker.
    await waitFor(
      'both offers to be written',
      async () => (await market.db.query(`SELECT count(*)::int AS n FROM notifications WHERE kind = 'offer' AND phone = '13700000091'`)).rows[0].n as number,
      (offers) => offers === 2,
    );
  });
});
