import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { verifiedEmployer } from '../support/employers';
import { startMarket, type Market } from '../support/market';
import { bearer, seekerWithProfile, shiftInput, signInAdmin } from '../support/people';

interface Placed {
  shiftId: string;
  workerId: string;
  score: number;
}

/**
 * Issue 10, points 4 and 5: the office's review of shifts, employers and reports, a dispatch plan
 * changed by hand before it is confirmed, and the dashboard's and the month report's figures.
 */
describe('the office', () => {
  let market: Market;
  let staff: string;
  const api = () => request(market.url);
  const everyDay = Array.from({ length: 7 }, (_, i) => ({ day: i + 1, start: '06:00', end: '22:00' }));

  beforeAll(async () => {
    market = await startMarket();
    staff = await signInAdmin(market);
  });
  afterAll(async () => {
    await market.close();
  });

  it('reviews an unverified employer’s shift: listed with who posted it, rejected with a reason, then gone from the list', async () => {
    const unverified = await verifiedEmployer(market, '13600000201', '龙湾某新开店', false);
    const shift = (
      await api()
        .post('/api/shifts')
        .set(bearer(unverified.token))
        .send(shiftInput({ publish: true, title: '开业促销' }))
        .expect(201)
    ).body;
    expect(shift.status).toBe('pending_review');

    const waiting = (await api().get('/api/shifts/review').set(bearer(staff)).expect(200)).body.items;
    expect(waiting).toEqual([
      expect.objectContaining({
        id: shift.id,
        title: '开业促销',
        employer: { id: unverified.id, name: '龙湾某新开店', verified: false, suspended: false },
      }),
    ]);
    const employers = (await api().get('/api/employers').set(bearer(staff)).expect(200)).body.items;
    expect(employers).toContainEqual(
      expect.objectContaining({ id: unverified.id, verified: false, shiftsPendingReview: 1, openReports: 0 }),
    );

    const rejected = (await api().post(`/api/shifts/${shift.id}/reject`).set(bearer(staff)).send({ reason: '地址不实' }).expect(200)).body;
    expect(rejected.status).toBe('cancelled');
    expect((await market.db.query(`SELECT cancel_reason FROM shifts WHERE id = $1`, [shift.id])).rows[0].cancel_reason).toBe('地址不实');
    expect((await api().get('/api/shifts/review').set(bearer(staff)).expect(200)).body.items).toEqual([]);
    expect((await api().post(`/api/shifts/${shift.id}/reject`).set(bearer(staff)).send({ reason: '再次' }).expect(409)).body.code).toBe(
      'SHIFT_NOT_PENDING',
    );
    await api().post(`/api/shifts/${shift.id}/reject`).set(bearer(staff)).send({}).expect(400);
    await api().post(`/api/shifts/${randomUUID()}/reject`).set(bearer(staff)).send({ reason: '无' }).expect(404);
    await api().post(`/api/shifts/${shift.id}/reject`).set(bearer(unverified.token)).send({ reason: '自己' }).expect(403);
    await api().get('/api/shifts/review').set(bearer(unverified.token)).expect(403);
    await api().get('/api/employers').set(bearer(unverified.token)).expect(403);

    // Suspended employers are their own list; a bad filter is a 400.
    await api().post(`/api/employers/${unverified.id}/suspend`).set(bearer(staff)).send({ reason: '多次虚假招聘' }).expect(200);
    const suspended = (await api().get('/api/employers').query({ status: 'suspended' }).set(bearer(staff)).expect(200)).body.items;
    expect(suspended).toEqual([expect.objectContaining({ id: unverified.id, suspended: true, suspensionReason: '多次虚假招聘' })]);
    await api().get('/api/employers').query({ status: 'everyone' }).set(bearer(staff)).expect(400);
    await api().get('/api/employers').query({ limit: 201 }).set(bearer(staff)).expect(400);
  });

  it('lists reports with their shift and employer, and takes one off the list once reviewed', async () => {
    const employer = await verifiedEmployer(market, '13600000202', '龙湾某物流');
    const shift = (
      await api()
        .post('/api/shifts')
        .set(bearer(employer.token))
        .send(shiftInput({ publish: true }))
        .expect(201)
    ).body;
    // A cleaner: not a candidate for the crews below.
    const seeker = await seekerWithProfile(market, '13700000201', {
      name: '保洁员',
      skills: [{ code: 'cleaning', years: 2 }],
      availability: everyDay,
    });
    const report = (
      await api()
        .post(`/api/shifts/${shift.id}/reports`)
        .set(bearer(seeker.token))
        .send({ reason: 'unpaid', detail: '上次没结工钱' })
        .expect(201)
    ).body;

    const open = (await api().get('/api/employers/reports').set(bearer(staff)).expect(200)).body.items;
    expect(open).toContainEqual(
      expect.objectContaining({
        id: report.id,
        shiftTitle: '仓库搬运 日结',
        employerName: '龙湾某物流',
        employerVerified: true,
        employerSuspended: false,
      }),
    );
    const reviewed = (await api().post(`/api/employers/reports/${report.id}/reviewed`).set(bearer(staff)).expect(200)).body;
    expect(reviewed).toMatchObject({ id: report.id, status: 'reviewed' });
    expect(
      (await api().get('/api/employers/reports').set(bearer(staff)).expect(200)).body.items.map((r: { id: string }) => r.id),
    ).not.toContain(report.id);
    await api().post(`/api/employers/reports/${randomUUID()}/reviewed`).set(bearer(staff)).expect(404);
    await api().post(`/api/employers/reports/${report.id}/reviewed`).set(bearer(seeker.token)).expect(403);
  });

  it('changes a dispatch plan by hand within the solver’s rules, then books what staff chose', async () => {
    const employer = await verifiedEmployer(market, '13600000203', '龙湾某电器厂');
    // Two shifts at the same hours and one the next day: nobody may take both of the first two.
    const morning = (
      await api()
        .post('/api/shifts')
        .set(bearer(employer.token))
        .send(shiftInput({ publish: true, headcount: 1, title: '装配 A' }, 6))
        .expect(201)
    ).body;
    const same = (
      await api()
        .post('/api/shifts')
        .set(bearer(employer.token))
        .send(shiftInput({ publish: true, headcount: 1, title: '装配 B' }, 6))
        .expect(201)
    ).body;
    const next = (
      await api()
        .post('/api/shifts')
        .set(bearer(employer.token))
        .send(shiftInput({ publish: true, headcount: 2, title: '装配 C' }, 7))
        .expect(201)
    ).body;
    const people = [];
    for (const [phone, name, lng] of [
      ['13700000211', '陈一', 120.801],
      ['13700000212', '陈二', 120.805],
      ['13700000213', '陈三', 120.83],
    ] as const) {
      people.push(await seekerWithProfile(market, phone, { name, lng, availability: everyDay }));
    }
    const shiftIds = [morning.id, same.id, next.id];

    const plan = (await api().post('/api/dispatch/plans').set(bearer(staff)).send({ shiftIds }).expect(201)).body;
    expect(plan.assignments).toHaveLength(4);
    expect(plan.shifts.map((s: { title: string }) => s.title).sort()).toEqual(['装配 A', '装配 B', '装配 C']);
    expect(plan.people.map((p: { name: string }) => p.name).sort()).toEqual(['陈一', '陈三', '陈二']);
    expect(plan.people[0].phoneMasked).toMatch(/^137\*{4}\d{4}$/);
    expect(plan.candidates.filter((c: Placed) => c.shiftId === morning.id)).toHaveLength(3);
    expect(plan.solverTotalScore).toBe(plan.totalScore);
    expect(plan.editedAt).toBeNull();
    // Three people, four places: on the overlapping pair one person is left out of one shift, never put on both.
    const onPair = plan.assignments.filter((a: Placed) => a.shiftId !== next.id).map((a: Placed) => a.workerId);
    expect(new Set(onPair).size).toBe(2);
    expect(plan.unfilled).toEqual([]);

    const onMorning = plan.assignments.find((a: Placed) => a.shiftId === morning.id).workerId as string;
    const onSame = plan.assignments.find((a: Placed) => a.shiftId === same.id).workerId as string;
    const idle = people.map((p) => p.id).find((id) => id !== onMorning && id !== onSame)!;

    // Broken rules are all listed: someone on both overlapping shifts, a shift over its headcount, an unknown shift, someone not eligible.
    const broken = await api()
      .put(`/api/dispatch/plans/${plan.id}/assignments`)
      .set(bearer(staff))
      .send({
        assignments: [
          { shiftId: morning.id, workerId: onMorning },
          { shiftId: same.id, workerId: onMorning },
          { shiftId: same.id, workerId: onSame },
          { shiftId: randomUUID(), workerId: idle },
          { shiftId: next.id, workerId: randomUUID() },
        ],
      })
      .expect(409);
    expect(broken.body.code).toBe('PLAN_ASSIGNMENT_INVALID');
    expect(broken.body.problems.map((p: { code: string }) => p.code).sort()).toEqual([
      'NOT_A_CANDIDATE',
      'OVERLAPPING_SHIFTS',
      'OVER_HEADCOUNT',
      'SHIFT_NOT_IN_PLAN',
    ]);
    await api()
      .put(`/api/dispatch/plans/${plan.id}/assignments`)
      .set(bearer(staff))
      .send({ assignments: [{ shiftId: 'x', workerId: idle }] })
      .expect(400);
    await api().put(`/api/dispatch/plans/${plan.id}/assignments`).set(bearer(staff)).send({ assignments: 'all' }).expect(400);

    // Move the person on shift A to the next day's shift, and leave A for the one who was idle that morning.
    const revised = (
      await api()
        .put(`/api/dispatch/plans/${plan.id}/assignments`)
        .set(bearer(staff))
        .send({
          assignments: [
            { shiftId: morning.id, workerId: idle },
            { shiftId: same.id, workerId: onSame },
            { shiftId: next.id, workerId: onMorning },
          ],
        })
        .expect(200)
    ).body;
    expect(revised.assignments.map((a: Placed) => [a.shiftId, a.workerId])).toEqual([
      [morning.id, idle],
      [same.id, onSame],
      [next.id, onMorning],
    ]);
    expect(revised.solverTotalScore).toBe(plan.totalScore);
    expect(revised.totalScore).toBeLessThan(plan.totalScore);
    expect(revised.editedAt).toEqual(expect.any(String));
    expect(revised.unfilled).toEqual([{ shiftId: next.id, missing: 1, reason: 'candidates_not_placed', candidates: 3 }]);
    expect(revised.unplaced).toEqual([]);
    expect(revised.unplacedCount).toBe(0);

    expect((await api().post(`/api/dispatch/plans/${plan.id}/confirm`).set(bearer(staff)).expect(201)).body).toEqual({
      bookings: 3,
      failed: [],
      status: 'confirmed',
    });
    const booked = await market.db.query(
      `SELECT shift_id, worker_id FROM bookings WHERE source = 'dispatch' AND shift_id = ANY($1) ORDER BY shift_id`,
      [shiftIds],
    );
    expect(booked.rows.map((row: { shift_id: string; worker_id: string }) => `${row.shift_id} ${row.worker_id}`).sort()).toEqual(
      [`${morning.id} ${idle}`, `${same.id} ${onSame}`, `${next.id} ${onMorning}`].sort(),
    );
    const late = await api().put(`/api/dispatch/plans/${plan.id}/assignments`).set(bearer(staff)).send({ assignments: [] }).expect(409);
    expect(late.body.code).toBe('PLAN_ALREADY_CONFIRMED');
    await api().put(`/api/dispatch/plans/${randomUUID()}/assignments`).set(bearer(staff)).send({ assignments: [] }).expect(404);
    await api().put(`/api/dispatch/plans/${plan.id}/assignments`).set(bearer(employer.token)).send({ assignments: [] }).expect(403);
  });

  it('says why places stay empty and who is left out when there are too few, or too many, people', async () => {
    const employer = await verifiedEmployer(market, '13600000204', '龙湾某餐馆');
    const nobody = (
      await api()
        .post('/api/shifts')
        .set(bearer(employer.token))
        .send(shiftInput({ publish: true, headcount: 2, category: 'care', requirements: { skills: ['care'], certificates: [] } }, 9))
        .expect(201)
    ).body;
    const one = (
      await api()
        .post('/api/shifts')
        .set(bearer(employer.token))
        .send(shiftInput({ publish: true, headcount: 1 }, 9))
        .expect(201)
    ).body;
    const plan = (
      await api()
        .post('/api/dispatch/plans')
        .set(bearer(staff))
        .send({ shiftIds: [nobody.id, one.id] })
        .expect(201)
    ).body;
    expect(plan.unfilled).toEqual([{ shiftId: nobody.id, missing: 2, reason: 'no_candidates', candidates: 0 }]);
    // Everyone eligible for the one place but the one placed is left out, because the shift is full.
    expect(plan.assignments).toHaveLength(1);
    expect(plan.unplacedCount).toBeGreaterThan(0);
    expect(
      plan.unplaced.every(
        (u: { reason: string; options: { shiftId: string }[] }) => u.reason === 'shifts_full' && u.options[0]!.shiftId === one.id,
      ),
    ).toBe(true);
  });

  it('gives the dashboard its days and a month’s report, to staff only', async () => {
    // A completed day's work, for the hours' Gini.
    const [done] = (
      await market.db.query(
        `UPDATE bookings SET status = 'completed', minutes_worked = 480, pay_owed_fen = 22000, checked_in_at = now() - interval '8 hours', checked_out_at = now(), settle_by = now() - interval '1 hour'
          WHERE id = (SELECT id FROM bookings WHERE source = 'dispatch' ORDER BY created_at LIMIT 1) RETURNING id`,
      )
    ).rows as { id: string }[];
    expect(done).toBeDefined();

    const daily = (await api().get('/api/stats/daily').query({ days: 7 }).set(bearer(staff)).expect(200)).body;
    expect(daily.days).toHaveLength(7);
    const today = daily.days.at(-1);
    expect(today.date).toBe(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10));
    expect(today.bookings).toBe(3);
    expect(today.smsSent).toBeGreaterThan(0);
    // One of the active seekers worked all the hours: the Gini is (n − 1) / n.
    const active = Number((await market.db.query(`SELECT count(*) FROM workers WHERE status = 'active'`)).rows[0].count);
    expect(today.hoursGini7d).toBeCloseTo((active - 1) / active, 3);
    expect(daily.days[0].bookings).toBe(0);
    expect(daily.categories).toContainEqual(expect.objectContaining({ category: 'loading', needed: expect.any(Number) }));
    const care = daily.categories.find((c: { category: string }) => c.category === 'care');
    expect(care).toEqual({ category: 'care', needed: 2, filled: 0, fillRate: 0 });
    expect(daily.groups.map((g: { group: string }) => g.group)).toEqual(['low_income', 'disability', 'long_term_unemployed', 'none']);
    expect(daily.groups.find((g: { group: string }) => g.group === 'none').people).toBeGreaterThanOrEqual(3);
    expect((await api().get('/api/stats/daily').set(bearer(staff)).expect(200)).body.days).toHaveLength(30);
    await api().get('/api/stats/daily').query({ days: 0 }).set(bearer(staff)).expect(400);
    await api().get('/api/stats/daily').query({ days: 93 }).set(bearer(staff)).expect(400);

    const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    const report = (await api().get('/api/stats/month').query({ month }).set(bearer(staff)).expect(200)).body;
    const [year, number] = month.split('-').map(Number) as [number, number];
    expect(report.series.days).toHaveLength(new Date(Date.UTC(year, number, 0)).getUTCDate());
    expect(report.series.days[0].date).toBe(`${month}-01`);
    expect(report.overview.bookings).toBe(3);
    expect(report.unpaidWages).toEqual({ bookings: 1, amountFen: 22000 });
    expect(report.reportsReceived).toBe(1);
    await api().get('/api/stats/month').query({ month: '2026-13' }).set(bearer(staff)).expect(400);
    await api().get('/api/stats/month').set(bearer(staff)).expect(400);
    const seeker = await seekerWithProfile(market, '13700000221');
    await api().get('/api/stats/daily').set(bearer(seeker.token)).expect(403);
    await api().get('/api/stats/month').query({ month }).set(bearer(seeker.token)).expect(403);
  });
});
