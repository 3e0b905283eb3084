import { createHash, randomUUID } from 'node:crypto';
import type { Queue } from 'bullmq';
import { shiftAlertsJobId } from '@lingong/queue';
import request from 'supertest';
import { verifiedEmployer } from '../support/employers';
import { startMarket, type Market } from '../support/market';
import { bearer, seekerWithProfile, shiftInput, signIn, workerInput } from '../support/people';
import { waitFor } from '../support/wait-for';
import type { DataSource } from 'typeorm';
import { ShiftAlertsRepository } from '../../apps/worker/src/shift-alerts/shift-alerts.repository';

/** Alerts about new gigs are capped per phone per day, here 1 (SMS_ALERTS_PER_PHONE_PER_DAY), and per shift, here 2 (SMS_ALERTS_PER_SHIFT). */
describe('per-phone alert limit', () => {
  let market: Market;
  let notifications: Queue;
  let events: Queue;

  beforeAll(async () => {
    process.env.SMS_ALERTS_PER_PHONE_PER_DAY = '1';
    process.env.SMS_ALERTS_PER_SHIFT = '2';
    market = await startMarket();
    delete process.env.SMS_ALERTS_PER_PHONE_PER_DAY;
    delete process.env.SMS_ALERTS_PER_SHIFT;
    notifications = market.queue('notifications');
    events = market.queue('domain-events');
  });
  afterAll(async () => {
    await Promise.all([notifications.close(), events.close()]);
    await market.close();
  });

  it('sends the first alert of the day and not the second', async () => {
    const seeker = await signIn(market, '13700000091', 'worker');
    const everyDay = Array.from({ length: 7 }, (_, i) => ({ day: i + 1, start: '06:00', end: '22:00' }));
    await request(market.url)
      .post('/api/workers')
      .set(bearer(seeker))
      .send(workerInput({ availability: everyDay }))
      .expect(201);
    const employer = await verifiedEmployer(market, '13600000091');
    const shifts: string[] = [];
    for (const daysAhead of [2, 3]) {
      shifts.push(
        (
          await request(market.url)
            .post('/api/shifts')
            .set(bearer(employer.token))
            .send(shiftInput({ publish: true }, daysAhead))
            .expect(201)
        ).body.id,
      );
    }
    // Each shift's alerts are one job on the notifications queue: both finished means both alerts were decided.
    const events = (
      await market.db.query(`SELECT id FROM outbox_events WHERE type = 'shift.published' AND payload->>'shiftId' = ANY($1)`, [shifts])
    ).rows as { id: string }[];
    expect(events).toHaveLength(2);
    await waitFor(
      'both shifts’ alert jobs to finish',
      () => Promise.all(events.map((event) => notifications.getJobState(shiftAlertsJobId(event.id)))),
      (states) => states.every((state) => state === 'completed'),
    );
    const alerts = await market.db.query(
      `SELECT count(*)::int AS n FROM notifications WHERE kind = 'shift_alert' AND phone = '13700000091'`,
    );
    expect(alerts.rows[0].n).toBe(1);
    // Offers are personal questions, not alerts: both reach the seeker.
    await waitFor(
      'both offers to be written',
      async () =>
        (await market.db.query(`SELECT count(*)::int AS n FROM notifications WHERE kind = 'offer' AND phone = '13700000091'`)).rows[0]
          .n as number,
      (offers) => offers === 2,
    );
  });

  it('queues a written alert when its event is handled again, although the phone is at its cap', async () => {
    // As if Redis failed after the alert row was written: the row waits in `queued` with no job (its shift's alerts job).
    const [alert] = (
      await market.db.query(`SELECT id, dedupe_key, batch_id FROM notifications WHERE kind = 'shift_alert' AND phone = '13700000091'`)
    ).rows as {
      id: string;
      dedupe_key: string;
      batch_id: string;
    }[];
    expect(await notifications.remove(alert!.batch_id)).toBe(1);
    await market.db.query(`UPDATE notifications SET status = 'queued', sent_at = NULL WHERE id = $1`, [alert!.id]);

    // The event is handled again (its retry), under a new job id.
    const eventId = alert!.dedupe_key.split(':')[0]!;
    const event = (await market.db.query(`SELECT type, payload, created_at FROM outbox_events WHERE id = $1`, [eventId])).rows[0];
    await events.add(
      event.type,
      { eventId, type: event.type, payload: event.payload, occurredAt: new Date(event.created_at).toISOString() },
      { jobId: `${eventId}-again` },
    );

    await waitFor(
      'the alert to be sent',
      async () => (await market.db.query(`SELECT status FROM notifications WHERE id = $1`, [alert!.id])).rows[0].status as string,
      (status) => status === 'sent',
    );
    const alerts = await market.db.query(
      `SELECT count(*)::int AS n FROM notifications WHERE kind = 'shift_alert' AND phone = '13700000091'`,
    );
    expect(alerts.rows[0].n).toBe(1);
  });

  it('tells at most SMS_ALERTS_PER_SHIFT of a street about a shift, priority groups first', async () => {
    const phones = ['13700000092', '13700000093', '13700000094', '13700000095', '13700000096'];
    for (const phone of phones) await seekerWithProfile(market, phone, { name: '李四' });
    // Fixture: staff would record it through the priority-group desk.
    await market.db.query(`UPDATE workers SET priority_group = 'low_income' WHERE phone = ANY($1)`, [phones.slice(3)]);
    const employer = await verifiedEmployer(market, '13600000092');
    const shift = (
      await request(market.url)
        .post('/api/shifts')
        .set(bearer(employer.token))
        .send(shiftInput({ publish: true }, 5))
        .expect(201)
    ).body;
    const [event] = (
      await market.db.query(`SELECT id FROM outbox_events WHERE type = 'shift.published' AND payload->>'shiftId' = $1`, [shift.id])
    ).rows as { id: string }[];
    await waitFor(
      'the shift’s alert job to finish',
      () => notifications.getJobState(shiftAlertsJobId(event!.id)),
      (state) => state === 'completed',
    );
    const told = (
      await market.db.query(`SELECT phone FROM notifications WHERE kind = 'shift_alert' AND dedupe_key LIKE $1 || ':%'`, [event!.id])
    ).rows.map((row: { phone: string }) => row.phone);
    // Five fit (the first seeker is at its daily cap); two are told: the two in a priority group.
    expect(told.sort()).toEqual(phones.slice(3));
  });

  it('tells each shift its own share of a crowded street, read round from its own point, and the same share when its event is handled again', async () => {
    const phones = Array.from({ length: 8 }, (_, k) => `1370000011${k}`);
    for (const phone of phones) await seekerWithProfile(market, phone, { name: '王五' });
    // Fixture: a street of their own, so earlier tests' seekers and caps do not count.
    await market.db.query(`UPDATE workers SET street = '测试街道' WHERE phone = ANY($1)`, [phones]);
    const street = (await market.db.query(`SELECT id, phone FROM workers WHERE street = '测试街道' ORDER BY id`)).rows as {
      id: string;
      phone: string;
    }[];
    const alerts = new ShiftAlertsRepository({
      query: async (sql: string, values: unknown[]) => (await market.db.query(sql, values)).rows,
    } as unknown as DataSource);
    // The point an event draws, as the query does (md5 of its id, read as a uuid); uuids sort as their hex.
    const pointOf = (eventId: string) => createHash('md5').update(eventId).digest('hex');
    const hexOf = (id: string) => id.replaceAll('-', '');
    const told = new Set<string>();
    for (let k = 0; k < street.length; k++) {
      // An event whose point falls after the seeker before this one and at or before this one
      // (for the first: before them, or after the last, round the start).
      const [before, own] = [hexOf(street[(k + street.length - 1) % street.length].id), hexOf(street[k].id)];
      const lands = (point: string) => (k === 0 ? point <= own || point > before : point > before && point <= own);
      let eventId = randomUUID();
      for (let tries = 0; !lands(pointOf(eventId)); tries++) {
        if (tries > 10_000_000) throw new Error(`no event drawn between ${before} and ${own}`);
        eventId = randomUUID();
      }
      const share = await alerts.phonesToAlert(eventId, '测试街道', [], 1, 2);
      // This seeker first, then the next one along, round to the start.
      expect(share).toEqual([street[k].phone, street[(k + 1) % street.length].phone]);
      expect(await alerts.phonesToAlert(eventId, '测试街道', [], 1, 2)).toEqual(share);
      share.forEach((phone) => told.add(phone));
    }
    // Everyone on the street is told of some shift: not the same two every time.
    expect([...told].sort()).toEqual(phones);
  });
});
