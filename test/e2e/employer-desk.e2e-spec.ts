import request from 'supertest';
import { lateCancellationCompensation } from '@lingong/domain';
import { minutesFromNow, verifiedEmployer } from '../support/employers';
import { startMarket, type Market } from '../support/market';
import { bearer, seekerWithProfile, shiftInput, signIn, signInAdmin } from '../support/people';

/** Issue 10, point 7: what the employer's pages need beyond the common routes. */
describe('the employer desk routes', () => {
  let market: Market;
  let employer: { token: string; id: string };
  let rival: { token: string; id: string };
  let seeker: { token: string; id: string };
  const api = () => request(market.url);

  beforeAll(async () => {
    market = await startMarket();
    employer = await verifiedEmployer(market, '13600001001');
    rival = await verifiedEmployer(market, '13600001002', '龙湾某餐饮店');
    seeker = await seekerWithProfile(market, '13700001001', {
      name: '王建国',
      availability: Array.from({ length: 7 }, (_, i) => ({ day: i + 1, start: '00:00', end: '23:59' })),
    });
  });
  afterAll(() => market.close());

  async function post(overrides: Record<string, unknown> = {}, daysAhead = 3, token = employer.token) {
    return (await api().post('/api/shifts').set(bearer(token)).send(shiftInput(overrides, daysAhead)).expect(201)).body as {
      id: string;
      startsAt: string;
      endsAt: string;
    };
  }
  async function book(shiftId: string): Promise<{ id: string }> {
    const application = await api().post(`/api/shifts/${shiftId}/applications`).set(bearer(seeker.token)).send({}).expect(201);
    return (await api().post(`/api/applications/${application.body.id}/accept`).set(bearer(employer.token)).expect(201)).body as {
      id: string;
    };
  }

  it('tells employers and staff the settings behind the posting rules', async () => {
    await api().get('/api/employers/posting-rules').expect(401);
    await api().get('/api/employers/posting-rules').set(bearer(seeker.token)).expect(403);
    const rules = await api().get('/api/employers/posting-rules').set(bearer(employer.token)).expect(200);
    expect(rules.body).toEqual({
      minimumWageTier: 1,
      employerLateCancellationHours: 24,
      employerCancellationCompensationHours: 4,
      checkInOpensMinutes: 30,
    });
  });

  it("lists the employer's own shifts in every status with the applications waiting, and nobody else's", async () => {
    const draft = await post({ title: '草稿 仓库理货' }, 4);
    const open = await post({ title: '开放 仓库搬运', publish: true }, 2);
    await post({ title: '别家的活', publish: true }, 2, rival.token);
    await api().post(`/api/shifts/${open.id}/applications`).set(bearer(seeker.token)).send({}).expect(201);

    const mine = await api().get('/api/employers/me/shifts').set(bearer(employer.token)).expect(200);
    const byId = new Map(
      (mine.body.items as { id: string; status: string; pendingApplications: number; title: string }[]).map((item) => [item.id, item]),
    );
    expect(byId.get(draft.id)).toMatchObject({ status: 'draft', pendingApplications: 0 });
    expect(byId.get(open.id)).toMatchObject({ status: 'open', pendingApplications: 1 });
    expect((mine.body.items as { title: string }[]).some((item) => item.title === '别家的活')).toBe(false);
    // The latest start first.
    expect(mine.body.items[0].id).toBe(draft.id);

    await api().get('/api/employers/me/shifts').set(bearer(seeker.token)).expect(403);
    await api().get('/api/employers/me/shifts').expect(401);
    const newcomer = await signIn(market, '13600001003', 'employer');
    const noProfile = await api().get('/api/employers/me/shifts').set(bearer(newcomer)).expect(409);
    expect(noProfile.body.code).toBe('EMPLOYER_PROFILE_REQUIRED');
  });

  it('shows who is booked on a shift, by name while booked, masked once the booking is cancelled', async () => {
    const shift = await post({ title: '名单 仓库搬运', publish: true }, 5);
    const booking = await book(shift.id);

    const roster = await api().get(`/api/shifts/${shift.id}/roster`).set(bearer(employer.token)).expect(200);
    expect(roster.body.items).toHaveLength(1);
    expect(roster.body.items[0]).toMatchObject({
      booking: { id: booking.id, status: 'confirmed' },
      worker: { id: seeker.id, name: '王建国', phone: '13700001001', phoneMasked: '137****1001' },
      ratedByEmployer: false,
    });
    expect(roster.body.items[0].worker).not.toHaveProperty('lat');

    await api().get(`/api/shifts/${shift.id}/roster`).set(bearer(rival.token)).expect(404);
    await api().get(`/api/shifts/${shift.id}/roster`).set(bearer(seeker.token)).expect(403);
    await api().get('/api/shifts/not-a-uuid/roster').set(bearer(employer.token)).expect(400);
    const staff = await signInAdmin(market);
    expect((await api().get(`/api/shifts/${shift.id}/roster`).set(bearer(staff)).expect(200)).body.items[0].worker.name).toBe('王建国');

    await api().post(`/api/bookings/${booking.id}/cancel`).set(bearer(seeker.token)).send({ reason: '家中有事' }).expect(200);
    const others = await market.db.query(
      `SELECT count(*)::int AS n FROM bookings WHERE worker_id = $1 AND status IN ('confirmed', 'checked_in', 'completed')`,
      [seeker.id],
    );
    const after = await api().get(`/api/shifts/${shift.id}/roster`).set(bearer(employer.token)).expect(200);
    expect(after.body.items[0].booking.status).toBe('cancelled');
    if (others.rows[0].n === 0) {
      expect(after.body.items[0].worker).toMatchObject({ name: '王某', phoneMasked: '137****1001' });
      expect(after.body.items[0].worker).not.toHaveProperty('phone');
    }
  });

  it('shows what cancelling would cost before the cancellation records exactly that', async () => {
    // 10 hours ahead, inside the 24 hours of EMPLOYER_LATE_CANCELLATION_HOURS: 4 hours' pay is owed.
    const soon = await post({
      title: '临近 取消',
      publish: true,
      startsAt: minutesFromNow(600),
      endsAt: minutesFromNow(600 + 540),
      pay: { amountFen: 27000, unit: 'day', settlement: 'daily' },
    });
    const booking = await book(soon.id);
    const expected = lateCancellationCompensation(
      { payAmountFen: 27000, payUnit: 'day' },
      { startsAt: new Date(soon.startsAt), endsAt: new Date(soon.endsAt) },
      4,
      1,
    );
    expect(expected).toBe(12000);

    const preview = await api().get(`/api/shifts/${soon.id}/cancellation`).set(bearer(employer.token)).expect(200);
    expect(preview.body).toEqual({
      shiftId: soon.id,
      cancellable: true,
      late: true,
      compensationFen: expected,
      bookings: [{ bookingId: booking.id, late: true, compensationFen: expected }],
    });
    await api().get(`/api/shifts/${soon.id}/cancellation`).set(bearer(rival.token)).expect(404);
    await api().get(`/api/shifts/${soon.id}/cancellation`).set(bearer(seeker.token)).expect(403);

    await api().post(`/api/shifts/${soon.id}/cancel`).set(bearer(employer.token)).send({ reason: '订单取消' }).expect(200);
    const recorded = await market.db.query(`SELECT compensation_fen FROM bookings WHERE id = $1`, [booking.id]);
    expect(recorded.rows[0].compensation_fen).toBe(expected);
    expect((await api().get(`/api/shifts/${soon.id}/cancellation`).set(bearer(employer.token)).expect(200)).body).toMatchObject({
      cancellable: false,
      compensationFen: 0,
      bookings: [],
    });

    const later = await post({ title: '远期 取消', publish: true }, 6);
    await book(later.id);
    expect((await api().get(`/api/shifts/${later.id}/cancellation`).set(bearer(employer.token)).expect(200)).body).toMatchObject({
      cancellable: true,
      late: false,
      compensationFen: 0,
    });
  });

  it('copies a shift as a draft a week on, or on a chosen day, checked like any new shift', async () => {
    const original = await post({ title: '每周 仓库理货', publish: true, headcount: 3 }, 1);
    const copy = await api().post(`/api/shifts/${original.id}/copy`).set(bearer(employer.token)).send({}).expect(201);
    const week = 7 * 86_400_000;
    expect(copy.body).toMatchObject({
      title: '每周 仓库理货',
      status: 'draft',
      headcount: 3,
      filled: 0,
      pay: { amountFen: 22000, unit: 'day', settlement: 'daily' },
    });
    expect(Date.parse(copy.body.startsAt) - Date.parse(original.startsAt)).toBe(week);
    expect(Date.parse(copy.body.endsAt) - Date.parse(original.endsAt)).toBe(week);
    expect(copy.body.id).not.toBe(original.id);

    // A shift of last week: moved on by whole weeks until it is in the future.
    await market.db.query(
      `UPDATE shifts SET starts_at = starts_at - interval '14 days', ends_at = ends_at - interval '14 days' WHERE id = $1`,
      [original.id],
    );
    const fromPast = await api().post(`/api/shifts/${original.id}/copy`).set(bearer(employer.token)).send({}).expect(201);
    expect(Date.parse(fromPast.body.startsAt)).toBeGreaterThan(Date.now());
    expect(Date.parse(fromPast.body.startsAt) - Date.parse(original.startsAt)).toBeLessThanOrEqual(week);

    const chosen = await api()
      .post(`/api/shifts/${original.id}/copy`)
      .set(bearer(employer.token))
      .send({ startsAt: minutesFromNow(3 * 24 * 60) })
      .expect(201);
    expect(Date.parse(chosen.body.endsAt) - Date.parse(chosen.body.startsAt)).toBe(9 * 3_600_000);

    await api()
      .post(`/api/shifts/${original.id}/copy`)
      .set(bearer(employer.token))
      .send({ startsAt: '2020-01-01T08:00:00+08:00' })
      .expect(400);
    await api().post(`/api/shifts/${original.id}/copy`).set(bearer(employer.token)).send({ startsAt: 'tomorrow' }).expect(400);
    await api().post(`/api/shifts/${original.id}/copy`).set(bearer(employer.token)).send({ startsAt: 20261209 }).expect(400);
    await api().post(`/api/shifts/${original.id}/copy`).set(bearer(rival.token)).send({}).expect(404);
    await api().post(`/api/shifts/${original.id}/copy`).set(bearer(seeker.token)).send({}).expect(403);
    const staff = await signInAdmin(market);
    expect((await api().post(`/api/shifts/${original.id}/copy`).set(bearer(staff)).send({}).expect(201)).body.employerId).toBe(employer.id);
  });
});
