import request from 'supertest';
import { verifiedEmployer } from '../support/employers';
import { startMarket, type Market } from '../support/market';
import { bearer, shiftInput, signIn, signInAdmin, workerInput } from '../support/people';

/** Candidates for a shift and recommendations for a seeker, ranked and explained. */
describe('matching', () => {
  let market: Market;
  let employer: { token: string; id: string };
  let admin: string;
  let shiftId: string;
  const tokens: Record<string, string> = {};
  const api = () => request(market.url);

  // Monday 07:00-19:00 and every other day: the shift (3 days ahead) falls in one of them.
  const everyDay = Array.from({ length: 7 }, (_, i) => ({ day: i + 1, start: '07:00', end: '19:00' }));

  beforeAll(async () => {
    market = await startMarket();
    admin = await signInAdmin(market);
    employer = await verifiedEmployer(market, '13600000061');
    const seekers: [string, Record<string, unknown>][] = [
      ['13700000061', { name: '近而熟练', lat: 27.931, lng: 120.801, skills: [{ code: 'loading', years: 8 }], availability: everyDay }],
      ['13700000062', { name: '远一些', lat: 27.96, lng: 120.83, skills: [{ code: 'loading', years: 1 }], availability: everyDay }],
      ['13700000063', { name: '没有技能', skills: [{ code: 'cleaning', years: 5 }], availability: everyDay }],
      ['13700000064', { name: '太远', lat: 28.2, lng: 121.1, skills: [{ code: 'loading', years: 5 }], availability: everyDay }],
      ['13700000065', { name: '没空', skills: [{ code: 'loading', years: 5 }], availability: [] }],
    ];
    for (const [phone, profile] of seekers) {
      const token = (tokens[phone] = await signIn(market, phone, 'worker'));
      await api().post('/api/workers').set(bearer(token)).send(workerInput(profile)).expect(201);
    }
    shiftId = (
      await api()
        .post('/api/shifts')
        .set(bearer(employer.token))
        .send(shiftInput({ publish: true }))
        .expect(201)
    ).body.id;
  });
  afterAll(async () => {
    await market.close();
  });

  it('ranks only eligible seekers, best first, with a breakdown that adds up and Chinese explanations', async () => {
    const answer = await api().get(`/api/matching/shifts/${shiftId}/candidates`).set(bearer(admin)).expect(200);
    expect(answer.body.items.map((c: { name: string }) => c.name)).toEqual(['近而熟练', '远一些']);
    const [best] = answer.body.items;
    expect(best).toMatchObject({ phoneMasked: '137****0061' });
    expect(best.score).toBeGreaterThan(0);
    expect(best.score).toBeLessThanOrEqual(100);
    const parts = Object.values(best.breakdown as Record<string, number>).reduce((sum, part) => sum + part, 0);
    expect(parts).toBeCloseTo(best.score, 1);
    expect(Object.keys(best.breakdown).sort()).toEqual(['availability', 'distance', 'fairness', 'pay', 'reliability', 'skill']);
    expect(best.explanations.skill).toMatch(/[\u4e00-\u9fff]/);
    // The employer: the same people, surnames only, and no pay or fairness part (docs/privacy.md).
    const seen = await api().get(`/api/matching/shifts/${shiftId}/candidates`).set(bearer(employer.token)).expect(200);
    expect(seen.body.items.map((c: { name: string }) => c.name)).toEqual(['近某', '远某']);
    expect(seen.body.items[0].breakdown).toMatchObject({ pay: null, fairness: null });
  });

  it('keeps candidates to the shift’s employer and staff', async () => {
    const other = await verifiedEmployer(market, '13600000062', '别家公司');
    await api().get(`/api/matching/shifts/${shiftId}/candidates`).set(bearer(other.token)).expect(404);
    await api()
      .get(`/api/matching/shifts/${shiftId}/candidates`)
      .set(bearer(await signInAdmin(market)))
      .expect(200);
    await api().get(`/api/matching/shifts/${shiftId}/candidates`).query({ limit: 0 }).set(bearer(employer.token)).expect(400);
  });

  it('recommends fitting open shifts to a seeker', async () => {
    const answer = await api().get('/api/matching/workers/me/recommendations').set(bearer(tokens['13700000061']!)).expect(200);
    expect(answer.body.items).toHaveLength(1);
    expect(answer.body.items[0]).toMatchObject({ shift: { id: shiftId, title: '仓库搬运 日结' } });
    const none = await api().get('/api/matching/workers/me/recommendations').set(bearer(tokens['13700000063']!)).expect(200);
    expect(none.body.items).toEqual([]);
  });

  it('books a seeker by staff referral, with the booking rules of job-posting', async () => {
    const admin = await signInAdmin(market);
    const workerId = (await api().get('/api/workers/me').set(bearer(tokens['13700000062']!)).expect(200)).body.id;
    const booking = await api().post('/api/matching/referrals').set(bearer(admin)).send({ shiftId, workerId }).expect(201);
    expect(booking.body).toMatchObject({ shiftId, workerId, source: 'referral', status: 'confirmed' });
    const again = await api().post('/api/matching/referrals').set(bearer(admin)).send({ shiftId, workerId }).expect(409);
    expect(again.body.code).toBe('ALREADY_BOOKED');
    await api().post('/api/matching/referrals').set(bearer(employer.token)).send({ shiftId, workerId }).expect(403);
    // Internal booking routes are not reachable through the front door.
    await api().post('/api/internal/bookings').set(bearer(admin)).send({ shiftId, workerId, source: 'referral' }).expect(404);
  });

  it('plans a bulk dispatch with a better total score than greedy, placing each seeker once, and confirms it into bookings', async () => {
    const admin = await signInAdmin(market);
    // Two shifts at the same time: one only the skilled seeker can do, a little further away, and
    // one everybody can. Greedy gives the skilled seeker the nearer one, their best pair of all,
    // and leaves the specialist shift empty; the exact solver fills both.
    const everyone = (
      await api()
        .post('/api/shifts')
        .set(bearer(employer.token))
        .send(shiftInput({ publish: true, headcount: 1 }, 5))
        .expect(201)
    ).body.id;
    const specialist = (
      await api()
        .post('/api/shifts')
        .set(bearer(employer.token))
        .send(
          shiftInput(
            {
              publish: true,
              headcount: 1,
              title: '叉车装卸',
              lat: 27.95,
              requirements: { skills: ['loading', 'forklift'], certificates: [] },
            },
            5,
          ),
        )
        .expect(201)
    ).body.id;
    const skilled = await signIn(market, '13700000066', 'worker');
    await api()
      .post('/api/workers')
      .set(bearer(skilled))
      .send(
        workerInput({
          name: '叉车师傅',
          lat: 27.93,
          lng: 120.8,
          skills: [
            { code: 'loading', years: 10 },
            { code: 'forklift', years: 10 },
          ],
          availability: everyDay,
        }),
      )
      .expect(201);

    const plan = await api()
      .post('/api/dispatch/plans')
      .set(bearer(admin))
      .send({ shiftIds: [everyone, specialist] })
      .expect(201);
    expect(plan.body.assignments).toHaveLength(2);
    expect(plan.body.unfilled).toEqual([]);
    expect(plan.body.totalScore).toBeGreaterThan(plan.body.greedyTotalScore);
    expect(plan.body.improvementOverGreedy).toBeGreaterThan(0);
    const bySeeker = Object.fromEntries(plan.body.assignments.map((a: { shiftId: string; workerId: string }) => [a.shiftId, a.workerId]));
    expect(new Set(Object.values(bySeeker)).size).toBe(2);

    const confirmed = await api().post(`/api/dispatch/plans/${plan.body.id}/confirm`).set(bearer(admin)).expect(201);
    expect(confirmed.body).toEqual({ bookings: 2, failed: [], status: 'confirmed' });
    const twice = await api().post(`/api/dispatch/plans/${plan.body.id}/confirm`).set(bearer(admin)).expect(409);
    expect(twice.body.code).toBe('PLAN_ALREADY_CONFIRMED');
    await api().post('/api/dispatch/plans').set(bearer(admin)).send({ shiftIds: [] }).expect(400);
    const full = await api()
      .post('/api/dispatch/plans')
      .set(bearer(admin))
      .send({ shiftIds: [everyone] })
      .expect(409);
    expect(full.body.code).toBe('SHIFT_NOT_OPEN');
  });
});
