import request from 'supertest';
import { startMarket, type Market } from '../support/market';
import { bearer, shiftInput, signIn, signInAdmin, smsTo, waitForSms, workerInput } from '../support/people';

/**
 * Issue 2, item 7: an employer signs in, creates a profile, posts and publishes a shift; seekers
 * whose skills and street fit get a Chinese SMS alert through outbox → relay → queue → worker.
 */
describe('the first path through the market', () => {
  let market: Market;
  let employer: string;
  let shiftId: string;

  const fittingSeeker = '13700000001';
  const otherStreetSeeker = '13700000002';
  const otherSkillSeeker = '13700000003';
  const noAlertsSeeker = '13700000004';

  beforeAll(async () => {
    market = await startMarket();
  });
  afterAll(async () => {
    await market.close();
  });

  it('every app answers /health/ready and /docs', async () => {
    for (const url of Object.values(market.apps)) {
      const ready = await request(url).get('/health/ready').expect(200);
      expect(ready.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, redis: { status: 'up' } } });
      await request(url).get('/health/live').expect(200);
      const docs = await request(url).get('/docs').redirects(1);
      expect(docs.status).toBe(200);
    }
  });

  it('seekers sign in and create profiles', async () => {
    const profiles: [string, Record<string, unknown>][] = [
      [fittingSeeker, workerInput()],
      [otherStreetSeeker, workerInput({ name: '李明', street: '蒲州街道', lat: 27.99, lng: 120.71 })],
      [otherSkillSeeker, workerInput({ name: '张丽', skills: [{ code: 'cleaning', years: 5 }] })],
      [noAlertsSeeker, workerInput({ name: '赵强', consent: { dataProcessing: true, sms: false } })],
    ];
    for (const [phone, profile] of profiles) {
      const token = await signIn(market, phone, 'worker');
      const created = await request(market.url).post('/api/workers').set(bearer(token)).send(profile).expect(201);
      expect(created.body).toMatchObject({ name: profile.name, phoneMasked: `${phone.slice(0, 3)}****${phone.slice(7)}` });
      expect(created.body).not.toHaveProperty('priorityGroup');
      const mine = await request(market.url).get('/api/workers/me').set(bearer(token)).expect(200);
      expect(mine.body.id).toBe(created.body.id);
    }
  });

  it('an employer signs in, creates a profile and is verified by staff', async () => {
    employer = await signIn(market, '13600000001', 'employer');
    const me = await request(market.url).get('/api/me').set(bearer(employer)).expect(200);
    expect(me.body).toMatchObject({ phone: '13600000001', role: 'employer' });

    const created = await request(market.url)
      .post('/api/employers')
      .set(bearer(employer))
      .send({
        name: '温州市龙湾某鞋业有限公司',
        contactName: '陈经理',
        street: '永中街道',
        address: '龙湾区永中街道某路1号',
        uscc: '91350100M000100Y43',
      })
      .expect(201);
    expect(created.body).toMatchObject({ verified: false, suspended: false });

    const again = await request(market.url)
      .post('/api/employers')
      .set(bearer(employer))
      .send({ name: '第二家', contactName: '陈经理', street: '永中街道', address: '某路2号' })
      .expect(409);
    expect(again.body.code).toBe('EMPLOYER_EXISTS');

    const admin = await signInAdmin(market);
    const verified = await request(market.url).post(`/api/employers/${created.body.id}/verify`).set(bearer(admin)).expect(200);
    expect(verified.body.verified).toBe(true);
  });

  it('publishing a shift alerts the seekers who fit, by SMS, exactly once', async () => {
    const posted = await request(market.url)
      .post('/api/shifts')
      .set(bearer(employer))
      .send(shiftInput({ publish: true }))
      .expect(201);
    shiftId = posted.body.id;
    expect(posted.body).toMatchObject({ status: 'open', headcount: 5, filled: 0, remaining: 5, pay: { amountFen: 22000, unit: 'day' } });
    expect(posted.body.startsAt).toMatch(/T08:00:00\+08:00$/);

    const alert = await waitForSms(market, fittingSeeker, /新零工：仓库搬运/);
    expect(alert.text).toMatch(/^【龙湾零工市场】/);
    expect(alert.text).toContain('永中街道');
    expect(alert.text).toContain('220元/天');
    expect(alert.text).toContain('还需5人');

    // The relay and queue have had their chance; the others must not have been told.
    const notified = await market.db.query<{ phone: string }>(`SELECT phone FROM notifications WHERE kind = 'shift_alert'`);
    expect(notified.rows.map((row) => row.phone)).toEqual([fittingSeeker]);
    expect((await smsTo(market, fittingSeeker)).filter((sms) => sms.text.includes('新零工'))).toHaveLength(1);
    const relayed = await market.db.query(`SELECT relayed_at FROM outbox_events WHERE type = 'shift.published'`);
    expect(relayed.rows).toHaveLength(1);
    expect(relayed.rows[0].relayed_at).not.toBeNull();
  });

  it('lists open shifts with filters and cursor paging', async () => {
    for (const [street, category, daysAhead] of [
      ['永中街道', 'cleaning', 4],
      ['海滨街道', 'loading', 5],
      ['永中街道', 'loading', 6],
    ] as const) {
      await request(market.url)
        .post('/api/shifts')
        .set(bearer(employer))
        .send(shiftInput({ street, category, publish: true, requirements: { skills: [], certificates: [] } }, daysAhead))
        .expect(201);
    }
    await request(market.url)
      .post('/api/shifts')
      .set(bearer(employer))
      .send(shiftInput({ title: '草稿' }, 7))
      .expect(201);

    const all = await request(market.url).get('/api/shifts').expect(200);
    expect(all.body.items).toHaveLength(4);
    expect(all.body.items.map((s: { title: string }) => s.title)).not.toContain('草稿');

    const street = await request(market.url).get('/api/shifts').query({ street: '永中街道', category: 'loading' }).expect(200);
    expect(street.body.items).toHaveLength(2);

    const from = shiftInput({}, 5).startsAt;
    const window = await request(market.url)
      .get('/api/shifts')
      .query({ from, to: shiftInput({}, 6).startsAt })
      .expect(200);
    expect(window.body.items.map((s: { street: string }) => s.street)).toEqual(['海滨街道']);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: request.Response = await request(market.url)
        .get('/api/shifts')
        .query({ limit: 3, ...(cursor ? { cursor } : {}) })
        .expect(200);
      seen.push(...page.body.items.map((s: { id: string }) => s.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(4);
    expect(new Set(seen).size).toBe(4);
    expect(seen).toContain(shiftId);

    const one = await request(market.url).get(`/api/shifts/${shiftId}`).expect(200);
    expect(one.body.id).toBe(shiftId);
    await request(market.url).get('/api/shifts').query({ cursor: 'not-a-cursor' }).expect(400);
    await request(market.url).get('/api/shifts/not-a-uuid').expect(400);
  });
});
