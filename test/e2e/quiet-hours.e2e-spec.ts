import request from 'supertest';
import { verifiedEmployer } from '../support/employers';
import { startMarket, type Market } from '../support/market';
import { bearer, shiftInput, signIn, workerInput } from '../support/people';
import { waitFor } from '../support/wait-for';

/** Quiet hours defer gig alerts (not drop them); sign-in codes still go at once. */
describe('SMS quiet hours', () => {
  let market: Market;
  // A quiet window from an hour ago to two hours ahead, market time, whenever the test runs.
  const hhmm = (offsetHours: number) => new Date(Date.now() + (8 + offsetHours) * 3_600_000).toISOString().slice(11, 16);
  const quietUntil = hhmm(2);

  beforeAll(async () => {
    market = await startMarket({ quietHours: `${hhmm(-1)}-${quietUntil}` });
  });
  afterAll(async () => {
    await market.close();
  });

  it('keeps an alert queued until the quiet hours end, while sign-in codes are sent', async () => {
    const seeker = await signIn(market, '13700000071', 'worker'); // the code arrived: urgent messages pass
    await request(market.url).post('/api/workers').set(bearer(seeker)).send(workerInput()).expect(201);
    const employer = await verifiedEmployer(market, '13600000071');
    await request(market.url)
      .post('/api/shifts')
      .set(bearer(employer.token))
      .send(shiftInput({ publish: true }))
      .expect(201);

    const [alert] = await waitFor(
      'the alert to be written',
      async () => (await market.db.query(`SELECT status, send_after, batch_id FROM notifications WHERE kind = 'shift_alert'`)).rows,
      (rows) => rows.length === 1,
    );
    expect(alert.status).toBe('queued');
    // The shift's alerts job waits for the morning (delayed, not failed), to send them then.
    const alerts = market.queue('notifications');
    await waitFor(
      'the alerts job to wait for the morning',
      () => alerts.getJobState(alert.batch_id as string),
      (state) => state === 'delayed',
    );
    const waiting = (await alerts.getJob(alert.batch_id as string))!;
    expect(waiting.failedReason).toBeFalsy();
    expect(waiting.attemptsMade).toBe(0);
    await alerts.close();
    const local = new Date(new Date(alert.send_after as Date).getTime() + 8 * 3_600_000);
    expect(local.toISOString().slice(11, 16)).toBe(quietUntil);
    const otp = await market.db.query(`SELECT status FROM notifications WHERE kind = 'otp' AND phone = '13700000071'`);
    expect(otp.rows[0].status).toBe('sent');
  });
});
