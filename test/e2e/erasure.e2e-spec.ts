import { randomUUID } from 'node:crypto';
import type { Queue } from 'bullmq';
import request from 'supertest';
import { residentIdCheckChar } from '@lingong/domain';
import { verifiedEmployer } from '../support/employers';
import { leftoversInDatabase, leftoversInRedis } from '../support/leftovers';
import { startMarket, type Market } from '../support/market';
import { bearer, seekerWithProfile, shiftInput, signIn, signInAdmin, waitForSms, workerInput } from '../support/people';
import { replyBySms } from '../support/sms-gateway';
import { waitFor } from '../support/wait-for';

/**
 * Erasure erases (issue 8, point 2): after a seeker erases their data, their phone (also as +86),
 * name and resident ID are in no column of any table and no key of the queues, whatever they did
 * before: applications, offers, bookings, SMS, sign-in codes, reports, ratings, jobs in Redis in
 * every state, and an event still in flight that is handled after the erasure.
 */
describe('erasure leaves nothing behind', () => {
  let market: Market;
  let events: Queue;
  let admin: string;
  const api = () => request(market.url);
  const everyDay = Array.from({ length: 7 }, (_, i) => ({ day: i + 1, start: '06:00', end: '22:00' }));
  const residentId = (first17: string) => first17 + residentIdCheckChar(first17);

  const erasureOf = async (workerId: string) =>
    (await market.db.query(`SELECT completed_at FROM erasures WHERE worker_id = $1`, [workerId])).rows[0] as
      { completed_at: Date | null } | undefined;
  const waitForErasure = (workerId: string) =>
    waitFor(
      `the erasure of ${workerId} to complete`,
      () => erasureOf(workerId),
      (row) => Boolean(row?.completed_at),
      30_000,
    );
  /** A domain event as the relay would queue it (phone-bearing ones are removed once done), or as an older release left it. */
  const plant = (type: string, payload: object, opts: Record<string, unknown> = {}) =>
    events.add(type, { eventId: randomUUID(), type, payload, occurredAt: new Date().toISOString() }, { jobId: randomUUID(), ...opts });

  beforeAll(async () => {
    market = await startMarket();
    events = market.queue('domain-events');
    admin = await signInAdmin(market);
  });
  afterAll(async () => {
    await events.close();
    await market.close();
  });

  it('a seeker with a full history erases their data: no copy of phone, name or resident ID remains, only anonymous bookings with their pay', async () => {
    const phone = '13766660001';
    const name = '司马晓雯';
    const id = residentId('33030319880808123');
    const employer = await verifiedEmployer(market, '13666660001');
    const seeker = await seekerWithProfile(market, phone, { name, residentId: id, availability: everyDay });
    const shifts: string[] = [];
    for (const day of [3, 4, 5, 6]) {
      shifts.push(
        (
          await api()
            .post('/api/shifts')
            .set(bearer(employer.token))
            .send(shiftInput({ publish: true, headcount: 2 }, day))
            .expect(201)
        ).body.id,
      );
    }
    const [pendingShift, bookedShift, cancelledShift, workedShift] = shifts as [string, string, string, string];
    const apply = (shiftId: string, note?: string) =>
      api()
        .post(`/api/shifts/${shiftId}/applications`)
        .set(bearer(seeker.token))
        .send(note ? { note } : {})
        .expect(201);

    // An application still pending, with a note that names them.
    await apply(pendingShift, `我是${name}，电话${phone}，能吃苦`);
    // A booking ahead, and one they cancelled (the employer is told by SMS, with their name).
    for (const shiftId of [bookedShift, cancelledShift]) {
      const application = (await apply(shiftId)).body;
      await api().post(`/api/applications/${application.id}/accept`).set(bearer(employer.token)).expect(201);
    }
    const toCancel = (await api().get('/api/bookings').query({ shiftId: cancelledShift }).set(bearer(seeker.token)).expect(200)).body
      .items[0];
    await api()
      .post(`/api/bookings/${toCancel.id}/cancel`)
      .set(bearer(seeker.token))
      .send({ reason: `${name}家里有事，有问题打${phone}` })
      .expect(200);
    await waitForSms(market, '13666660001', new RegExp(`${name}已取消`));
    // Work done and owed for, rated both ways with comments that name them.
    const worked = await market.db.query(
      `INSERT INTO bookings (shift_id, employer_id, worker_id, source, status, starts_at, ends_at, employment_type, pay_amount_fen, pay_unit,
                             checked_in_at, checked_out_at, minutes_worked, pay_owed_fen, settle_by)
       SELECT id, employer_id, $2, 'application', 'completed', starts_at, ends_at, employment_type, pay_amount_fen, pay_unit,
              starts_at, ends_at, 540, 22000, ends_at + interval '1 day' FROM shifts WHERE id = $1 RETURNING id`,
      [workedShift, seeker.id],
    );
    const workedId = worked.rows[0].id as string;
    await api()
      .post(`/api/bookings/${workedId}/rating`)
      .set(bearer(employer.token))
      .send({ stars: 5, comment: `${name}干活认真` })
      .expect(201);
    await api()
      .post(`/api/bookings/${workedId}/rating`)
      .set(bearer(seeker.token))
      .send({ stars: 4, comment: `老板不错，再招人打我${phone}` })
      .expect(201);
    // A report with free text, an SMS reply that got a help text, and an offer by SMS.
    await api()
      .post(`/api/shifts/${pendingShift}/reports`)
      .set(bearer(seeker.token))
      .send({ reason: 'other', detail: `我是${name}（${phone}），工地没有安全帽` })
      .expect(201);
    expect((await replyBySms(market, phone, '你好').expect(200)).body).toEqual({ outcome: 'help' });
    await waitForSms(market, phone, /回复1接受/);
    await waitForSms(market, phone, /岗位邀请/);

    // Jobs in Redis in several states, as retries and older releases leave them: done, failed, delayed.
    const done = await plant('sms.help_requested', { phone }, { removeOnComplete: false });
    const failed = await plant('sms.help_requested', { phone: `+86${phone}` }, { attempts: 1 });
    const delayed = await plant('sms.help_requested', { phone }, { delay: 3_600_000 });
    await waitFor(
      'jobs to settle',
      async () => Promise.all([done.getState(), failed.getState(), delayed.getState()]),
      (states) => states.join() === 'completed,failed,delayed',
    );

    const needles = [phone, `+86${phone}`, name, id];
    // Not a vacuous search: before the erasure every one of these places holds them.
    const before = [...(await leftoversInDatabase(market, needles)), ...(await leftoversInRedis(market, needles))].map((found) =>
      found.where.split(':').at(-1)!,
    );
    expect(before).toEqual(
      expect.arrayContaining([
        'workers.phone',
        'workers.name',
        'accounts.phone',
        'otp_codes.phone',
        'offers.phone',
        'notifications.text',
        'applications.note',
        'ratings.comment',
        'shift_reports.detail',
        'bookings.cancel_reason',
        done.id,
        failed.id,
        delayed.id,
      ]),
    );

    const erasedAt = Date.now();
    await api().delete('/api/workers/me').set(bearer(seeker.token)).expect(204);
    await waitForErasure(seeker.id);

    // An event from before the erasure, handled after it (a retry in flight): it writes nothing.
    const late = await events.add(
      'sms.help_requested',
      { eventId: randomUUID(), type: 'sms.help_requested', payload: { phone }, occurredAt: new Date(erasedAt - 1000).toISOString() },
      { jobId: randomUUID(), removeOnComplete: true },
    );
    await waitFor(
      'the late event to be handled',
      async () => (await events.getJob(late.id!)) === undefined,
      (gone) => gone,
    );

    expect(await leftoversInDatabase(market, needles)).toEqual([]);
    expect(await leftoversInRedis(market, needles)).toEqual([]);

    // What the law needs stays, anonymous: the work done and its pay, the stars given.
    const kept = await market.db.query(`SELECT status, pay_owed_fen AS "payOwedFen" FROM bookings WHERE id = $1`, [workedId]);
    expect(kept.rows).toEqual([{ status: 'completed', payOwedFen: 22000 }]);
    const stars = await market.db.query(`SELECT rater, stars, comment FROM ratings WHERE booking_id = $1 ORDER BY rater`, [workedId]);
    expect(stars.rows).toEqual([
      { rater: 'employer', stars: 5, comment: null },
      { rater: 'worker', stars: 4, comment: null },
    ]);

    // They may sign up again with the same phone: a new account and a new profile, from scratch.
    const again = await signIn(market, phone, 'worker');
    const profile = await api().post('/api/workers').set(bearer(again)).send(workerInput({ name })).expect(201);
    expect(profile.body.id).not.toBe(seeker.id);
    expect(profile.body).toMatchObject({ phone, name, reliability: 1, rating: null });
  });

  it('staff erase a walk-in at the desk the same way; nobody else may', async () => {
    const phone = '13766660002';
    const name = '欧阳淑珍';
    const walkIn = (await api().post('/api/workers').set(bearer(admin)).send(workerInput({ phone, name })).expect(201)).body;
    const someone = await seekerWithProfile(market, '13766660003', { name: '别人' });
    const employer = await verifiedEmployer(market, '13666660002');

    await api().delete(`/api/workers/${walkIn.id}`).set(bearer(someone.token)).expect(403);
    await api().delete(`/api/workers/${walkIn.id}`).set(bearer(employer.token)).expect(403);
    // An erasure of last month: its phone hash has outlived every event that could still be in flight.
    const old = randomUUID();
    await market.db.query(
      `INSERT INTO erasures (worker_id, phone_hash, erased_at, completed_at) VALUES ($1, $2, now() - interval '8 days', now() - interval '8 days')`,
      [old, 'f'.repeat(64)],
    );
    await api().delete(`/api/workers/${walkIn.id}`).set(bearer(admin)).expect(204);
    await api().delete(`/api/workers/${walkIn.id}`).set(bearer(admin)).expect(404);
    await waitForErasure(walkIn.id);
    const hashes = await market.db.query(
      `SELECT worker_id AS "workerId", phone_hash IS NOT NULL AS "hashKept" FROM erasures WHERE worker_id = ANY($1)`,
      [[old, walkIn.id]],
    );
    expect(hashes.rows).toEqual(
      expect.arrayContaining([
        { workerId: old, hashKept: false },
        { workerId: walkIn.id, hashKept: true },
      ]),
    );

    const consents = await market.db.query(
      `SELECT channel, recorded_by AS "recordedBy" FROM worker_consents WHERE worker_id = $1 ORDER BY recorded_at DESC LIMIT 1`,
      [walkIn.id],
    );
    expect(consents.rows[0]).toMatchObject({ channel: 'desk', recordedBy: expect.any(String) });
    expect(await leftoversInDatabase(market, [phone, name])).toEqual([]);
    expect(await leftoversInRedis(market, [phone, name])).toEqual([]);
    expect((await api().get(`/api/workers/${walkIn.id}`).set(bearer(admin)).expect(200)).body).toMatchObject({
      status: 'erased',
      phone: null,
      name: '已注销',
    });
  });
});
