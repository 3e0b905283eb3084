import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { API_CONTRACT_FILE, readContract } from '../support/api-contract';
import { minutesFromNow, verifiedEmployer } from '../support/employers';
import { startMarket, type Market } from '../support/market';
import { bearer, seekerWithProfile, shiftInput, signInAdmin, workerInput } from '../support/people';
import { SseClient } from '../support/sse';
import { replyBySms, signedByGateway } from '../support/sms-gateway';
import { waitFor } from '../support/wait-for';

/**
 * Issue 9, point 2: the front door serves the one merged contract, and every documented operation
 * answers as documented. Every e2e file holds the answers it sees to the contract (test/support/
 * market.ts); this one also walks every operation once, so none goes unchecked.
 */
describe('the API contract', () => {
  let market: Market;
  const api = () => request(market.url);
  const everyDay = Array.from({ length: 7 }, (_, i) => ({ day: i + 1, start: '06:00', end: '22:00' }));

  beforeAll(async () => {
    market = await startMarket();
  });
  afterAll(async () => {
    await market.close();
  });

  it('is what the front door serves at /docs/openapi.json and /docs-json, with Swagger UI at /docs', async () => {
    const checkedIn = JSON.parse(readFileSync(API_CONTRACT_FILE, 'utf8')) as unknown;
    expect((await api().get('/docs/openapi.json').expect(200).expect('content-type', /json/)).body).toEqual(checkedIn);
    expect((await api().get('/docs-json').expect(200)).body).toEqual(checkedIn);
    expect((await api().get('/docs').redirects(1).expect(200)).text).toContain('swagger-ui');
    // Each service still serves its own document, health and internal routes left out of the contract.
    const own = await request(market.apps['job-posting']).get('/docs/openapi.json').expect(200);
    expect(Object.keys(own.body.paths)).toContain('/health/ready');
    expect(Object.keys(own.body.paths).some((path) => path.startsWith('/api/internal'))).toBe(false);
  });

  it('answers every documented operation as documented', async () => {
    const admin = await signInAdmin(market);
    await api().get('/api/me').set(bearer(admin)).expect(200);
    await api().post('/api/staff').set(bearer(admin)).send({ phone: '13900000101', password: 'desk-password-1', name: '李芳' }).expect(201);
    const staff = (await api().post('/api/auth/staff-login').send({ phone: '13900000101', password: 'desk-password-1' }).expect(200)).body
      .accessToken as string;
    const spare = (
      await api()
        .post('/api/staff')
        .set(bearer(admin))
        .send({ phone: '13900000102', password: 'desk-password-2', name: '王丹' })
        .expect(201)
    ).body;
    await api().post(`/api/staff/${spare.id}/disable`).set(bearer(admin)).expect(200);
    await api().post(`/api/staff/${spare.id}/enable`).set(bearer(admin)).expect(200);
    await api().get('/api/staff').set(bearer(admin)).expect(200);

    // Employers: one verified, one not (its shift waits for review), suspended and reinstated.
    const employer = await verifiedEmployer(market, '13600000101');
    await api().get('/api/employers/me').set(bearer(employer.token)).expect(200);
    const other = await verifiedEmployer(market, '13600000102', '龙湾某餐饮店', false);
    const draft = (
      await api()
        .post('/api/shifts')
        .set(bearer(other.token))
        .send(shiftInput({ category: 'catering' }, 5))
        .expect(201)
    ).body;
    expect((await api().post(`/api/shifts/${draft.id}/publish`).set(bearer(other.token)).expect(200)).body.status).toBe('pending_review');
    await api().get('/api/shifts/review').set(bearer(staff)).expect(200);
    await api().get('/api/employers').query({ status: 'unverified' }).set(bearer(staff)).expect(200);
    await api().post(`/api/shifts/${draft.id}/approve`).set(bearer(staff)).expect(200);
    const turnedDown = (
      await api()
        .post('/api/shifts')
        .set(bearer(other.token))
        .send(shiftInput({ publish: true, title: '待审核' }, 5))
        .expect(201)
    ).body;
    await api().post(`/api/shifts/${turnedDown.id}/reject`).set(bearer(staff)).send({ reason: '地址不实' }).expect(200);
    await api().post(`/api/employers/${other.id}/suspend`).set(bearer(staff)).send({ reason: '核实中' }).expect(200);
    await api().post(`/api/employers/${other.id}/reinstate`).set(bearer(staff)).expect(200);
    await api().post(`/api/shifts/${draft.id}/cancel`).set(bearer(other.token)).send({ reason: '不需要了' }).expect(200);

    // Seekers: three by themselves, one walk-in registered at the desk (who lives too far for the offers below).
    const seeker = await seekerWithProfile(market, '13700000101', { availability: everyDay, residentId: '11010519491231002X' });
    const second = await seekerWithProfile(market, '13700000102', { name: '李明', lng: 120.812, availability: everyDay });
    const third = await seekerWithProfile(market, '13700000103', { name: '张丽', lng: 120.815, availability: everyDay });
    await api().get('/api/workers/me').set(bearer(seeker.token)).expect(200);
    await api().patch('/api/workers/me').set(bearer(seeker.token)).send({ maxDistanceKm: 15 }).expect(200);
    const walkIn = (
      await api()
        .post('/api/workers')
        .set(bearer(staff))
        .send(workerInput({ phone: '13700000104', name: '赵强', street: '蒲州街道', lat: 27.99, lng: 120.71, maxDistanceKm: 1 }))
        .expect(201)
    ).body;
    await api().put(`/api/workers/${walkIn.id}/priority-group`).set(bearer(staff)).send({ group: 'low_income', consent: true }).expect(200);
    await api().get('/api/workers').query({ skill: 'loading', limit: 2 }).set(bearer(staff)).expect(200);
    await api().get('/api/workers').query({ q: '赵' }).set(bearer(staff)).expect(200);
    await api().patch(`/api/workers/${walkIn.id}`).set(bearer(staff)).send({ name: '赵强', desk: '综合服务区 1 号窗口' }).expect(200);
    await api().get(`/api/matching/workers/${walkIn.id}/recommendations`).set(bearer(staff)).expect(200);
    await api().get(`/api/workers/${seeker.id}`).set(bearer(staff)).expect(200);
    await api().put(`/api/workers/${walkIn.id}/resident-id`).set(bearer(staff)).send({ residentId: null }).expect(200);

    // The board, one shift, applications.
    const shift = (
      await api()
        .post('/api/shifts')
        .set(bearer(employer.token))
        .send(shiftInput({ publish: true, headcount: 2 }, 3))
        .expect(201)
    ).body;
    await api().get('/api/shifts').query({ near: '27.93,120.80', sort: 'distance', limit: 5 }).expect(200);
    await api().get(`/api/shifts/${shift.id}`).expect(200);
    await api().get(`/api/shifts/${shift.id}/employer`).expect(200);
    const unpublished = (await api().post('/api/shifts').set(bearer(employer.token)).send(shiftInput({}, 4)).expect(201)).body;
    await api().get(`/api/shifts/${unpublished.id}/employer`).expect(404);
    const applied = (
      await api().post(`/api/shifts/${shift.id}/applications`).set(bearer(seeker.token)).send({ note: '有经验' }).expect(201)
    ).body;
    const rejected = (await api().post(`/api/shifts/${shift.id}/applications`).set(bearer(second.token)).send({}).expect(201)).body;
    const withdrawn = (await api().post(`/api/shifts/${shift.id}/applications`).set(bearer(third.token)).send({}).expect(201)).body;
    await api().post(`/api/applications/${withdrawn.id}/withdraw`).set(bearer(third.token)).expect(200);
    await api().get('/api/applications/mine').set(bearer(seeker.token)).expect(200);
    await api().post(`/api/applications/${rejected.id}/reject`).set(bearer(employer.token)).expect(200);
    const booking = (await api().post(`/api/applications/${applied.id}/accept`).set(bearer(employer.token)).expect(201)).body;
    await api().get(`/api/shifts/${shift.id}/applications`).set(bearer(employer.token)).expect(200);
    // The employer's desk: its shifts, a shift's roster, the cost of cancelling, a copy, the rules' settings.
    await api().get('/api/employers/me/shifts').set(bearer(employer.token)).expect(200);
    await api().get(`/api/shifts/${shift.id}/roster`).set(bearer(employer.token)).expect(200);
    await api().get(`/api/shifts/${shift.id}/cancellation`).set(bearer(employer.token)).expect(200);
    await api().post(`/api/shifts/${shift.id}/copy`).set(bearer(employer.token)).send({}).expect(201);
    await api().get('/api/employers/posting-rules').set(bearer(employer.token)).expect(200);
    await api().get('/api/bookings').set(bearer(seeker.token)).expect(200);
    await api().post(`/api/bookings/${booking.id}/confirm-attendance`).set(bearer(seeker.token)).expect(200);
    await api().post(`/api/bookings/${booking.id}/cancel`).set(bearer(seeker.token)).send({ reason: '家中有事' }).expect(200);
    await api()
      .post(`/api/shifts/${shift.id}/reports`)
      .set(bearer(second.token))
      .send({ reason: 'other', detail: '地址不清楚' })
      .expect(201);
    const reported = (await api().get('/api/employers/reports').set(bearer(staff)).expect(200)).body.items[0];
    await api().post(`/api/employers/reports/${reported.id}/reviewed`).set(bearer(staff)).expect(200);

    // Matching: candidates, recommendations, offers made and answered.
    await api().get(`/api/matching/shifts/${shift.id}/candidates`).set(bearer(employer.token)).expect(200);
    await api().get('/api/matching/workers/me/recommendations').set(bearer(second.token)).expect(200);
    await api().post(`/api/matching/shifts/${shift.id}/offers`).set(bearer(employer.token)).send({ count: 1 }).expect(202);
    const offered = (
      await api()
        .post('/api/shifts')
        .set(bearer(employer.token))
        .send(shiftInput({ publish: true, headcount: 1 }, 2))
        .expect(201)
    ).body;
    const offers = await waitFor(
      'two offers of the new shift',
      async () =>
        (await market.db.query(`SELECT id, phone FROM offers WHERE shift_id = $1 ORDER BY score DESC`, [offered.id])).rows as {
          id: string;
          phone: string;
        }[],
      (rows) => rows.length === 2,
    );
    const tokens: Record<string, string> = { '13700000101': seeker.token, '13700000102': second.token, '13700000103': third.token };
    const [yes, no] = offers.filter((offer) => tokens[offer.phone]);
    expect(yes && no).toBeTruthy();
    await api().get('/api/offers').set(bearer(tokens[yes!.phone]!)).expect(200);
    await api().post(`/api/offers/${yes!.id}/accept`).set(bearer(tokens[yes!.phone]!)).expect(201);
    await api().post(`/api/offers/${no!.id}/decline`).set(bearer(tokens[no!.phone]!)).expect(200);

    // A referral through a whole working day: check-in, check-out, unpaid, paid, received, rated; and a no-show.
    const today = (
      await api()
        .post('/api/shifts')
        .set(bearer(employer.token))
        .send(
          shiftInput({
            publish: true,
            headcount: 3,
            startsAt: minutesFromNow(20),
            endsAt: minutesFromNow(200),
            pay: { amountFen: 2600, unit: 'hour', settlement: 'daily' },
          }),
        )
        .expect(201)
    ).body;
    const referred = (
      await api().post('/api/matching/referrals').set(bearer(staff)).send({ shiftId: today.id, workerId: third.id }).expect(201)
    ).body;
    await api().get(`/api/bookings/${referred.id}/slip`).set(bearer(staff)).expect(200);
    await api().post(`/api/bookings/${referred.id}/check-in`).set(bearer(employer.token)).expect(200);
    await market.db.query(
      `UPDATE bookings SET starts_at = starts_at - interval '140 minutes', ends_at = ends_at - interval '140 minutes', checked_in_at = checked_in_at - interval '120 minutes' WHERE id = $1`,
      [referred.id],
    );
    await api().post(`/api/bookings/${referred.id}/check-out`).set(bearer(employer.token)).expect(200);
    await market.db.query(`UPDATE bookings SET settle_by = now() - interval '1 day' WHERE id = $1`, [referred.id]);
    expect((await api().get('/api/bookings/unpaid').set(bearer(staff)).expect(200)).body.items).toHaveLength(1);
    await api().post(`/api/bookings/${referred.id}/paid`).set(bearer(employer.token)).expect(200);
    await api().post(`/api/bookings/${referred.id}/payment-received`).set(bearer(third.token)).expect(200);
    await api().post(`/api/bookings/${referred.id}/rating`).set(bearer(employer.token)).send({ stars: 5, comment: '干活踏实' }).expect(201);
    const absent = (
      await api().post('/api/matching/referrals').set(bearer(staff)).send({ shiftId: today.id, workerId: walkIn.id }).expect(201)
    ).body;
    await market.db.query(`UPDATE bookings SET starts_at = now() - interval '1 hour', ends_at = now() + interval '2 hours' WHERE id = $1`, [
      absent.id,
    ]);
    await api().post(`/api/bookings/${absent.id}/no-show`).set(bearer(employer.token)).expect(200);

    // Dispatch, figures, the SMS gateway, and a seeker's own data.
    const crew = (
      await api()
        .post('/api/shifts')
        .set(bearer(employer.token))
        .send(shiftInput({ publish: true, headcount: 1 }, 6))
        .expect(201)
    ).body;
    const plan = (
      await api()
        .post('/api/dispatch/plans')
        .set(bearer(staff))
        .send({ shiftIds: [crew.id] })
        .expect(201)
    ).body;
    await api()
      .put(`/api/dispatch/plans/${plan.id}/assignments`)
      .set(bearer(staff))
      .send({
        assignments: plan.assignments.map(({ shiftId, workerId }: { shiftId: string; workerId: string }) => ({ shiftId, workerId })),
      })
      .expect(200);
    await api().post(`/api/dispatch/plans/${plan.id}/confirm`).set(bearer(staff)).expect(201);
    await api().get('/api/stats/overview').set(bearer(staff)).expect(200);
    await api().get('/api/stats/daily').query({ days: 30 }).set(bearer(staff)).expect(200);
    await api().get('/api/stats/month').query({ month: '2026-11' }).set(bearer(staff)).expect(200);
    await replyBySms(market, '13700000102', '你好').expect(200);
    await signedByGateway(market, '/api/sms/receipts', { messageId: 'gateway-1', status: 'delivered' }).expect(200);
    await api().get('/api/workers/me/export').set(bearer(third.token)).expect(200);
    const leaver = await seekerWithProfile(market, '13700000105', { name: '钱伟' });
    await api().delete('/api/workers/me').set(bearer(leaver.token)).expect(204);
    const deskLeaver = await seekerWithProfile(market, '13700000106', { name: '孙敏' });
    await api().delete(`/api/workers/${deskLeaver.id}`).set(bearer(staff)).expect(204);

    // The one error shape, under the statuses the contract names.
    await api().get('/api/me').expect(401);
    await api().get('/api/bookings/unpaid').set(bearer(seeker.token)).expect(403);
    await api().get(`/api/shifts/${randomUUID()}`).expect(404);
    await api().post(`/api/shifts/${crew.id}/applications`).set(bearer(employer.token)).send({}).expect(403);
    expect((await api().post(`/api/shifts/${offered.id}/applications`).set(bearer(third.token)).send({}).expect(409)).body.code).toBe(
      'SHIFT_FULL',
    );
    expect(
      (
        await api()
          .post('/api/shifts')
          .set(bearer(employer.token))
          .send(shiftInput({ pay: { amountFen: 100, unit: 'day', settlement: 'daily' } }))
          .expect(422)
      ).body,
    ).toMatchObject({
      code: 'BELOW_MINIMUM_WAGE',
    });
    await api().post(`/api/shifts/${crew.id}/applications`).set(bearer(seeker.token)).send({ note: 1 }).expect(400);

    // The kiosk's stream is hijacked past the recording hook: read it as a board does and record its answer.
    const board = await new SseClient(`${market.url}/api/kiosk/stream`).open();
    const snapshot = await board.waitFor('the board snapshot', (event) => event.event === 'snapshot');
    expect(snapshot.data).toMatchObject({ shifts: expect.any(Array) });
    await board.close();
    market.contract.record({ method: 'GET', url: '/api/kiosk/stream', status: board.status, contentType: board.contentType, body: '' });

    const operations = Object.values(readContract().paths).flatMap((item) => Object.values(item).map((operation) => operation.operationId));
    const unanswered = operations.filter((id) => ![...(market.contract.seen.get(id) ?? [])].some((status) => status < 300));
    expect(unanswered).toEqual([]);
    expect(market.contract.violations()).toEqual([]);
  });
});
