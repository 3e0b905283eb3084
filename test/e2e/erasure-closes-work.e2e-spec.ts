import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { minutesFromNow, verifiedEmployer } from '../support/employers';
import { startMarket, type Market } from '../support/market';
import { bearer, seekerWithProfile, shiftInput, signInAdmin, smsTo, waitForSms } from '../support/people';
import { waitFor } from '../support/wait-for';

/**
 * Erasure closes open work (issue 8, point 3): pending applications and offers are withdrawn (the
 * offer passes to the next candidate), bookings ahead are cancelled (not late, nothing owed, the
 * employer told by SMS without a name), the token ends at once, and no path can book the person again.
 */
describe('erasure closes open work', () => {
  let market: Market;
  let admin: string;
  let employer: { token: string; id: string };
  const api = () => request(market.url);
  const everyDay = Array.from({ length: 7 }, (_, i) => ({ day: i + 1, start: '00:00', end: '23:59' }));
  const phones = { leaver: '13766670001', second: '13766670002', third: '13766670003', employer: '13666670001' };
  const seekers: Record<string, { token: string; id: string }> = {};
  const publish = async (overrides: Record<string, unknown>, daysAhead = 3) =>
    (
      await api()
        .post('/api/shifts')
        .set(bearer(employer.token))
        .send(shiftInput({ publish: true, ...overrides }, daysAhead))
        .expect(201)
    ).body as { id: string };
  const offersOn = async (shiftId: string) =>
    (await market.db.query(`SELECT worker_id AS "workerId", phone, status FROM offers WHERE shift_id = $1`, [shiftId])).rows as {
      workerId: string;
      phone: string | null;
      status: string;
    }[];

  beforeAll(async () => {
    market = await startMarket();
    admin = await signInAdmin(market);
    employer = await verifiedEmployer(market, phones.employer);
    // The leaver lives nearest the work, so the first offers go to them.
    seekers.leaver = await seekerWithProfile(market, phones.leaver, { name: '诸葛明月', lat: 27.93, lng: 120.801, availability: everyDay });
    seekers.second = await seekerWithProfile(market, phones.second, { name: '第二位', lat: 27.93, lng: 120.82, availability: everyDay });
    seekers.third = await seekerWithProfile(market, phones.third, { name: '第三位', lat: 27.93, lng: 120.84, availability: everyDay });
  });
  afterAll(async () => {
    await market.close();
  });

  it('withdraws applications and offers, cancels bookings ahead without blame, and nothing books the person again', async () => {
    const leaver = seekers.leaver!;
    // A booking six hours ahead: a seeker's own cancellation now would be late, an employer's would owe compensation.
    const soon = await publish({ startsAt: minutesFromNow(360), endsAt: minutesFromNow(540), headcount: 1 });
    const applied = (await api().post(`/api/shifts/${soon.id}/applications`).set(bearer(leaver.token)).send({}).expect(201)).body;
    const booking = (await api().post(`/api/applications/${applied.id}/accept`).set(bearer(employer.token)).expect(201)).body;
    // An application still pending.
    const pendingShift = await publish({ headcount: 2 }, 3);
    const pending = (
      await api().post(`/api/shifts/${pendingShift.id}/applications`).set(bearer(leaver.token)).send({ note: '周末都有空' }).expect(201)
    ).body;
    // An offer still open: one place, the two best of three are asked, the leaver among them.
    const offered = await publish({ headcount: 1 }, 4);
    const before = await waitFor(
      'two offers',
      () => offersOn(offered.id),
      (rows) => rows.length === 2,
    );
    expect(before.map((offer) => offer.workerId)).toContain(leaver.id);
    const nextInLine = [seekers.second!, seekers.third!].find((seeker) => !before.some((offer) => offer.workerId === seeker.id))!;
    // A dispatch plan drawn up before the erasure, with everyone on it.
    const bulk = await publish({ headcount: 5 }, 5);
    const plan = (
      await api()
        .post('/api/dispatch/plans')
        .set(bearer(admin))
        .send({ shiftIds: [bulk.id] })
        .expect(201)
    ).body;
    expect(plan.assignments.map((a: { workerId: string }) => a.workerId)).toContain(leaver.id);

    await api().delete('/api/workers/me').set(bearer(leaver.token)).expect(204);
    // Their token ends with the erasure, not 8 hours later.
    expect((await api().get('/api/me').set(bearer(leaver.token)).expect(401)).body.code).toBe('TOKEN_REVOKED');
    await api().get('/api/bookings').set(bearer(leaver.token)).expect(401);
    await waitFor(
      'the erasure to complete',
      async () => (await market.db.query(`SELECT completed_at FROM erasures WHERE worker_id = $1`, [leaver.id])).rows[0]?.completed_at,
      Boolean,
      30_000,
    );

    // The booking ahead: cancelled by the erasure, not late, nothing owed; the place is open again.
    const cancelled = (await api().get('/api/bookings').query({ shiftId: soon.id }).set(bearer(employer.token)).expect(200)).body.items;
    expect(cancelled).toEqual([
      expect.objectContaining({
        id: booking.id,
        status: 'cancelled',
        cancelledBy: 'erasure',
        lateCancellation: false,
        compensationFen: null,
      }),
    ]);
    expect((await api().get(`/api/shifts/${soon.id}`).expect(200)).body).toMatchObject({ status: 'open', filled: 0 });
    // The employer is told by SMS, without a name.
    const told = await waitForSms(market, phones.employer, /已退出/);
    expect(told.text).not.toContain('诸葛明月');
    expect(told.text).toContain('名额已重新开放');

    // The application: withdrawn, and it can no longer be accepted.
    const applications = (await api().get(`/api/shifts/${pendingShift.id}/applications`).set(bearer(employer.token)).expect(200)).body
      .items;
    expect(applications).toEqual([expect.objectContaining({ id: pending.id, status: 'withdrawn', note: null })]);
    expect((await api().post(`/api/applications/${pending.id}/accept`).set(bearer(employer.token)).expect(409)).body.code).toBe(
      'APPLICATION_NOT_PENDING',
    );

    // The offer: withdrawn, the phone gone, and the place offered to the next in line.
    const after = await waitFor(
      'the next candidate to be asked',
      () => offersOn(offered.id),
      (rows) => rows.some((row) => row.workerId === nextInLine.id),
    );
    expect(after.find((offer) => offer.workerId === leaver.id)).toEqual({ workerId: leaver.id, phone: null, status: 'withdrawn' });
    expect(after.filter((offer) => offer.status === 'pending')).toHaveLength(2);
    await waitForSms(market, nextInLine === seekers.second ? phones.second : phones.third, /岗位邀请/);

    // Nothing books them again, whatever the path: the plan drawn up before, a referral at the desk.
    const confirmed = (await api().post(`/api/dispatch/plans/${plan.id}/confirm`).set(bearer(admin)).expect(201)).body;
    expect(confirmed.failed).toEqual([{ shiftId: bulk.id, workerId: leaver.id, code: 'WORKER_NOT_ACTIVE' }]);
    expect(confirmed.bookings).toBe(plan.assignments.length - 1);
    const referral = await api()
      .post('/api/matching/referrals')
      .set(bearer(admin))
      .send({ shiftId: pendingShift.id, workerId: leaver.id })
      .expect(409);
    expect(referral.body.code).toBe('WORKER_NOT_ACTIVE');
    const bookings = await market.db.query(`SELECT status FROM bookings WHERE worker_id = $1`, [leaver.id]);
    expect(bookings.rows).toEqual([{ status: 'cancelled' }]);
    // No SMS reached the erased phone after the erasure's own.
    expect((await smsTo(market, phones.leaver)).filter((sms) => sms.status !== 'failed')).toEqual([]);
  });

  it('books nobody inactive or unknown', async () => {
    const shift = await publish({ headcount: 3 }, 6);
    await market.db.query(`UPDATE workers SET status = 'inactive' WHERE id = $1`, [seekers.third!.id]);
    const inactive = await api()
      .post('/api/matching/referrals')
      .set(bearer(admin))
      .send({ shiftId: shift.id, workerId: seekers.third!.id })
      .expect(409);
    expect(inactive.body.code).toBe('WORKER_NOT_ACTIVE');
    // Before, a made-up id was booked: a booking of nobody.
    await api().post('/api/matching/referrals').set(bearer(admin)).send({ shiftId: shift.id, workerId: randomUUID() }).expect(404);
    await api().post('/api/matching/referrals').set(bearer(admin)).send({ shiftId: shift.id, workerId: seekers.second!.id }).expect(201);
  });
});
