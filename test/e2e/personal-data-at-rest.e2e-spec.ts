import Redis from 'ioredis';
import request from 'supertest';
import { startAppProcess, type AppProcess } from '../support/app-process';
import { startMarket, type Market } from '../support/market';
import { bearer, bootstrapAdmin, smsTo, waitForSms } from '../support/people';

/**
 * What the apps keep and write out holds no full phone, sign-in code or token: not their logs (the
 * front door and the worker run as their own processes here, logging at info, and this test reads
 * what they print), not PostgreSQL, not Redis. The development inbox still shows the code, from
 * its sealed form.
 */
describe('logs and stores hold no phone, code or token in the clear', () => {
  let market: Market;
  let web: AppProcess;
  let worker: AppProcess;
  const phone = '13700000501';
  let code = '';
  let token = '';
  /** The code as a number of its own: not a piece of a longer run of digits such as a timestamp. */
  const standalone = (digits: string) => new RegExp(`(?<![0-9])${digits}(?![0-9])`);

  beforeAll(async () => {
    market = await startMarket({ worker: 'process' });
    const logging = { LOG_LEVEL: 'info', NODE_ENV: 'development', LOG_PRETTY: 'false' };
    worker = await startAppProcess(market, 'worker', logging);
    web = await startAppProcess(market, 'web', logging);

    const front = () => request(web.url);
    // A phone in the query string, before and after the code is sent.
    expect((await front().get('/api/dev/sms').query({ phone }).expect(200)).body.items).toEqual([]);
    await front().post('/api/auth/otp').send({ phone }).expect(202);
    const sms = await waitForSms({ ...market, url: web.url }, phone, /验证码是\d{6}/);
    code = /验证码是(\d{6})/.exec(sms.text)![1]!;
    token = (await front().post('/api/auth/login').send({ phone, code, role: 'worker' }).expect(200)).body.accessToken as string;
    await front().get('/api/me').set(bearer(token)).expect(200);
    // Forwarded with the phone in its query (a seeker may not list seekers), a token in a URL, a wrong password.
    await front().get('/api/workers').query({ phone }).set(bearer(token)).expect(403);
    await front().get('/api/shifts').query({ token, q: phone }).expect(400);
    await front().post('/api/auth/staff-login').send({ phone: bootstrapAdmin.phone, password: 'wrong-password-1' }).expect(401);
    await front().get(`/api/no-such-route/${phone}`).set('cookie', `session=${token}`).expect(404);
  });

  afterAll(async () => {
    await web?.stop();
    await worker?.stop();
    await market?.close();
  });

  it('logs requests with the phone masked, and no code, token, password or cookie', async () => {
    await web.stop();
    await worker.stop();
    const logs = `${web.output()}\n${worker.output()}`;
    expect(logs).toContain('/api/dev/sms?phone=137****0501');
    expect(logs).toMatch(/"url":"\/api\/workers\?phone=137\*\*\*\*0501"/);
    expect(logs).not.toContain(phone);
    expect(logs).not.toMatch(standalone(code));
    expect(logs).not.toContain(token);
    expect(logs).not.toContain(token.split('.')[2]!);
    expect(logs).not.toContain('wrong-password-1');
    expect(logs).not.toMatch(/authorization|"cookie"/i);
  });

  it('keeps the code in PostgreSQL only sealed or hashed: not in the SMS log, the outbox or the code table', async () => {
    const rows = await market.db.query(
      `SELECT 'notifications' AS "table", n::text AS row FROM notifications n WHERE n.phone = $1
       UNION ALL SELECT 'outbox_events', e::text FROM outbox_events e WHERE e.payload->>'phone' = $1
       UNION ALL SELECT 'otp_codes', o::text FROM otp_codes o WHERE o.phone = $1`,
      [phone],
    );
    // The outbox row no longer names the phone once relayed (erasure's rule), so it is not found by it here.
    expect(rows.rows.map((row) => row.table).sort()).toEqual(expect.arrayContaining(['notifications', 'otp_codes']));
    for (const row of rows.rows)
      expect({ table: row.table, clear: standalone(code).test(row.row) }).toEqual({ table: row.table, clear: false });
    const stored = await market.db.query(`SELECT text, sealed_code FROM notifications WHERE phone = $1 AND kind = 'otp'`, [phone]);
    expect(stored.rows[0].text).toMatch(/验证码是\*{6}，/);
    expect(stored.rows[0].sealed_code).toMatch(/^v1\./);
  });

  it('keeps no code, phone or token in Redis (queued jobs, their history, the board)', async () => {
    const redis = new Redis({ host: '127.0.0.1', port: Number(process.env.REDIS_PORT ?? 6379) });
    try {
      const keys = await redis.keys(`${market.queuePrefix}:*`);
      expect(keys.length).toBeGreaterThan(0);
      const values: string[] = [];
      for (const key of keys) {
        const type = await redis.type(key);
        if (type === 'hash') values.push(...Object.values(await redis.hgetall(key)));
        else if (type === 'string') values.push((await redis.get(key)) ?? '');
        else if (type === 'list') values.push(...(await redis.lrange(key, 0, -1)));
        else if (type === 'zset') values.push(...(await redis.zrange(key, 0, -1)));
        else if (type === 'stream') values.push(JSON.stringify(await redis.xrange(key, '-', '+')));
      }
      const everything = values.join('\n');
      expect(everything).not.toMatch(standalone(code));
      expect(everything).not.toContain(token);
    } finally {
      redis.disconnect();
    }
  });

  it('still shows the code in the development inbox, on this machine', async () => {
    const [latest] = await smsTo(market, phone);
    expect(latest!.text).toContain(`验证码是${code}，`);
  });
});
