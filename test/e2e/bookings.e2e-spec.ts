import request from 'supertest';
import { minutesFromNow, verifiedEmployer } from '../support/employers';
import { startMarket, type Market } from '../support/market';
import { bearer, shiftInput, signIn, signInAdmin, waitForSms, workerInput } from '../support/people';

/** Applications → bookings → attendance → pay → ratings, and the refusals along the way. */
describe('applications and bookings', () => {
  let market: Market;
  let employer: { token: string; id: string };
  let admin: string;
  const seekers: Record<string, { token: string; id: string }> = {};

  const api = () => request(market.url);
  async function seeker(phone: string, profile: Record<string, unknown> = {}) {
    const token = await signIn(market, phone, 'worker');
    const created = await api().post('/api/workers').set(bearer(token)).send(workerInput(profile)).expect(201);
    return (seekers[phone] = { token, id: created.body.id as string });
  }
  async function postShift(overrides: Record<string, unknown> = {}, daysAhead = 3, as = employer.token) {
    const response = await api()
      .post('/api/shifts')
      .set(bearer(as))
      .send(shiftInput({ publish: true, ...overrides }, daysAhead))
      .expect(201);
    return response.body as { id: string; status: string; filled: number; remaining: number };
  }
  async function applyAndAccept(shiftId: string, who: { token: string }) {
    const application = await api().post(`/api/shifts/${shiftId}/applications`).set(bearer(who.token)).send({}).expect(201);
    return api().post(`/api/applications/${application.body.id}/accept`).set(bearer(employer.token));
  }

  beforeAll(async () => {
    market = await startMarket();
    employer = await verifiedEmployer(market, '13600000031');
    admin = await signInAdmin(market);
    await seeker('13700000031');
    await seeker('13700000032', { name: '李秀英' });
  });
  afterAll(async () => {
    await market.close();
  });

  it('applies, lists applicants with masked phones, accepts into a booking the seeker hears of by SMS', async () => {
    const shift = await postShift();
    const applied = await api()
      .post(`/api/shifts/${shift.id}/applications`)
      .set(bearer(seekers['13700000031']!.token))
      .send({ note: '有经验' })
      .expect(201);
    expect(applied.body).toMatchObject({ shiftId: shift.id, workerId: seekers['13700000031']!.id, status: 'pending' });
    const again = await api().post(`/api/shifts/${shift.id}/applications`).set(bearer(seekers['13700000031']!.token)).send({}).expect(409);
    expect(again.body.code).toBe('ALREADY_APPLIED');
    const other = await api().post(`/api/shifts/${shift.id}/applications`).set(bearer(seekers['13700000032']!.token)).send({}).expect(201);

    const listed = await api().get(`/api/shifts/${shift.id}/applications`).set(bearer(employer.token)).expect(200);
    expect(listed.body.items).toHaveLength(2);
    expect(listed.body.items[0].worker).toEqual({
      id: seekers['13700000031']!.id,
      name: '王某',
      phoneMasked: '137****0031',
      reliability: 1,
      rating: null,
    });

    const booking = await api().post(`/api/applications/${applied.body.id}/accept`).set(bearer(employer.token)).expect(201);
    expect(booking.body).toMatchObject({
      shiftId: shift.id,
      workerId: seekers['13700000031']!.id,
      status: 'confirmed',
      source: 'application',
      pay: { amountFen: 22000, unit: 'day' },
    });
    const sms = await waitForSms(market, '13700000031', /您已被录用：仓库搬运/);
    expect(sms.text).toContain('220元/天');
    // Accepting again (a retry after a lost answer) answers the same booking: nobody is booked twice.
    const retried = await api().post(`/api/applications/${applied.body.id}/accept`).set(bearer(employer.token)).expect(201);
    expect(retried.body.id).toBe(booking.body.id);
    expect((await market.db.query(`SELECT count(*)::int AS n FROM bookings WHERE application_id = $1`, [applied.body.id])).rows[0].n).toBe(
      1,
    );

    const booked = await api().get(`/api/shifts/${shift.id}/applications`).set(bearer(employer.token)).expect(200);
    expect(booked.body.items[0].worker).toMatchObject({ name: '王建国', phone: '13700000031' });
    expect(booked.body.items[1].worker).not.toHaveProperty('phone');

    const rejected = await api().post(`/api/applications/${other.body.id}/reject`).set(bearer(employer.token)).expect(200);
    expect(rejected.body.status).toBe('rejected');
    const after = await api().get(`/api/shifts/${shift.id}`).expect(200);
    expect(after.body).toMatchObject({ filled: 1, remaining: 4 });

    const mine = await api().get('/api/bookings').set(bearer(seekers['13700000031']!.token)).expect(200);
    expect(mine.body.items.map((b: { id: string }) => b.id)).toEqual([booking.body.id]);
    const forShift = await api().get('/api/bookings').query({ shiftId: shift.id }).set(bearer(employer.token)).expect(200);
    expect(forShift.body.items).toHaveLength(1);
    await api().get('/api/bookings').set(bearer(employer.token)).expect(400);
  });

  it('lets a seeker withdraw a pending application, once', async () => {
    const shift = await postShift({}, 4);
    const applied = await api()
      .post(`/api/shifts/${shift.id}/applications`)
      .set(bearer(seekers['13700000032']!.token))
      .send({})
      .expect(201);
    await api().post(`/api/applications/${applied.body.id}/withdraw`).set(bearer(seekers['13700000031']!.token)).expect(404);
    const withdrawn = await api()
      .post(`/api/applications/${applied.body.id}/withdraw`)
      .set(bearer(seekers['13700000032']!.token))
      .expect(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    const late = await api().post(`/api/applications/${applied.body.id}/accept`).set(bearer(employer.token)).expect(409);
    expect(late.body.code).toBe('APPLICATION_NOT_PENDING');
  });

  it('refuses shifts below the minimum wage and part-time shifts over 4 hours a day (422)', async () => {
    const cheap = await api()
      .post('/api/shifts')
      .set(bearer(employer.token))
      .send(shiftInput({ pay: { amountFen: 20000, unit: 'day', settlement: 'daily' } }))
      .expect(422);
    expect(cheap.body).toMatchObject({ statusCode: 422, code: 'BELOW_MINIMUM_WAGE', minimumFen: 2400 });
    const hourly = await api()
      .post('/api/shifts')
      .set(bearer(employer.token))
      .send(shiftInput({ pay: { amountFen: 2399, unit: 'hour', settlement: 'daily' } }))
      .expect(422);
    expect(hourly.body.code).toBe('BELOW_MINIMUM_WAGE');
    const long = await api()
      .post('/api/shifts')
      .set(bearer(employer.token))
      .send(shiftInput({ employmentType: 'part_time' }))
      .expect(422);
    expect(long.body.code).toBe('PART_TIME_HOURS_EXCEEDED');
  });

  it('keeps a seeker within 24 part-time hours a week with one employer', async () => {
    const worker = await seeker('13700000033', { name: '周大伟' });
    // Monday to Sunday of the week after next, 08:00-12:00: 4 h a day.
    const now = new Date(Date.now() + 8 * 3_600_000);
    const daysToMonday = ((8 - now.getUTCDay()) % 7 || 7) + 7;
    for (let day = 0; day < 7; day += 1) {
      const date = new Date(now.getTime() + (daysToMonday + day) * 86_400_000).toISOString().slice(0, 10);
      const shift = await postShift({
        employmentType: 'part_time',
        startsAt: `${date}T08:00:00+08:00`,
        endsAt: `${date}T12:00:00+08:00`,
        pay: { amountFen: 2600, unit: 'hour', settlement: 'daily' },
      });
      const booked = await applyAndAccept(shift.id, worker);
      if (day < 6) expect(booked.status).toBe(201);
      else expect(booked.body).toMatchObject({ statusCode: 422, code: 'PART_TIME_HOURS_EXCEEDED', hours: 28 });
    }
  });

  it('runs a booking from check-in to payment confirmed and ratings both ways', async () => {
    const worker = await seeker('13700000034', { name: '陈桂芳' });
    const shift = await postShift({
      startsAt: minutesFromNow(20),
      endsAt: minutesFromNow(200),
      pay: { amountFen: 2600, unit: 'hour', settlement: 'daily' },
    });
    const booking = (await applyAndAccept(shift.id, worker)).body as { id: string };

    await api().post(`/api/bookings/${booking.id}/check-out`).set(bearer(employer.token)).expect(409);
    await api().post(`/api/bookings/${booking.id}/check-in`).set(bearer(worker.token)).expect(403);
    const checkedIn = await api().post(`/api/bookings/${booking.id}/check-in`).set(bearer(employer.token)).expect(200);
    expect(checkedIn.body.status).toBe('checked_in');
    // Two hours pass: move the booked times into the past, as the clock would.
    await market.db.query(
      `UPDATE bookings SET starts_at = starts_at - interval '140 minutes', ends_at = ends_at - interval '140 minutes', checked_in_at = checked_in_at - interval '120 minutes' WHERE id = $1`,
      [booking.id],
    );
    const done = await api().post(`/api/bookings/${booking.id}/check-out`).set(bearer(employer.token)).expect(200);
    expect(done.body.status).toBe('completed');
    // Two hours and the seconds the test took, paid per started minute at 26 yuan an hour.
    expect([120, 121]).toContain(done.body.minutesWorked);
    expect(done.body.payFen).toBe(Math.round((2600 * done.body.minutesWorked) / 60));
    expect(done.body.settleBy).toMatch(/\+08:00$/);

    await api().post(`/api/bookings/${booking.id}/payment-received`).set(bearer(employer.token)).expect(403);
    const paid = await api().post(`/api/bookings/${booking.id}/paid`).set(bearer(employer.token)).expect(200);
    expect(paid.body.paidAt).not.toBeNull();
    const received = await api().post(`/api/bookings/${booking.id}/payment-received`).set(bearer(worker.token)).expect(200);
    expect(received.body.paymentConfirmedAt).not.toBeNull();

    const byEmployer = await api()
      .post(`/api/bookings/${booking.id}/rating`)
      .set(bearer(employer.token))
      .send({ stars: 5, comment: '干活踏实' })
      .expect(201);
    expect(byEmployer.body).toMatchObject({ rater: 'employer', stars: 5 });
    await api().post(`/api/bookings/${booking.id}/rating`).set(bearer(worker.token)).send({ stars: 4 }).expect(201);
    const twice = await api().post(`/api/bookings/${booking.id}/rating`).set(bearer(worker.token)).send({ stars: 1 }).expect(409);
    expect(twice.body.code).toBe('ALREADY_RATED');
    await api().post(`/api/bookings/${booking.id}/rating`).set(bearer(worker.token)).send({ stars: 6 }).expect(400);
  });

  it('records a no-show only once the shift has started', async () => {
    const worker = await seeker('13700000035', { name: '吴强' });
    const shift = await postShift({}, 5);
    const booking = (await applyAndAccept(shift.id, worker)).body as { id: string };
    const early = await api().post(`/api/bookings/${booking.id}/no-show`).set(bearer(employer.token)).expect(409);
    expect(early.body.code).toBe('SHIFT_NOT_STARTED');
    await market.db.query(`UPDATE bookings SET starts_at = now() - interval '1 hour', ends_at = now() + interval '3 hours' WHERE id = $1`, [
      booking.id,
    ]);
    const noShow = await api().post(`/api/bookings/${booking.id}/no-show`).set(bearer(employer.token)).expect(200);
    expect(noShow.body.status).toBe('no_show');
    const summary = await api().get(`/api/shifts/${shift.id}/applications`).set(bearer(employer.token)).expect(200);
    expect(summary.body.items[0].worker.reliability).toBe(0.5);
  });

  it('reopens a full shift when a seeker cancels, marking a late cancellation', async () => {
    const worker = await seeker('13700000036', { name: '郑丽' });
    const shift = await postShift({ headcount: 1, startsAt: minutesFromNow(300), endsAt: minutesFromNow(420) });
    const booking = (await applyAndAccept(shift.id, worker)).body as { id: string };
    expect((await api().get(`/api/shifts/${shift.id}`).expect(200)).body).toMatchObject({ status: 'filled', remaining: 0 });

    await api()
      .post(`/api/bookings/${booking.id}/cancel`)
      .set(bearer(seekers['13700000031']!.token))
      .send({ reason: '不是我的' })
      .expect(404);
    const cancelled = await api()
      .post(`/api/bookings/${booking.id}/cancel`)
      .set(bearer(worker.token))
      .send({ reason: '家里有事' })
      .expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelledBy: 'worker', lateCancellation: true, compensationFen: null });
    expect((await api().get(`/api/shifts/${shift.id}`).expect(200)).body).toMatchObject({ status: 'open', filled: 0, remaining: 1 });
    await api().post(`/api/bookings/${booking.id}/cancel`).set(bearer(worker.token)).send({ reason: '再取消' }).expect(409);
  });

  it('cancels a shift with its bookings; a late employer cancellation owes compensation and is told by SMS', async () => {
    const worker = await seeker('13700000037', { name: '孙明' });
    const shift = await postShift({ startsAt: minutesFromNow(600), endsAt: minutesFromNow(1080) });
    const booking = (await applyAndAccept(shift.id, worker)).body as { id: string };
    const cancelled = await api()
      .post(`/api/shifts/${shift.id}/cancel`)
      .set(bearer(employer.token))
      .send({ reason: '订单取消' })
      .expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', filled: 0 });
    const after = (await api().get('/api/bookings').set(bearer(worker.token)).expect(200)).body.items.find(
      (b: { id: string }) => b.id === booking.id,
    );
    // 220 yuan for 8 hours is 27.50 an hour; 4 hours of it is 110 yuan.
    expect(after).toMatchObject({ status: 'cancelled', cancelledBy: 'employer', lateCancellation: true, compensationFen: 11000 });
    const sms = await waitForSms(market, '13700000037', /已被用工方取消/);
    expect(sms.text).toContain('补偿110元');
    const apply = await api().post(`/api/shifts/${shift.id}/applications`).set(bearer(seekers['13700000032']!.token)).send({}).expect(409);
    expect(apply.body.code).toBe('SHIFT_NOT_OPEN');
  });

  it('cancels a shift after its seeker checked in: the booking is cancelled too, with compensation and an SMS', async () => {
    const worker = await seeker('13700000039', { name: '钱进' });
    const shift = await postShift({ startsAt: minutesFromNow(20), endsAt: minutesFromNow(260) });
    const booking = (await applyAndAccept(shift.id, worker)).body as { id: string };
    await api().post(`/api/bookings/${booking.id}/check-in`).set(bearer(employer.token)).expect(200);
    await api().post(`/api/shifts/${shift.id}/cancel`).set(bearer(employer.token)).send({ reason: '临时停工' }).expect(200);
    const after = (await api().get('/api/bookings').set(bearer(worker.token)).expect(200)).body.items.find(
      (b: { id: string }) => b.id === booking.id,
    );
    expect(after).toMatchObject({ status: 'cancelled', cancelledBy: 'employer', lateCancellation: true });
    expect(after.compensationFen).toBeGreaterThan(0);
    await waitForSms(market, '13700000039', /已被用工方取消/);
  });

  it('shows staff the wages left unpaid past their settlement date', async () => {
    const worker = await seeker('13700000038', { name: '马红' });
    const shift = await postShift({ startsAt: minutesFromNow(20), endsAt: minutesFromNow(260) });
    const booking = (await applyAndAccept(shift.id, worker)).body as { id: string };
    await api().post(`/api/bookings/${booking.id}/check-in`).set(bearer(employer.token)).expect(200);
    await api().post(`/api/bookings/${booking.id}/check-out`).set(bearer(employer.token)).expect(200);
    await market.db.query(`UPDATE bookings SET settle_by = now() - interval '1 day' WHERE id = $1`, [booking.id]);
    const unpaid = await api().get('/api/bookings/unpaid').set(bearer(admin)).expect(200);
    expect(unpaid.body.items).toEqual([
      expect.objectContaining({ id: booking.id, payFen: 22000, worker: expect.objectContaining({ name: '马红', phone: '13700000038' }) }),
    ]);
    await api().get('/api/bookings/unpaid').set(bearer(employer.token)).expect(403);
  });

  it('lets a seeker report a shift and staff suspend (its shifts off the board, no new bookings) and reinstate the employer', async () => {
    const shift = await postShift({}, 6);
    const report = await api()
      .post(`/api/shifts/${shift.id}/reports`)
      .set(bearer(seekers['13700000032']!.token))
      .send({ reason: 'unpaid', detail: '上次没给钱' })
      .expect(201);
    expect(report.body).toMatchObject({ shiftId: shift.id, reason: 'unpaid', status: 'open' });
    await api().post(`/api/shifts/${shift.id}/reports`).set(bearer(seekers['13700000032']!.token)).send({ reason: 'rude' }).expect(400);
    const open = await api().get('/api/employers/reports').set(bearer(admin)).expect(200);
    expect(open.body.items.map((r: { id: string }) => r.id)).toContain(report.body.id);

    const full = await postShift({ headcount: 1 }, 8);
    const seeker = seekers['13700000032']!;
    const accepted = await applyAndAccept(full.id, seeker);
    expect(accepted.status).toBe(201);
    const booking = accepted.body as { id: string };

    const suspended = await api().post(`/api/employers/${employer.id}/suspend`).set(bearer(admin)).send({ reason: '拖欠工资' }).expect(200);
    expect(suspended.body.suspended).toBe(true);
    const refused = await api().post('/api/shifts').set(bearer(employer.token)).send(shiftInput({}, 7)).expect(403);
    expect(refused.body.code).toBe('EMPLOYER_SUSPENDED');
    await api().post(`/api/employers/${employer.id}/suspend`).set(bearer(employer.token)).send({ reason: 'x' }).expect(403);

    // Its shifts leave the board and take nobody new; a place given back stays closed to seekers.
    const onBoard = async (id: string) =>
      ((await api().get('/api/shifts').query({ limit: 100 }).expect(200)).body.items as { id: string }[]).some((item) => item.id === id);
    expect(await onBoard(shift.id)).toBe(false);
    const applied = await api()
      .post(`/api/shifts/${shift.id}/applications`)
      .set(bearer(seekers['13700000031']!.token))
      .send({})
      .expect(409);
    expect(applied.body.code).toBe('EMPLOYER_SUSPENDED');
    // A booking already made stands; if the seeker withdraws, nobody else can be booked in.
    await api().post(`/api/bookings/${booking.id}/cancel`).set(bearer(seeker.token)).send({ reason: '家里有事' }).expect(200);
    expect(await onBoard(full.id)).toBe(false);
    const referred = await api()
      .post('/api/matching/referrals')
      .set(bearer(admin))
      .send({ shiftId: full.id, workerId: seekers['13700000031']!.id })
      .expect(409);
    expect(referred.body.code).toBe('EMPLOYER_SUSPENDED');

    const reinstated = await api().post(`/api/employers/${employer.id}/reinstate`).set(bearer(admin)).expect(200);
    expect(reinstated.body.suspended).toBe(false);
    expect(await onBoard(shift.id)).toBe(true);
  });

  it('gives staff the figures: postings, fill rate, people served and how evenly work spreads', async () => {
    const overview = await api().get('/api/stats/overview').set(bearer(admin)).expect(200);
    const db = async (sql: string) => (await market.db.query(sql)).rows[0].n as number;
    expect(overview.body).toMatchObject({
      shiftsPosted: await db(`SELECT count(*)::int AS n FROM shifts WHERE published_at IS NOT NULL`),
      bookings: await db(`SELECT count(*)::int AS n FROM bookings`),
      seekersServed: await db(
        `SELECT count(DISTINCT worker_id)::int AS n FROM bookings WHERE status IN ('confirmed', 'checked_in', 'completed')`,
      ),
      priorityServed: 0,
    });
    expect(overview.body.fillRate).toBeGreaterThan(0);
    expect(overview.body.fillRate).toBeLessThanOrEqual(1);
    // Two of the eight seekers have completed work: hours are far from evenly spread.
    expect(overview.body.hoursGini).toBeGreaterThan(0.5);
    expect(overview.body.hoursGini).toBeLessThan(1);
    await api().get('/api/stats/overview').set(bearer(employer.token)).expect(403);
    await api()
      .get('/api/stats/overview')
      .query({ from: '2026-12-01T00:00:00+08:00', to: '2026-11-01T00:00:00+08:00' })
      .set(bearer(admin))
      .expect(400);
  });
});
