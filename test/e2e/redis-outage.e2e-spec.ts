import request from 'supertest';
import { startMarket, type Market } from '../support/market';
import { bearer, shiftInput, signIn, signInAdmin, smsTo, waitForSms, workerInput } from '../support/people';
import { TcpProxy } from '../support/tcp-proxy';
import { waitFor } from '../support/wait-for';

/**
 * DESIGN.md: Redis being down never loses an accepted request. The worker's Redis is cut while a
 * shift is published; the API still answers, the event waits in the outbox, and once Redis is
 * back the seeker gets the alert exactly once.
 */
describe('publishing while the worker has no Redis', () => {
  const redis = new TcpProxy(Number(process.env.REDIS_PORT ?? 6379));
  let market: Market;
  const seeker = '13700000011';

  beforeAll(async () => {
    market = await startMarket({ workerRedisPort: await redis.open() });
  });
  afterAll(async () => {
    await market.close();
    await redis.cut();
  });

  it('keeps the event and sends the alert once Redis is back', async () => {
    const worker = await signIn(market, seeker, 'worker');
    await request(market.url).post('/api/workers').set(bearer(worker)).send(workerInput()).expect(201);

    const employer = await signIn(market, '13600000011', 'employer');
    const profile = await request(market.url)
      .post('/api/employers')
      .set(bearer(employer))
      .send({ name: '龙湾物流仓储', contactName: '周主管', street: '永中街道', address: '龙湾区永中街道某物流园' })
      .expect(201);
    await request(market.url)
      .post(`/api/employers/${profile.body.id}/verify`)
      .set(bearer(await signInAdmin(market)))
      .expect(200);

    await redis.cut();
    const posted = await request(market.url)
      .post('/api/shifts')
      .set(bearer(employer))
      .send(shiftInput({ publish: true }))
      .expect(201);
    expect(posted.body.status).toBe('open');

    // While the worker sees Redis gone (its readiness says so), the event stays unrelayed and nothing is sent.
    await waitFor(
      'the worker to report Redis unreachable',
      async () => (await fetch(`${market.apps.worker!}/health/ready`)).status,
      (status) => status === 503,
    );
    const during = await market.db.query(`SELECT relayed_at FROM outbox_events WHERE type = 'shift.published'`);
    expect(during.rows[0].relayed_at).toBeNull();
    expect((await smsTo(market, seeker)).filter((sms) => sms.text.includes('新零工'))).toHaveLength(0);

    await redis.restore();
    await waitForSms(market, seeker, /新零工：仓库搬运/);
    const relayed = await market.db.query(`SELECT relayed_at FROM outbox_events WHERE type = 'shift.published'`);
    expect(relayed.rows[0].relayed_at).not.toBeNull();

    // Let any duplicate that could arrive arrive: the queues drain, then exactly one alert exists.
    await waitFor(
      'the notification queue to finish',
      async () =>
        (await market.db.query(`SELECT count(*)::int AS n FROM notifications WHERE status IN ('queued', 'sending')`)).rows[0].n as number,
      (pending) => pending === 0,
    );
    const alerts = await market.db.query(`SELECT phone FROM notifications WHERE kind = 'shift_alert'`);
    expect(alerts.rows).toEqual([{ phone: seeker }]);
    expect((await smsTo(market, seeker)).filter((sms) => sms.text.includes('新零工'))).toHaveLength(1);
  });
});
