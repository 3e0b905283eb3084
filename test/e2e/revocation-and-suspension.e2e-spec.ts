import request from 'supertest';
import { minutesFromNow, verifiedEmployer } from '../support/employers';
import { startMarket, type Market } from '../support/market';
import { bearer, seekerWithProfile, shiftInput, signInAdmin, smsTo, type Sms } from '../support/people';
import { waitFor } from '../support/wait-for';

/**
 * Issue 8, point 3, the rest: a disabled staff account's tokens end at once, on every service; a
 * suspended employer can still sign in and settle what it owes, but can no longer post, publish,
 * accept, be referred to or make offers.
 */
describe('revoked sign-ins and suspended employers', () => {
  let market: Market;
  let admin: string;
  const api = () => request(market.url);
  const staffLogin = (phone: string, password: string) => api().post('/api/auth/staff-login').send({ phone, password });

  beforeAll(async () => {
    market = await startMarket();
    admin = await signInAdmin(market);
  });
  afterAll(async () => {
    await market.close();
  });

  it('an admin disables a staff account: its token is refused at once everywhere, sign-in too; enabled again, only a new sign-in works', async () => {
    const created = await api()
      .post('/api/staff')
      .set(bearer(admin))
      .send({ phone: '13900000071', password: 'desk-password-1', name: '柜台小李' })
      .expect(201);
    expect(created.body).toMatchObject({ role: 'staff', disabled: false });
    const token = (await staffLogin('13900000071', 'desk-password-1').expect(200)).body.accessToken as string;
    await api().get('/api/workers').set(bearer(token)).expect(200);
    // Staff cannot disable anyone; an admin cannot disable themselves.
    await api().post(`/api/staff/${created.body.id}/disable`).set(bearer(token)).expect(403);
    const me = (await api().get('/api/me').set(bearer(admin)).expect(200)).body.id as string;
    expect((await api().post(`/api/staff/${me}/disable`).set(bearer(admin)).expect(409)).body.code).toBe('CANNOT_DISABLE_SELF');

    const disabled = await api().post(`/api/staff/${created.body.id}/disable`).set(bearer(admin)).expect(200);
    expect(disabled.body).toMatchObject({ id: created.body.id, disabled: true });
    // Refused at once, on the front door's own routes, on every service behind it, and on the queue board.
    for (const path of ['/api/me', '/api/workers', '/api/bookings/unpaid', '/api/stats/overview']) {
      const refused = await api().get(path).set(bearer(token)).expect(401);
      expect(refused.body.code).toBe('TOKEN_REVOKED');
    }
    await request(market.apps.worker!).get('/queues/api/queues').set(bearer(token)).expect(401);
    expect((await staffLogin('13900000071', 'desk-password-1').expect(401)).body.code).toBe('LOGIN_INVALID');

    await api().post(`/api/staff/${created.body.id}/enable`).set(bearer(admin)).expect(200);
    await api().get('/api/me').set(bearer(token)).expect(401);
    const fresh = (await staffLogin('13900000071', 'desk-password-1').expect(200)).body.accessToken as string;
    await api().get('/api/workers').set(bearer(fresh)).expect(200);
    await api().post('/api/staff/00000000-0000-4000-8000-000000000000/disable').set(bearer(admin)).expect(404);
  });

  it('a suspended employer signs in and settles what it owes, but cannot post, publish, accept, be referred to or make offers', async () => {
    const employer = await verifiedEmployer(market, '13600000071');
    const seeker = await seekerWithProfile(market, '13700000071', { name: '钱师傅' });
    const other = await seekerWithProfile(market, '13700000072', { name: '孙师傅' });
    // Work under way: check-in opens 30 minutes before a start 20 minutes away.
    const today = (
      await api()
        .post('/api/shifts')
        .set(bearer(employer.token))
        .send(shiftInput({ publish: true, headcount: 1, startsAt: minutesFromNow(20), endsAt: minutesFromNow(140) }))
        .expect(201)
    ).body;
    const application = (await api().post(`/api/shifts/${today.id}/applications`).set(bearer(seeker.token)).send({}).expect(201)).body;
    const booking = (await api().post(`/api/applications/${application.id}/accept`).set(bearer(employer.token)).expect(201)).body;
    await api().post(`/api/bookings/${booking.id}/check-in`).set(bearer(employer.token)).expect(200);
    // An open shift with an applicant waiting, and a draft.
    const open = (
      await api()
        .post('/api/shifts')
        .set(bearer(employer.token))
        .send(shiftInput({ publish: true }, 4))
        .expect(201)
    ).body;
    const waiting = (await api().post(`/api/shifts/${open.id}/applications`).set(bearer(other.token)).send({}).expect(201)).body;
    const draft = (await api().post('/api/shifts').set(bearer(employer.token)).send(shiftInput({}, 5)).expect(201)).body;

    await api().post(`/api/employers/${employer.id}/suspend`).set(bearer(admin)).send({ reason: '多次被举报拖欠工资' }).expect(200);

    // It can still sign in (a minute on, as the code limit wants), see its bookings and settle: check out, mark paid, rate.
    await market.db.query(`UPDATE otp_codes SET created_at = created_at - interval '2 minutes' WHERE phone = '13600000071'`);
    await api().post('/api/auth/otp').send({ phone: '13600000071' }).expect(202);
    const isCode = (sms: Sms) => /验证码是\d{6}/.test(sms.text) && sms.status === 'sent';
    const codes = await waitFor(
      'a second sign-in code',
      () => smsTo(market, '13600000071'),
      (items) => items.filter(isCode).length === 2,
    );
    const code = /验证码是(\d{6})/.exec(codes.find(isCode)!.text)![1];
    const again = (await api().post('/api/auth/login').send({ phone: '13600000071', code, role: 'employer' }).expect(200)).body
      .accessToken as string;
    expect((await api().get('/api/employers/me').set(bearer(again)).expect(200)).body).toMatchObject({ suspended: true });
    const listed = await api().get('/api/bookings').query({ shiftId: today.id }).set(bearer(again)).expect(200);
    expect(listed.body.items.map((b: { id: string }) => b.id)).toEqual([booking.id]);
    expect((await api().post(`/api/bookings/${booking.id}/check-out`).set(bearer(again)).expect(200)).body.status).toBe('completed');
    expect((await api().post(`/api/bookings/${booking.id}/paid`).set(bearer(again)).expect(200)).body.paidAt).toEqual(expect.any(String));
    await api().post(`/api/bookings/${booking.id}/rating`).set(bearer(again)).send({ stars: 5 }).expect(201);

    // But nothing new: each refusal says why.
    const refusals = [
      await api().post('/api/shifts').set(bearer(again)).send(shiftInput({}, 6)),
      await api().post(`/api/shifts/${draft.id}/publish`).set(bearer(again)),
      await api().post(`/api/applications/${waiting.id}/accept`).set(bearer(again)),
      await api().post(`/api/matching/shifts/${open.id}/offers`).set(bearer(again)).send({}),
      await api().post('/api/matching/referrals').set(bearer(admin)).send({ shiftId: open.id, workerId: seeker.id }),
      await api().post(`/api/matching/shifts/${open.id}/offers`).set(bearer(admin)).send({}),
    ];
    expect(refusals.map((refused) => [refused.status, refused.body.code])).toEqual([
      [403, 'EMPLOYER_SUSPENDED'],
      [403, 'EMPLOYER_SUSPENDED'],
      [409, 'EMPLOYER_SUSPENDED'],
      [403, 'EMPLOYER_SUSPENDED'],
      [409, 'EMPLOYER_SUSPENDED'],
      [403, 'EMPLOYER_SUSPENDED'],
    ]);
    expect((await market.db.query(`SELECT count(*)::int AS n FROM bookings WHERE shift_id = $1`, [open.id])).rows[0].n).toBe(0);
  });
});
