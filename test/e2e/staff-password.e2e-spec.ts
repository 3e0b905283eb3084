import request from 'supertest';
import { startMarket, type Market } from '../support/market';
import { bearer, signIn, signInAdmin } from '../support/people';

/**
 * Staff passwords: a phone is locked after five failures in a row, whoever sends them and however
 * fast, and a phone without a staff account gets the very same answers, so guessing finds out
 * neither passwords nor which phones are staff.
 */
describe('staff password sign-in', () => {
  let market: Market;
  const login = (phone: string, password: string) => request(market.url).post('/api/auth/staff-login').send({ phone, password });
  /** An answer without what differs from one moment to the next. */
  const shape = (answer: request.Response) => ({
    status: answer.status,
    code: answer.body.code as unknown,
    message: answer.body.message as unknown,
  });

  beforeAll(async () => {
    market = await startMarket();
    const admin = await signInAdmin(market);
    for (const [phone, name] of [
      ['13900003301', '李芳'],
      ['13900003302', '王伟'],
      ['13900003303', '陈静'],
    ]) {
      await request(market.url).post('/api/staff').set(bearer(admin)).send({ phone, password: 'desk-secret-2026', name }).expect(201);
    }
  });
  afterAll(async () => {
    await market.close();
  });

  it('locks a staff phone after five wrong passwords, even against the right one, and opens again after the lock', async () => {
    for (let i = 0; i < 5; i += 1)
      expect(shape(await login('13900003301', `guess-${i}-guess`))).toMatchObject({ status: 401, code: 'LOGIN_INVALID' });
    const locked = await login('13900003301', 'desk-secret-2026');
    expect(locked.body).toMatchObject({ statusCode: 429, code: 'LOGIN_LOCKED' });
    expect(locked.body.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(locked.body.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);

    // Fifteen minutes later (moved, not waited for) the right password works and the count is cleared.
    await market.db.query(`UPDATE staff_sign_in_failures SET locked_until = now() - interval '1 second' WHERE phone = '13900003301'`);
    await login('13900003301', 'desk-secret-2026').expect(200);
    for (let i = 0; i < 4; i += 1) await login('13900003301', 'wrong-password').expect(401);
    await login('13900003301', 'desk-secret-2026').expect(200);
  });

  it('counts guesses sent all at once: five are checked, the rest refused', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => login('13900003302', `parallel-${i}-guess`)));
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([...Array<number>(5).fill(401), ...Array<number>(15).fill(429)]);
    await login('13900003302', 'desk-secret-2026').expect(429);
  });

  it('answers a phone that is not staff (unknown, or a seeker’s) exactly as a staff phone', async () => {
    await signIn(market, '13700003304', 'worker');
    const sequences: Record<string, ReturnType<typeof shape>[]> = {};
    for (const phone of ['13900003303', '13900003399', '13700003304']) {
      sequences[phone] = [];
      for (let i = 0; i < 6; i += 1) sequences[phone]!.push(shape(await login(phone, `not-the-password-${i}`)));
    }
    expect(sequences['13900003303']!.map((answer) => answer.status)).toEqual([401, 401, 401, 401, 401, 429]);
    expect(sequences['13900003399']).toEqual(sequences['13900003303']);
    expect(sequences['13700003304']).toEqual(sequences['13900003303']);
  });
});
