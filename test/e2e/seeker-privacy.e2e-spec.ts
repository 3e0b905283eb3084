import request from 'supertest';
import { residentIdCheckChar } from '@lingong/domain';
import { verifiedEmployer } from '../support/employers';
import { startMarket, type Market } from '../support/market';
import { bearer, seekerWithProfile, shiftInput, signIn, signInAdmin, workerInput } from '../support/people';

/**
 * What employers can see of seekers (issue 8, points 1 and 4; docs/privacy.md): candidates only
 * for their own open shifts, nothing of priority group, income, earnings, hours or expected pay,
 * distance in whole kilometres, the surname with 某 until the person is booked with them, never
 * the home's coordinates; and RESIDENT_ID_TAKEN is no oracle for strangers' ID numbers.
 */
describe('what employers see of seekers', () => {
  let market: Market;
  let admin: string;
  let employer: { token: string; id: string };
  let unverified: { token: string; id: string };
  const api = () => request(market.url);
  const everyDay = Array.from({ length: 7 }, (_, i) => ({ day: i + 1, start: '07:00', end: '19:00' }));
  const near = { lat: 27.931, lng: 120.801, availability: everyDay, skills: [{ code: 'loading', years: 3 }] };
  const seekers = {
    /** Low income (set by staff), no work lately, expects 200 yuan a day. */
    needy: { phone: '13700004001', name: '王建国', token: '', id: '' },
    /** Their twin in everything an employer may see: no group, 40 hours lately, expects 300 yuan. */
    busy: { phone: '13700004002', name: '王建军', token: '', id: '' },
    /** About 4 km away. */
    far: { phone: '13700004003', name: '欧阳娜娜', token: '', id: '' },
  };
  /** Words that would state or hint at what only staff may know. */
  const staffOnlyWords = ['低保', '优先', '照顾', '期望', '近30天', '挣', '残疾', '失业'];

  type Candidate = {
    workerId: string;
    name: string;
    phoneMasked: string;
    score: number;
    distanceKm: number;
    breakdown: Record<string, number | null>;
    explanations: Record<string, string | null>;
  };
  const candidates = async (token: string, shiftId: string, status = 200) =>
    (await api().get(`/api/matching/shifts/${shiftId}/candidates`).set(bearer(token)).expect(status)).body as {
      items: Candidate[];
      code?: string;
    };
  const postShift = async (token: string, overrides: Record<string, unknown>, daysAhead: number) =>
    (await api().post('/api/shifts').set(bearer(token)).send(shiftInput(overrides, daysAhead)).expect(201)).body as {
      id: string;
      status: string;
    };
  const applicants = async (shiftId: string) =>
    (
      (await api().get(`/api/shifts/${shiftId}/applications`).set(bearer(employer.token)).expect(200)).body.items as {
        id: string;
        worker: Record<string, unknown>;
      }[]
    ).map((item) => item.worker);

  beforeAll(async () => {
    market = await startMarket();
    admin = await signInAdmin(market);
    employer = await verifiedEmployer(market, '13600004001', '瓯江鞋业有限公司');
    unverified = await verifiedEmployer(market, '13600004002', '沙城某服装厂', false);
    const other = await verifiedEmployer(market, '13600004003', '星海电器配件厂');

    for (const [key, profile] of [
      ['needy', { ...near, expectedDailyPayFen: 20000 }],
      ['busy', { ...near, expectedDailyPayFen: 30000 }],
      ['far', { ...near, lat: 27.966, lng: 120.801 }],
    ] as const) {
      const seeker = seekers[key];
      Object.assign(seeker, await seekerWithProfile(market, seeker.phone, { ...profile, name: seeker.name }));
    }
    await api()
      .put(`/api/workers/${seekers.needy.id}/priority-group`)
      .set(bearer(admin))
      .send({ group: 'low_income', consent: true })
      .expect(200);
    // Forty hours and 4000 yuan of work for another employer last week: the busy twin's month.
    const elsewhere = await postShift(other.token, {}, 20);
    await market.db.query(
      `INSERT INTO bookings (shift_id, employer_id, worker_id, source, status, starts_at, ends_at, employment_type, pay_amount_fen, pay_unit, minutes_worked, pay_owed_fen)
       VALUES ($1, $2, $3, 'application', 'completed', now() - interval '6 days', now() - interval '6 days' + interval '40 hours', 'temporary', 10000, 'hour', 2400, 400000)`,
      [elsewhere.id, other.id, seekers.busy.id],
    );
  });
  afterAll(async () => {
    await market.close();
  });

  describe('1. candidates', () => {
    it('are shown to an employer only for its own open shift: not for a draft, nor a shift waiting for review', async () => {
      const draft = await postShift(unverified.token, {}, 3);
      expect((await candidates(unverified.token, draft.id, 409)).code).toBe('SHIFT_NOT_OPEN');
      const held = (await api().post(`/api/shifts/${draft.id}/publish`).set(bearer(unverified.token)).expect(200)).body;
      expect(held.status).toBe('pending_review');
      const refused = await candidates(unverified.token, draft.id, 409);
      expect(JSON.stringify(refused)).not.toContain(seekers.needy.name);
      const ownDraft = await postShift(employer.token, {}, 3);
      await candidates(employer.token, ownDraft.id, 409);
      // Staff, who review shifts, may look.
      expect((await candidates(admin, draft.id)).items).toHaveLength(3);
      await api().post(`/api/shifts/${draft.id}/approve`).set(bearer(admin)).expect(200);
      expect((await candidates(unverified.token, draft.id)).items).toHaveLength(3);
    });

    it('tell an employer nothing of priority group, income, earnings, hours or expected pay, with names masked and whole kilometres', async () => {
      const open = await postShift(employer.token, { publish: true }, 3);
      const { items } = await candidates(employer.token, open.id);
      const byId = Object.fromEntries(items.map((item) => [item.workerId, item]));
      const [needy, busy, far] = [byId[seekers.needy.id]!, byId[seekers.busy.id]!, byId[seekers.far.id]!];

      expect([needy.name, busy.name, far.name]).toEqual(['王某', '王某', '欧阳某']);
      expect(needy.phoneMasked).toBe('137****4001');
      for (const item of items) {
        expect(Object.keys(item).sort()).toEqual(['breakdown', 'distanceKm', 'explanations', 'name', 'phoneMasked', 'score', 'workerId']);
        expect(Number.isInteger(item.distanceKm)).toBe(true);
        expect(item.breakdown).toMatchObject({ pay: null, fairness: null });
        expect(item.explanations).toMatchObject({ pay: null, fairness: null });
        const shown = Object.values(item.breakdown).reduce<number>((sum, part) => sum + (part ?? 0), 0);
        expect(shown).toBeCloseTo(item.score, 1);
      }
      expect(far.distanceKm).toBe(4);
      expect(far.explanations.distance).toBe('住处离工作地点约4公里');
      const text = JSON.stringify(items);
      for (const word of staffOnlyWords) expect({ word, found: text.includes(word) }).toEqual({ word, found: false });
      for (const seeker of Object.values(seekers)) expect(text).not.toContain(seeker.phone);

      // The twins differ only in what staff alone know: the employer cannot tell them apart.
      const { workerId: _a, phoneMasked: _pa, ...needySeen } = needy;
      const { workerId: _b, phoneMasked: _pb, ...busySeen } = busy;
      expect(needySeen).toEqual(busySeen);
      // The list is in the order of what the employer is shown, best first.
      const scores = items.map((item) => item.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));

      // Staff read everything, in the market's order, fairness included.
      const staff = (await candidates(admin, open.id)).items;
      const staffById = Object.fromEntries(staff.map((item) => [item.workerId, item]));
      expect(staffById[seekers.needy.id]).toMatchObject({ name: '王建国', distanceKm: 0.1 });
      expect(staffById[seekers.needy.id]!.explanations.fairness).toContain('低保等低收入家庭');
      expect(staffById[seekers.busy.id]!.explanations.pay).toContain('期望日薪300元');
      expect(staffById[seekers.needy.id]!.breakdown.fairness).toBeGreaterThan(staffById[seekers.busy.id]!.breakdown.fairness!);
      expect(staff.findIndex((item) => item.workerId === seekers.needy.id)).toBeLessThan(
        staff.findIndex((item) => item.workerId === seekers.busy.id),
      );
    });

    it('show the name once the person is booked with the employer, and mask it again when the booking is cancelled', async () => {
      const day3 = await postShift(employer.token, { publish: true }, 3);
      const day4 = await postShift(employer.token, { publish: true }, 4);
      const application = (await api().post(`/api/shifts/${day4.id}/applications`).set(bearer(seekers.needy.token)).send({}).expect(201))
        .body;
      await api().post(`/api/shifts/${day4.id}/applications`).set(bearer(seekers.busy.token)).send({}).expect(201);

      // Applicants: surname with 某 and a masked phone until booked.
      const before = await applicants(day4.id);
      expect(before.map((worker) => worker.name)).toEqual(['王某', '王某']);
      for (const worker of before) expect(worker).not.toHaveProperty('phone');
      await api().get(`/api/workers/${seekers.needy.id}`).set(bearer(employer.token)).expect(404);

      const booking = (await api().post(`/api/applications/${application.id}/accept`).set(bearer(employer.token)).expect(201)).body;
      const booked = await applicants(day4.id);
      expect(booked[0]).toMatchObject({ id: seekers.needy.id, name: '王建国', phone: seekers.needy.phone });
      expect(booked[1]).toMatchObject({ id: seekers.busy.id, name: '王某' });
      expect(booked[1]).not.toHaveProperty('phone');
      const onOtherShift = (await candidates(employer.token, day3.id)).items.find((item) => item.workerId === seekers.needy.id)!;
      expect(onOtherShift.name).toBe('王建国');
      expect(onOtherShift.breakdown.fairness).toBeNull();

      // The profile the employer may now read: the phone, never the home's coordinates or expected pay.
      const profile = (await api().get(`/api/workers/${seekers.needy.id}`).set(bearer(employer.token)).expect(200)).body;
      expect(profile).toMatchObject({ id: seekers.needy.id, name: '王建国', phone: seekers.needy.phone, street: '永中街道' });
      for (const hidden of ['lat', 'lng', 'expectedDailyPayFen', 'priorityGroup', 'residentIdLast4'])
        expect(profile).not.toHaveProperty(hidden);
      // The bookings list carries no personal data at all.
      const bookings = JSON.stringify(
        (await api().get('/api/bookings').query({ shiftId: day4.id }).set(bearer(employer.token)).expect(200)).body,
      );
      expect(bookings).not.toContain(seekers.needy.phone);
      expect(bookings).not.toContain('27.931');

      await api().post(`/api/bookings/${booking.id}/cancel`).set(bearer(seekers.needy.token)).send({ reason: '家里有事' }).expect(200);
      const after = await applicants(day4.id);
      expect(after[0]).toMatchObject({ id: seekers.needy.id, name: '王某', phoneMasked: '137****4001' });
      expect(after[0]).not.toHaveProperty('phone');
      expect(JSON.stringify(after)).not.toContain(seekers.needy.phone);
      expect((await candidates(employer.token, day3.id)).items.find((item) => item.workerId === seekers.needy.id)!.name).toBe('王某');
      await api().get(`/api/workers/${seekers.needy.id}`).set(bearer(employer.token)).expect(404);
    });

    it('recommendations speak to the seeker about themselves, without naming the group or anyone else', async () => {
      const { items } = (await api().get('/api/matching/workers/me/recommendations').set(bearer(seekers.needy.token)).expect(200)).body as {
        items: { explanations: Record<string, string> }[];
      };
      expect(items.length).toBeGreaterThan(0);
      const [first] = items;
      expect(first!.explanations.fairness).toMatch(/^您近30天/);
      expect(first!.explanations.fairness).toContain('您在优先照顾名单内');
      expect(first!.explanations.pay).toContain('您的期望日薪200元');
      const text = JSON.stringify(items);
      expect(text).not.toContain('低保');
      for (const other of [seekers.busy, seekers.far]) expect(text).not.toContain(other.name);
    });

    it('referrals and dispatch stay with staff; a plan names its people for the crews desk, with phones masked', async () => {
      const open = await postShift(employer.token, { publish: true, headcount: 1 }, 6);
      await api()
        .post('/api/matching/referrals')
        .set(bearer(employer.token))
        .send({ shiftId: open.id, workerId: seekers.far.id })
        .expect(403);
      await api()
        .post('/api/dispatch/plans')
        .set(bearer(employer.token))
        .send({ shiftIds: [open.id] })
        .expect(403);
      const plan = (
        await api()
          .post('/api/dispatch/plans')
          .set(bearer(admin))
          .send({ shiftIds: [open.id] })
          .expect(201)
      ).body;
      const referral = (
        await api().post('/api/matching/referrals').set(bearer(admin)).send({ shiftId: open.id, workerId: seekers.far.id }).expect(201)
      ).body;
      // Staff read the plan at the crews desk: names, as staff see them everywhere, but no full phone.
      const planText = JSON.stringify(plan);
      expect(plan.people.length).toBeGreaterThan(0);
      for (const seeker of Object.values(seekers)) expect(planText).not.toContain(seeker.phone);
      const referralText = JSON.stringify(referral);
      for (const seeker of Object.values(seekers)) {
        expect(referralText).not.toContain(seeker.name);
        expect(referralText).not.toContain(seeker.phone);
      }
    });
  });

  describe('4. resident IDs', () => {
    const residentId = (first17: string) => first17 + residentIdCheckChar(first17);
    const owned = residentId('33030319700101001');
    const free = residentId('33030319800202002');

    it('a seeker cannot learn whether a stranger’s ID is registered: the answer is the same as for a free one, and staff are told', async () => {
      const owner = await seekerWithProfile(market, '13700004011', { name: '陈芳', residentId: owned });
      const prober = await seekerWithProfile(market, '13700004012', { name: '周强' });
      const control = await seekerWithProfile(market, '13700004013', { name: '吴敏' });

      const probed = await api().patch('/api/workers/me').set(bearer(prober.token)).send({ residentId: owned });
      const controlled = await api().patch('/api/workers/me').set(bearer(control.token)).send({ residentId: free });
      expect(probed.status).toBe(200);
      expect(controlled.status).toBe(200);
      expect(Object.keys(probed.body).sort()).toEqual(Object.keys(controlled.body).sort());
      expect(probed.body.residentIdLast4).toBe(owned.slice(-4));
      expect(controlled.body.residentIdLast4).toBe(free.slice(-4));
      expect(JSON.stringify(probed.body)).not.toContain('RESIDENT_ID');
      // Registering with it reads the same, too.
      const newcomer = await api()
        .post('/api/workers')
        .set(bearer(await signIn(market, '13700004014', 'worker')))
        .send(workerInput({ name: '郑伟', residentId: owned }));
      expect(newcomer.status).toBe(201);
      expect(newcomer.body.residentIdLast4).toBe(owned.slice(-4));
      expect((await api().get('/api/workers/me').set(bearer(prober.token)).expect(200)).body.residentIdLast4).toBe(owned.slice(-4));

      // Staff see the clash and whose profile holds the ID; the holder keeps it.
      const staffView = (id: string) => api().get(`/api/workers/${id}`).set(bearer(admin)).expect(200);
      expect((await staffView(prober.id)).body.residentIdCheck).toEqual({ heldBy: owner.id });
      expect((await staffView(newcomer.body.id as string)).body.residentIdCheck).toEqual({ heldBy: owner.id });
      expect((await staffView(control.id)).body.residentIdCheck).toBeNull();
      expect((await staffView(owner.id)).body).toMatchObject({ residentIdLast4: owned.slice(-4), residentIdCheck: null });
      const rows = await market.db.query(
        `SELECT id, resident_id_hash IS NOT NULL AS held, resident_id_conflict_hash IS NOT NULL AS clash FROM workers WHERE id = ANY($1) ORDER BY phone`,
        [[owner.id, prober.id, control.id]],
      );
      expect(rows.rows).toEqual([
        { id: owner.id, held: true, clash: false },
        { id: prober.id, held: false, clash: true },
        { id: control.id, held: true, clash: false },
      ]);

      // At the desk, with the card in hand, staff are told plainly …
      const desk = await api()
        .post('/api/workers')
        .set(bearer(admin))
        .send(workerInput({ phone: '13700004015', residentId: owned }))
        .expect(409);
      expect(desk.body.code).toBe('RESIDENT_ID_TAKEN');

      // … and settle it: the prober's claim is cleared; the newcomer's card shows the ID is theirs.
      const settle = (id: string, body: object, token = admin) => api().put(`/api/workers/${id}/resident-id`).set(bearer(token)).send(body);
      await settle(prober.id, { residentId: owned }, prober.token).expect(403);
      await settle(prober.id, {}).expect(400);
      await settle(prober.id, { residentId: owned.slice(0, 17) + (owned.endsWith('0') ? '1' : '0') }).expect(400); // a wrong check character
      expect((await settle(prober.id, { residentId: null }).expect(200)).body).toMatchObject({
        residentIdLast4: null,
        residentIdCheck: null,
      });
      expect((await settle(newcomer.body.id as string, { residentId: owned }).expect(200)).body).toMatchObject({
        residentIdLast4: owned.slice(-4),
        residentIdCheck: null,
      });
      expect((await staffView(owner.id)).body).toMatchObject({ residentIdLast4: null, residentIdCheck: { heldBy: newcomer.body.id } });
    });
  });
});
