import type { Queue } from 'bullmq';
import request from 'supertest';
import { shiftAlertsJobId } from '@lingong/queue';
import { verifiedEmployer } from '../support/employers';
import { startMarket, type Market } from '../support/market';
import { bearer, shiftInput } from '../support/people';
import { LocalSmsGateway } from '../support/sms-gateway';
import { waitFor } from '../support/wait-for';

const ALERTED_SEEKERS = 2_000;
const ALERT = /新零工：/;

/**
 * Issue 11: offers and sign-in codes never wait behind bulk alerts. A shift is published to 2,000
 * fitting seekers while the gateway is stuck on alerts (it answers none of them), so no alert can
 * finish and the alert backlog cannot drain. The shift's offers and a sign-in code are delivered
 * all the same, through the `sms-urgent` queue; the alerts are one job for the shift, and once the
 * gateway answers again each alert reaches its phone once.
 */
describe('urgent SMS ahead of a backlog of alerts', () => {
  let market: Market;
  const gateway = new LocalSmsGateway();
  let bulk: Queue;
  let urgent: Queue;

  const delivered = (pattern: RegExp) => [...gateway.delivered.values()].filter((sms) => pattern.test(sms.text));
  const alertsUnsent = async () =>
    (await market.db.query(`SELECT count(*)::int AS n FROM notifications WHERE kind = 'shift_alert' AND status IN ('queued', 'sending')`))
      .rows[0].n as number;

  beforeAll(async () => {
    await gateway.start();
    // Every fitting seeker is told: the backlog is the point here, not the per-shift cap.
    market = await startMarket({ workerEnv: { ...gateway.settings(), SMS_ALERTS_PER_SHIFT: String(ALERTED_SEEKERS) } });
    bulk = market.queue('notifications');
    urgent = market.queue('sms-urgent');
    // Seekers on the shift's street with its skill, who agreed to alerts.
    await market.db.query(
      `INSERT INTO workers (phone, name, street, lat, lng, skills, availability, consent_data_processing_at, consent_sms, status)
       SELECT '138' || lpad(i::text, 8, '0'), '待通知' || i, '永中街道', 27.93, 120.8 + i * 0.00001,
              '[{"code": "loading", "years": 2}]'::jsonb, $2::jsonb, now(), true, 'active'
         FROM generate_series(1, $1) AS i`,
      [ALERTED_SEEKERS, JSON.stringify(Array.from({ length: 7 }, (_, i) => ({ day: i + 1, start: '06:00', end: '22:00' })))],
    );
  });
  afterAll(async () => {
    await Promise.all([bulk?.close(), urgent?.close()]);
    await market?.close();
    await gateway.stop();
  });

  it('delivers a shift’s offers and a sign-in code while none of its 2,000 alerts can be sent', async () => {
    const employer = await verifiedEmployer(market, '13600000111');
    gateway.hold(ALERT);
    const shift = (
      await request(market.url)
        .post('/api/shifts')
        .set(bearer(employer.token))
        .send(shiftInput({ publish: true, headcount: 2, title: '搬运 急件' }))
        .expect(201)
    ).body as { id: string };

    // The alerts are written and the gateway is stuck on the first of them: the backlog is in place.
    await waitFor(
      'the alerts to be written and the gateway stuck on them',
      async () => ({ unsent: await alertsUnsent(), held: gateway.holdingCount }),
      ({ unsent, held }) => unsent === ALERTED_SEEKERS && held > 0,
    );

    // Two offers per place; both go out though not one alert has.
    const offers = await waitFor(
      'the shift’s offers to be delivered',
      () => Promise.resolve(delivered(/岗位邀请：搬运 急件/)),
      (sms) => sms.length === 4,
    );
    const offered = (await market.db.query(`SELECT phone FROM offers WHERE shift_id = $1`, [shift.id])).rows.map(
      (row: { phone: string }) => row.phone,
    );
    expect(offers.map((sms) => sms.phone).sort()).toEqual(offered.sort());
    expect(delivered(ALERT)).toHaveLength(0);

    // A sign-in code asked for now goes out too.
    await request(market.url).post('/api/auth/otp').send({ phone: '13700000111' }).expect(202);
    await waitFor(
      'the sign-in code to be delivered',
      () => Promise.resolve(delivered(/验证码是\d{6}/)),
      (sms) => sms.some((code) => code.phone === '13700000111'),
    );
    expect(delivered(ALERT)).toHaveLength(0);
    expect(await alertsUnsent()).toBe(ALERTED_SEEKERS);

    // The alerts are one batch: every one carries the shift's alerts job as its batch, the only job waiting on the bulk queue.
    const eventId = (
      await market.db.query(`SELECT id FROM outbox_events WHERE type = 'shift.published' AND payload->>'shiftId' = $1`, [shift.id])
    ).rows[0].id as string;
    const batches = await market.db.query(
      `SELECT batch_id, urgent, count(*)::int AS n FROM notifications WHERE kind = 'shift_alert' GROUP BY batch_id, urgent`,
    );
    expect(batches.rows).toEqual([{ batch_id: shiftAlertsJobId(eventId), urgent: false, n: ALERTED_SEEKERS }]);
    const waiting = await bulk.getJobs(['active', 'wait', 'prioritized', 'delayed']);
    expect(waiting.map((job) => job.id)).toEqual([shiftAlertsJobId(eventId)]);
    const sentUrgently = await market.db.query(
      `SELECT DISTINCT kind, urgent, batch_id, status FROM notifications WHERE kind IN ('offer', 'otp') ORDER BY kind`,
    );
    const offerMessages = (await market.db.query(`SELECT id FROM notifications WHERE kind = 'offer'`)).rows as { id: string }[];
    expect(await Promise.all(offerMessages.map((message) => urgent.getJobState(message.id)))).toEqual([
      'completed',
      'completed',
      'completed',
      'completed',
    ]);
    expect(sentUrgently.rows).toEqual([
      { kind: 'offer', urgent: true, batch_id: null, status: 'sent' },
      { kind: 'otp', urgent: true, batch_id: null, status: 'sent' },
    ]);

    // The gateway answers again: the backlog drains, each alert reaching its phone once.
    gateway.release();
    await waitFor('every alert to be sent', alertsUnsent, (unsent) => unsent === 0, 120_000);
    const alerts = (await market.db.query(`SELECT id, status FROM notifications WHERE kind = 'shift_alert'`)).rows as {
      id: string;
      status: string;
    }[];
    expect(alerts.every((alert) => alert.status === 'sent')).toBe(true);
    expect(alerts.every((alert) => gateway.delivered.has(alert.id))).toBe(true);
    expect(delivered(ALERT)).toHaveLength(ALERTED_SEEKERS);
    expect(await bulk.getJobState(shiftAlertsJobId(eventId))).toBe('completed');
  }, 180_000);
});
