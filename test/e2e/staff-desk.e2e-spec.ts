import request from 'supertest';
import { residentIdCheckChar } from '@lingong/domain';
import { verifiedEmployer } from '../support/employers';
import { startMarket, type Market } from '../support/market';
import { bearer, seekerWithProfile, shiftInput, signIn, signInAdmin, workerInput } from '../support/people';
import { waitFor } from '../support/wait-for';

const DESK = '综合服务区 2 号窗口';
const everyDay = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: '06:00', end: '22:00' }));

/** The routes the staff console (/staff) works with: walk-ins without a phone, the desk's look-up and edits, the referral desk and its slip. */
describe('the staff desks', () => {
  let market: Market;
  let admin: string;
  let staff: string;
  let staffId: string;
  let employer: { token: string; id: string };
  const api = () => request(market.url);
  const consents = async (workerId: string) =>
    (
      await market.db.query(
        `SELECT purpose, granted, channel, recorded_by AS "recordedBy", location FROM worker_consents WHERE worker_id = $1 ORDER BY recorded_at, purpose`,
        [workerId],
      )
    ).rows;

  beforeAll(async () => {
    market = await startMarket();
    admin = await signInAdmin(market);
    const created = await api()
      .post('/api/staff')
      .set(bearer(admin))
      .send({ phone: '13900000301', password: 'desk-password-3', name: '周敏' })
      .expect(201);
    staffId = created.body.id as string;
    staff = (await api().post('/api/auth/staff-login').send({ phone: '13900000301', password: 'desk-password-3' }).expect(200)).body
      .accessToken as string;
    employer = await verifiedEmployer(market, '13600000301');
  });
  afterAll(async () => {
    await market?.close();
  });

  it('admins list the staff accounts, disabled ones marked; staff may not', async () => {
    const spare = (
      await api()
        .post('/api/staff')
        .set(bearer(admin))
        .send({ phone: '13900000302', password: 'desk-password-4', name: '吴刚' })
        .expect(201)
    ).body;
    await api().post(`/api/staff/${spare.id}/disable`).set(bearer(admin)).expect(200);
    const listed = (await api().get('/api/staff').set(bearer(admin)).expect(200)).body.items as {
      phone: string;
      role: string;
      disabled: boolean;
    }[];
    expect(listed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ phone: '13900000000', role: 'admin', disabled: false }),
        expect.objectContaining({ phone: '13900000301', role: 'staff', name: '周敏', disabled: false }),
        expect.objectContaining({ phone: '13900000302', role: 'staff', disabled: true }),
      ]),
    );
    expect(listed.every((account) => !('passwordHash' in account))).toBe(true);
    await api().get('/api/staff').set(bearer(staff)).expect(403);
  });

  let walkInId: string;
  it('registers a walk-in who has no phone, the consent recorded with who, when and at which desk', async () => {
    const created = await api()
      .post('/api/workers')
      .set(bearer(staff))
      .send(workerInput({ name: '李秀英', phone: null, availability: everyDay, consent: { dataProcessing: true, sms: true, desk: DESK } }))
      .expect(201);
    walkInId = created.body.id as string;
    expect(created.body).toMatchObject({ name: '李秀英', phone: null, phoneMasked: null });
    expect(await consents(walkInId)).toEqual([
      { purpose: 'data_processing', granted: true, channel: 'desk', recordedBy: staffId, location: DESK },
      { purpose: 'sms_alerts', granted: true, channel: 'desk', recordedBy: staffId, location: DESK },
    ]);
    // A second person without a phone is no clash: only a phone is unique.
    await api()
      .post('/api/workers')
      .set(bearer(staff))
      .send(workerInput({ name: '李秀兰', phone: null, street: '蒲州街道', lat: 27.99, lng: 120.71, maxDistanceKm: 1 }))
      .expect(201);
    // Leaving the phone out altogether is still a mistake, and a seeker may not send one.
    await api()
      .post('/api/workers')
      .set(bearer(staff))
      .send(workerInput({ name: '无号' }))
      .expect(400);
    const priority = await api()
      .put(`/api/workers/${walkInId}/priority-group`)
      .set(bearer(staff))
      .send({ group: 'low_income', consent: true, desk: DESK })
      .expect(200);
    expect(priority.body.priorityGroup).toBe('low_income');
    expect((await consents(walkInId)).at(-1)).toEqual({
      purpose: 'priority_group',
      granted: true,
      channel: 'desk',
      recordedBy: staffId,
      location: DESK,
    });
  });

  it('finds seekers by part of the name or digits of the phone; wildcards are plain text', async () => {
    const withPhone = await seekerWithProfile(market, '13700003011', { name: '王建国' });
    const q = async (text: string) =>
      ((await api().get('/api/workers').query({ q: text }).set(bearer(staff)).expect(200)).body.items as { id: string }[]).map((w) => w.id);
    expect(await q('秀英')).toEqual([walkInId]);
    expect((await q('李秀')).length).toBe(2);
    expect(await q('3011')).toEqual([withPhone.id]);
    expect(await q('%')).toEqual([]);
    expect(await q('_')).toEqual([]);
    await api()
      .get('/api/workers')
      .query({ q: 'x'.repeat(51) })
      .set(bearer(staff))
      .expect(400);
  });

  it('staff change a profile at the desk; a changed SMS consent is recorded there; a resident ID held elsewhere is refused', async () => {
    const changed = await api()
      .patch(`/api/workers/${walkInId}`)
      .set(bearer(staff))
      .send({
        maxDistanceKm: 12,
        skills: [
          { code: 'loading', years: 1 },
          { code: 'cleaning', years: 1 },
        ],
        consent: { sms: false },
        desk: DESK,
      })
      .expect(200);
    expect(changed.body).toMatchObject({ id: walkInId, maxDistanceKm: 12, consent: { sms: false }, priorityGroup: 'low_income' });
    expect((await consents(walkInId)).at(-1)).toEqual({
      purpose: 'sms_alerts',
      granted: false,
      channel: 'desk',
      recordedBy: staffId,
      location: DESK,
    });

    const id = '33030319800101001' + residentIdCheckChar('33030319800101001');
    await seekerWithProfile(market, '13700003012', { name: '赵六', residentId: id });
    const taken = await api().patch(`/api/workers/${walkInId}`).set(bearer(staff)).send({ residentId: id }).expect(409);
    expect(taken.body.code).toBe('RESIDENT_ID_TAKEN');
    await api().patch(`/api/workers/${walkInId}`).set(bearer(staff)).send({ name: null }).expect(400);
    await api().patch('/api/workers/00000000-0000-4000-8000-000000000000').set(bearer(staff)).send({ name: '某' }).expect(404);
  });

  let shiftId: string;
  it('a seeker without a phone is a candidate at the referral desk, but never sent an offer by SMS', async () => {
    const texted = await seekerWithProfile(market, '13700003013', { name: '钱多', availability: everyDay });
    await api()
      .patch(`/api/workers/${walkInId}`)
      .set(bearer(staff))
      .send({ consent: { sms: true }, desk: DESK })
      .expect(200);
    shiftId = (
      await api()
        .post('/api/shifts')
        .set(bearer(employer.token))
        .send(shiftInput({ publish: true, headcount: 3 }, 3))
        .expect(201)
    ).body.id as string;
    await waitFor(
      'the offer to the seeker with a phone',
      async () =>
        (await market.db.query(`SELECT worker_id FROM offers WHERE shift_id = $1`, [shiftId])).rows.map((row) => row.worker_id as string),
      (workers) => workers.includes(texted.id),
    );
    expect((await market.db.query(`SELECT count(*)::int AS n FROM offers WHERE worker_id = $1`, [walkInId])).rows[0].n).toBe(0);

    const candidates = (await api().get(`/api/matching/shifts/${shiftId}/candidates`).set(bearer(staff)).expect(200)).body.items as {
      workerId: string;
      phoneMasked: string | null;
      explanations: Record<string, string>;
    }[];
    expect(candidates.find((candidate) => candidate.workerId === walkInId)).toMatchObject({ phoneMasked: null });
    expect(candidates.find((candidate) => candidate.workerId === texted.id)?.phoneMasked).toBe('137****3013');
  });

  it('lists the shifts that fit the person at the desk, in staff wording; employers and seekers may not ask', async () => {
    const fits = (await api().get(`/api/matching/workers/${walkInId}/recommendations`).set(bearer(staff)).expect(200)).body.items as {
      shift: { id: string };
      explanations: { fairness: string };
    }[];
    expect(fits.map((fit) => fit.shift.id)).toContain(shiftId);
    // Staff wording, not the seeker's second person; the group is staff's to read.
    expect(fits[0]!.explanations.fairness).not.toMatch(/您/);
    expect(fits[0]!.explanations.fairness).toMatch(/低收入/);
    await api().get(`/api/matching/workers/${walkInId}/recommendations`).set(bearer(employer.token)).expect(403);
    await api().get('/api/matching/workers/00000000-0000-4000-8000-000000000000/recommendations').set(bearer(staff)).expect(404);
  });

  it('refers the walk-in and gives the slip to print: shift, address, time, pay, contact and booking number', async () => {
    const booking = (await api().post('/api/matching/referrals').set(bearer(staff)).send({ shiftId, workerId: walkInId }).expect(201)).body;
    expect(booking).toMatchObject({ source: 'referral', status: 'confirmed' });
    const slip = (await api().get(`/api/bookings/${booking.id}/slip`).set(bearer(staff)).expect(200)).body;
    expect(slip).toMatchObject({
      bookingId: booking.id,
      status: 'confirmed',
      source: 'referral',
      seekerName: '李秀英',
      shiftId,
      title: '仓库搬运 日结',
      address: '龙湾区永中街道某仓库',
      pay: { amountFen: 22000, unit: 'day', settlement: 'daily' },
      employerName: '龙湾某鞋业有限公司',
      contactName: '陈经理',
      contactPhone: '13600000301',
    });
    expect(slip.startsAt).toMatch(/T08:00:00\+08:00$/);
    const seen = (await api().get('/api/bookings').query({ shiftId }).set(bearer(employer.token)).expect(200)).body.items as {
      id: string;
      source: string;
    }[];
    expect(seen).toContainEqual(expect.objectContaining({ id: booking.id, source: 'referral' }));
    await api().get(`/api/bookings/${booking.id}/slip`).set(bearer(employer.token)).expect(403);
    await api().get('/api/bookings/00000000-0000-4000-8000-000000000000/slip').set(bearer(staff)).expect(404);
  });

  it('gives a walk-in the phone they have since got, and they claim the profile by signing in; a seeker’s own sign-in phone stays theirs', async () => {
    const taken = await api().patch(`/api/workers/${walkInId}`).set(bearer(staff)).send({ phone: '13700003011', desk: DESK }).expect(409);
    expect(taken.body.code).toBe('WORKER_EXISTS');
    await api().patch(`/api/workers/${walkInId}`).set(bearer(staff)).send({ phone: '12345' }).expect(400);
    const given = await api()
      .patch(`/api/workers/${walkInId}`)
      .set(bearer(staff))
      .send({ phone: '+86 137-0000-3019', desk: DESK })
      .expect(200);
    expect(given.body).toMatchObject({ phone: '13700003019', phoneMasked: '137****3019' });
    const token = await signIn(market, '13700003019', 'worker');
    expect((await api().get('/api/workers/me').set(bearer(token)).expect(200)).body).toMatchObject({ id: walkInId, name: '李秀英' });
    const own = await api().patch(`/api/workers/${walkInId}`).set(bearer(staff)).send({ phone: null, desk: DESK }).expect(409);
    expect(own.body.code).toBe('PHONE_IS_SIGN_IN');
    expect((await api().get(`/api/workers/${walkInId}`).set(bearer(staff)).expect(200)).body.phone).toBe('13700003019');
  });
});
