import request from 'supertest';
import { startMarket, type Market } from '../support/market';
import { bearer, bootstrapAdmin, signIn, signInAdmin, smsTo, waitForSms } from '../support/people';

describe('sign-in', () => {
  let market: Market;

  beforeAll(async () => {
    market = await startMarket();
  });
  afterAll(async () => {
    await market.close();
  });

  it('sends a 6-digit code by SMS, accepts +86 forms, and signs in once per code', async () => {
    const sent = await request(market.url).post('/api/auth/otp').send({ phone: '+86 137-0000-0101' }).expect(202);
    expect(sent.body).toEqual({ sent: true, retryAfterSeconds: 60 });
    const sms = await waitForSms(market, '13700000101', /验证码是\d{6}，5分钟内有效/);
    expect(sms.text).toMatch(/^【龙湾零工市场】/);
    const code = /(\d{6})/.exec(sms.text)![1];

    const login = await request(market.url).post('/api/auth/login').send({ phone: '13700000101', code, role: 'worker' }).expect(200);
    expect(login.body.account).toMatchObject({ phone: '13700000101', role: 'worker' });
    const again = await request(market.url).post('/api/auth/login').send({ phone: '13700000101', code, role: 'worker' }).expect(401);
    expect(again.body).toMatchObject({ statusCode: 401, code: 'OTP_INVALID' });

    // The code is kept nowhere in the clear once sent: not in the outbox log, not on the queue (nor the phone, in the log).
    const logged = await market.db.query(
      `SELECT e.id, e.payload FROM outbox_events e JOIN otp_codes o ON o.id::text = e.payload->>'otpId' WHERE e.type = 'auth.otp_requested' AND o.phone = '13700000101'`,
    );
    expect(logged.rows).toHaveLength(1);
    expect(logged.rows[0].payload).not.toHaveProperty('code');
    expect(logged.rows[0].payload).not.toHaveProperty('phone');
    const queue = market.queue('domain-events');
    expect(await queue.getJob(logged.rows[0].id as string)).toBeUndefined();
    await queue.close();
  });

  it('refuses a second code within a minute with OTP_RATE_LIMITED and when to retry', async () => {
    await request(market.url).post('/api/auth/otp').send({ phone: '13700000102' }).expect(202);
    const refused = await request(market.url).post('/api/auth/otp').send({ phone: '13700000102' }).expect(429);
    expect(refused.body).toMatchObject({ statusCode: 429, code: 'OTP_RATE_LIMITED' });
    expect(refused.body.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.body.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it('spends a code after five wrong tries', async () => {
    await request(market.url).post('/api/auth/otp').send({ phone: '13700000103' }).expect(202);
    const code = /(\d{6})/.exec((await waitForSms(market, '13700000103', /验证码/)).text)![1]!;
    const wrong = code === '000000' ? '111111' : '000000';
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const response = await request(market.url)
        .post('/api/auth/login')
        .send({ phone: '13700000103', code: wrong, role: 'worker' })
        .expect(401);
      expect(response.body.code).toBe('OTP_INVALID');
    }
    await request(market.url).post('/api/auth/login').send({ phone: '13700000103', code, role: 'worker' }).expect(401);
  });

  it('lists every problem with a bad sign-in body', async () => {
    const response = await request(market.url)
      .post('/api/auth/login')
      .send({ phone: '12345', code: 12, role: 'boss', extra: true })
      .expect(400);
    expect(response.body.statusCode).toBe(400);
    expect(response.body.message).toEqual(
      expect.arrayContaining([
        'property extra should not exist',
        'phone must be a mainland mobile number (11 digits starting 13-19)',
        'code must be 6 digits',
        'role must be one of the following values: worker, employer',
      ]),
    );
  });

  it('signs in the bootstrap admin, who creates staff; staff cannot create staff', async () => {
    const admin = await signInAdmin(market);
    const me = await request(market.url).get('/api/me').set(bearer(admin)).expect(200);
    expect(me.body).toMatchObject({ phone: bootstrapAdmin.phone, role: 'admin' });

    const created = await request(market.url)
      .post('/api/staff')
      .set(bearer(admin))
      .send({ phone: '13900000001', password: 'desk-one-secret', name: '李芳' })
      .expect(201);
    expect(created.body).toMatchObject({ phone: '13900000001', role: 'staff', name: '李芳' });
    expect(created.body).not.toHaveProperty('passwordHash');
    await request(market.url)
      .post('/api/staff')
      .set(bearer(admin))
      .send({ phone: '13900000001', password: 'another-secret', name: '李芳' })
      .expect(409);

    const staff = await request(market.url)
      .post('/api/auth/staff-login')
      .send({ phone: '13900000001', password: 'desk-one-secret' })
      .expect(200);
    expect(staff.body.account.role).toBe('staff');
    await request(market.url)
      .post('/api/staff')
      .set(bearer(staff.body.accessToken))
      .send({ phone: '13900000002', password: 'desk-two-secret', name: '王伟' })
      .expect(403);

    const wrong = await request(market.url)
      .post('/api/auth/staff-login')
      .send({ phone: '13900000001', password: 'guess-guess' })
      .expect(401);
    expect(wrong.body.code).toBe('LOGIN_INVALID');
  });

  it('refuses missing, forged and malformed tokens on every service without leaking anything', async () => {
    await request(market.url).get('/api/me').expect(401);
    const worker = await signIn(market, '13700000104', 'worker');
    const [header, payload] = worker.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ sub: 'someone', phone: '13900000000', role: 'admin' })).toString('base64url');
    for (const token of [`${header}.${forgedPayload}.${worker.split('.')[2]}`, 'not-a-jwt', `${header}.${payload}.`]) {
      for (const path of ['/api/me', '/api/workers/me', '/api/employers/me']) {
        const response = await request(market.url).get(path).set(bearer(token)).expect(401);
        expect(response.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
      }
    }
    // A seeker's token does not open staff or employer routes.
    await request(market.url)
      .post('/api/staff')
      .set(bearer(worker))
      .send({ phone: '13900000003', password: 'xxxxxxxx', name: 'x' })
      .expect(403);
    await request(market.url).get('/api/employers/me').set(bearer(worker)).expect(403);
  });

  it('keeps SMS of one phone from another', async () => {
    expect((await smsTo(market, '13700000105')).length).toBe(0);
    await request(market.url).get('/api/dev/sms').query({ phone: 'x' }).expect(400);
  });
});
