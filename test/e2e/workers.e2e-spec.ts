import { createHmac, randomUUID } from 'node:crypto';
import request from 'supertest';
import { readEnvFile } from '@lingong/config';
import { residentIdCheckChar } from '@lingong/domain';
import { startMarket, type Market } from '../support/market';
import { bearer, shiftInput, signIn, signInAdmin, workerInput } from '../support/people';
import { waitFor } from '../support/wait-for';

/** Seekers (API.md, worker-profile): registration with consent, the desk, privacy by audience, export and erasure. */
describe('seekers', () => {
  let market: Market;
  let admin: string;
  let adminId: string;
  const api = () => request(market.url);
  /** Requests as a signed-in account, under /api. */
  const as = (token: string) => ({
    get: (path: string) => api().get(`/api${path}`).set(bearer(token)),
    delete: (path: string) => api().delete(`/api${path}`).set(bearer(token)),
    post: (path: string, body: object) => api().post(`/api${path}`).set(bearer(token)).send(body),
    patch: (path: string, body: object) => api().patch(`/api${path}`).set(bearer(token)).send(body),
    put: (path: string, body: object) => api().put(`/api${path}`).set(bearer(token)).send(body),
  });
  const residentId = (first17: string) => first17 + residentIdCheckChar(first17);
  const ids = { self: residentId('33030319800101001'), leaver: residentId('33030319751231002') };
  const phones = { self: '13710000001', twin: '13710000002', walkIn: '13710000003', leaver: '13710000004', nobody: '13710000005' };
  const people: Record<string, { token: string; accountId: string; workerId?: string }> = {};

  async function person(name: string, phone: string, role: 'worker' | 'employer') {
    const token = await signIn(market, phone, role);
    const me = await as(token).get('/me').expect(200);
    return (people[name] = { token, accountId: me.body.id as string });
  }
  const consentsOf = `SELECT purpose, granted, channel, recorded_by AS "recordedBy" FROM worker_consents WHERE worker_id = $1 ORDER BY recorded_at, purpose`;
  const consents = async (workerId: string) => (await market.db.query(consentsOf, [workerId])).rows;
  const workerRow = async (id: string) =>
    (await market.db.query(`SELECT *, location IS NULL AS "noLocation" FROM workers WHERE id = $1`, [id])).rows[0];

  let shift: { id: string; startsAt: string; endsAt: string };
  let bookerEmployerId: string;
  async function book(workerId: string, status: string, { late = false, by = null as string | null } = {}): Promise<string> {
    const inserted = await market.db.query(
      `INSERT INTO bookings (shift_id, employer_id, worker_id, source, status, starts_at, ends_at, employment_type, pay_amount_fen, pay_unit,
                             late_cancellation, cancelled_by)
       VALUES ($1, $2, $3, 'application', $4, $5, $6, 'temporary', 22000, 'day', $7, $8) RETURNING id`,
      [shift.id, bookerEmployerId, workerId, status, shift.startsAt, shift.endsAt, late, by],
    );
    return inserted.rows[0].id as string;
  }
  const rate = (bookingId: string, workerId: string, rater: 'employer' | 'worker', stars: number) => {
    const values = [bookingId, rater, workerId, bookerEmployerId, stars];
    return market.db.query(`INSERT INTO ratings (booking_id, rater, worker_id, employer_id, stars) VALUES ($1, $2, $3, $4, $5)`, values);
  };

  beforeAll(async () => {
    market = await startMarket();
    admin = await signInAdmin(market);
    adminId = (await as(admin).get('/me').expect(200)).body.id;
  });
  afterAll(async () => {
    await market.close();
  });

  it('a seeker registers themselves: consent recorded, the resident ID kept only as a keyed hash', async () => {
    const { token, accountId } = await person('self', phones.self, 'worker');
    const badId = await as(token)
      .post('/workers', workerInput({ residentId: '330303198001010010' }))
      .expect(400);
    expect(badId.body.message).toEqual(['residentId must be a valid 18-character resident identity number (GB 11643)']);
    const noConsent = await as(token).post('/workers', workerInput({ consent: { dataProcessing: false, sms: true } }));
    expect(noConsent.body.message).toEqual(['consent.dataProcessing must be true: we cannot hold a profile without consent']);
    const withPhone = await as(token)
      .post('/workers', workerInput({ phone: phones.twin }))
      .expect(400);
    expect(withPhone.body.message).toEqual(['phone is taken from your sign-in; leave it out']);

    const created = await as(token)
      .post('/workers', workerInput({ residentId: ids.self }))
      .expect(201);
    people.self!.workerId = created.body.id;
    expect(created.body).toMatchObject({
      name: '王建国',
      phone: phones.self,
      phoneMasked: '137****0001',
      residentIdLast4: ids.self.slice(-4),
      reliability: 1,
      rating: null,
      consent: { dataProcessing: true, sms: true },
      status: 'active',
    });
    expect(created.body).not.toHaveProperty('priorityGroup');
    expect(JSON.stringify(created.body)).not.toContain(ids.self.slice(0, 14));
    expect(await consents(created.body.id)).toEqual([
      { purpose: 'data_processing', granted: true, channel: 'self', recordedBy: accountId },
      { purpose: 'sms_alerts', granted: true, channel: 'self', recordedBy: accountId },
    ]);

    const row = await workerRow(created.body.id);
    const secret = process.env.RESIDENT_ID_KEY ?? readEnvFile().RESIDENT_ID_KEY!;
    expect(row.resident_id_hash).toBe(createHmac('sha256', secret).update(ids.self).digest('hex'));
    expect(row.resident_id_last4).toBe(ids.self.slice(-4));
    const leaks = await market.db.query(`SELECT count(*)::int AS n FROM workers w WHERE w::text LIKE $1`, [`%${ids.self.slice(0, 14)}%`]);
    expect(leaks.rows[0].n).toBe(0);

    const again = await as(token).post('/workers', workerInput()).expect(409);
    expect(again.body).toMatchObject({ statusCode: 409, code: 'WORKER_EXISTS' });
  });

  it('tells staff at the desk RESIDENT_ID_TAKEN, and a seeker nothing: their ID is kept aside for staff to check', async () => {
    const { token } = await person('twin', phones.twin, 'worker');
    const desk = await as(admin)
      .post('/workers', workerInput({ phone: '13710000099', residentId: ids.self }))
      .expect(409);
    expect(desk.body.code).toBe('RESIDENT_ID_TAKEN');

    // Answered as for a free ID, or anyone could test whether a stranger is registered here (docs/privacy.md).
    const created = await as(token)
      .post('/workers', workerInput({ name: '李明', street: '蒲州街道', residentId: ids.self }))
      .expect(201);
    expect(created.body).toMatchObject({ name: '李明', residentIdLast4: ids.self.slice(-4) });
    people.twin!.workerId = created.body.id;
    const patched = await as(token).patch('/workers/me', { residentId: ids.self.toLowerCase() }).expect(200);
    expect(patched.body.residentIdLast4).toBe(ids.self.slice(-4));
    const row = await workerRow(created.body.id);
    expect({ hash: row.resident_id_hash, aside: row.resident_id_conflict_hash }).toEqual({
      hash: null,
      aside: (await workerRow(people.self!.workerId!)).resident_id_hash,
    });
    const staffView = await as(admin).get(`/workers/${created.body.id}`).expect(200);
    expect(staffView.body.residentIdCheck).toEqual({ heldBy: people.self!.workerId });
  });

  it('staff register a walk-in at the desk, and the person claims it on first sign-in', async () => {
    const noPhone = await as(admin).post('/workers', workerInput()).expect(400);
    expect(noPhone.body.message).toEqual(['phone is required when staff register a walk-in (null for a person who has no phone)']);
    const input = workerInput({ name: '张丽', phone: '+86 137-1000-0003', consent: { dataProcessing: true, sms: false } });
    const created = await as(admin).post('/workers', input).expect(201);
    expect(created.body).toMatchObject({ phone: phones.walkIn, priorityGroup: 'none', consent: { sms: false } });
    expect(await consents(created.body.id)).toEqual([
      { purpose: 'data_processing', granted: true, channel: 'desk', recordedBy: adminId },
      { purpose: 'sms_alerts', granted: false, channel: 'desk', recordedBy: adminId },
    ]);
    expect((await workerRow(created.body.id)).account_id).toBeNull();
    const twice = await as(admin).post('/workers', input).expect(409);
    expect(twice.body.code).toBe('WORKER_EXISTS');

    const { token, accountId } = await person('walkIn', phones.walkIn, 'worker');
    const mine = await as(token).get('/workers/me').expect(200);
    expect(mine.body).toMatchObject({ id: created.body.id, name: '张丽', phone: phones.walkIn });
    expect(mine.body).not.toHaveProperty('priorityGroup');
    expect((await workerRow(created.body.id)).account_id).toBe(accountId);
    people.walkIn!.workerId = created.body.id;
  });

  it('a seeker edits their profile in part; consent to SMS is recorded, the rest refused by name', async () => {
    const { token, accountId, workerId } = people.self!;
    const skills = [
      { code: 'cleaning', years: 2 },
      { code: 'loading', years: 3 },
    ];
    const patched = await as(token)
      .patch('/workers/me', { name: '王建军', skills, consent: { sms: false } })
      .expect(200);
    expect(patched.body).toMatchObject({
      id: workerId,
      name: '王建军',
      skills,
      street: '永中街道',
      consent: { dataProcessing: true, sms: false },
    });
    expect((await consents(workerId!)).filter((row) => row.purpose === 'sms_alerts')).toEqual([
      { purpose: 'sms_alerts', granted: true, channel: 'self', recordedBy: accountId },
      { purpose: 'sms_alerts', granted: false, channel: 'self', recordedBy: accountId },
    ]);
    const unchanged = await as(token).patch('/workers/me', {}).expect(200);
    expect(unchanged.body).toEqual(patched.body);

    for (const [body, message] of [
      [{ nickname: '老王' }, 'property nickname should not exist'],
      [{ phone: '13710000009' }, 'property phone should not exist'],
      [{ priorityGroup: 'low_income' }, 'property priorityGroup should not exist'],
      [{ name: null }, 'name must be a string'],
      [{ maxDistanceKm: '5' }, 'maxDistanceKm must be an integer number'],
      [{ consent: { dataProcessing: false } }, expect.stringContaining('DELETE /workers/me')],
    ] as const) {
      const refused = await as(token).patch('/workers/me', body).expect(400);
      expect(refused.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(refused.body.message).toContainEqual(message);
    }
    await as(admin).patch('/workers/me', { name: 'x' }).expect(403);
  });

  it("staff set a priority group only with the seeker's consent; the seeker's own answer never shows it", async () => {
    const { workerId, token } = people.walkIn!;
    const put = (body: object, caller = admin, id = workerId) => as(caller).put(`/workers/${id}/priority-group`, body);
    const missing = await put({ group: 'low_income' }).expect(400);
    expect(missing.body.message).toEqual(["consent must be true: staff set a priority group only with the seeker's consent"]);
    await put({ group: 'low_income', consent: false }).expect(400);
    await put({ group: 'rich', consent: true }).expect(400);
    await put({ group: 'low_income', consent: true }, token).expect(403);
    expect((await put({ group: 'low_income', consent: true }, admin, randomUUID()).expect(404)).body.code).toBe('NOT_FOUND');
    await put({ group: 'low_income', consent: true }, admin, 'not-a-uuid').expect(400);

    const set = await put({ group: 'low_income', consent: true }).expect(200);
    expect(set.body).toMatchObject({ id: workerId, priorityGroup: 'low_income', phone: phones.walkIn });
    expect((await consents(workerId!)).at(-1)).toEqual({ purpose: 'priority_group', granted: true, channel: 'desk', recordedBy: adminId });
    const mine = await as(token).get('/workers/me').expect(200);
    expect(mine.body).not.toHaveProperty('priorityGroup');
  });

  it('an employer sees a seeker only once booked on its shift, with the full phone but no group or resident ID', async () => {
    const booker = await person('booker', '13610000001', 'employer');
    const employer = await as(booker.token)
      .post('/employers', { name: '龙湾某鞋业', contactName: '陈经理', street: '永中街道', address: '某路1号' })
      .expect(201);
    bookerEmployerId = employer.body.id;
    shift = (await as(booker.token).post('/shifts', shiftInput()).expect(201)).body;
    const stranger = await person('stranger', '13610000002', 'employer');
    await as(stranger.token).post('/employers', { name: '另一家', contactName: '周', street: '海滨街道', address: '某路2号' }).expect(201);

    const { workerId } = people.self!;
    const unbooked = await as(booker.token).get(`/workers/${workerId}`).expect(404);
    expect(unbooked.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    const completed = await book(workerId!, 'completed');
    const noShow = await book(workerId!, 'no_show');
    await book(workerId!, 'cancelled', { late: true, by: 'worker' });
    await book(people.twin!.workerId!, 'cancelled', { by: 'employer' });
    await rate(completed, workerId!, 'employer', 4);
    await rate(noShow, workerId!, 'employer', 5);
    await rate(completed, workerId!, 'worker', 1);

    // (1 completed + 1) / (2 + 1 no-show + 0.5 × 1 late cancellation) = 0.57; employers' stars 4 and 5.
    const seen = await as(booker.token).get(`/workers/${workerId}`).expect(200);
    expect(seen.body).toMatchObject({ id: workerId, phone: phones.self, phoneMasked: '137****0001', reliability: 0.57, rating: 4.5 });
    expect(seen.body).not.toHaveProperty('priorityGroup');
    expect(seen.body).not.toHaveProperty('residentIdLast4');
    await as(stranger.token).get(`/workers/${workerId}`).expect(404);
    await as(booker.token).get(`/workers/${people.twin!.workerId}`).expect(404);

    const staffView = await as(admin).get(`/workers/${workerId}`).expect(200);
    expect(staffView.body).toMatchObject({ priorityGroup: 'none', residentIdLast4: ids.self.slice(-4), reliability: 0.57, rating: 4.5 });
    const own = await as(people.self!.token).get(`/workers/${workerId}`).expect(200);
    expect(own.body).toMatchObject({ id: workerId, phone: phones.self, reliability: 0.57 });
    await as(people.twin!.token).get(`/workers/${workerId}`).expect(404);
    await as(admin).get(`/workers/${randomUUID()}`).expect(404);
    await as(admin).get('/workers/not-a-uuid').expect(400);
  });

  it('staff list seekers by phone, street and skill, newest first, in cursor pages', async () => {
    await as(people.self!.token).get('/workers').expect(403);
    const all = await as(admin).get('/workers').expect(200);
    const expected = [people.walkIn!.workerId, people.twin!.workerId, people.self!.workerId];
    expect(all.body.items.map((w: { id: string }) => w.id)).toEqual(expected);
    expect(all.body.nextCursor).toBeNull();
    expect(all.body.items[2]).toMatchObject({ phone: phones.self, priorityGroup: 'none', reliability: 0.57, rating: 4.5 });

    const query = async (q: object) => (await as(admin).get('/workers').query(q).expect(200)).body.items.map((w: { id: string }) => w.id);
    expect(await query({ skill: 'cleaning' })).toEqual([people.self!.workerId]);
    expect(await query({ skill: 'loading', street: '蒲州街道' })).toEqual([people.twin!.workerId]);
    expect(await query({ phone: '+8613710000003' })).toEqual([people.walkIn!.workerId]);
    expect(await query({ skill: 'driving' })).toEqual([]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: request.Response = await as(admin)
        .get('/workers')
        .query({ limit: 1, ...(cursor ? { cursor } : {}) })
        .expect(200);
      expect(page.body.items.length).toBeLessThanOrEqual(1);
      seen.push(...page.body.items.map((w: { id: string }) => w.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(expected);

    const forged = Buffer.from(JSON.stringify({ createdAt: "2026-02-31'", id: 'x' })).toString('base64url');
    for (const bad of [
      { cursor: 'nope' },
      { cursor: forged },
      { limit: 0 },
      { limit: 'ten' },
      { skill: 'Loading!' },
      { street: '北京' },
      { phone: '123' },
    ]) {
      const refused = await as(admin).get('/workers').query(bad).expect(400);
      expect(refused.body.statusCode).toBe(400);
    }
  });

  it('a seeker downloads everything held about them', async () => {
    const { token, workerId } = people.self!;
    const exported = await as(token).get('/workers/me/export').expect(200);
    expect(exported.body.profile).toMatchObject({
      id: workerId,
      phone: phones.self,
      residentIdLast4: ids.self.slice(-4),
      priorityGroup: 'none',
    });
    expect(exported.body.consents).toEqual([
      { purpose: 'data_processing', granted: true, channel: 'self', location: null, recordedAt: expect.stringMatching(/\+08:00$/) },
      { purpose: 'sms_alerts', granted: true, channel: 'self', location: null, recordedAt: expect.any(String) },
      { purpose: 'sms_alerts', granted: false, channel: 'self', location: null, recordedAt: expect.any(String) },
    ]);
    expect(exported.body.bookings).toHaveLength(3);
    expect(exported.body.bookings.map((b: { status: string }) => b.status).sort()).toEqual(['cancelled', 'completed', 'no_show']);
    expect(exported.body.bookings[0]).toMatchObject({
      shiftId: shift.id,
      shiftTitle: '仓库搬运 日结',
      payAmountFen: 22000,
      payUnit: 'day',
    });
    expect(exported.body.bookings[0].startsAt).toMatch(/T08:00:00\+08:00$/);
    expect(exported.body.ratingsReceived.map((r: { stars: number }) => r.stars).sort()).toEqual([4, 5]);
    expect(exported.body.ratingsGiven.map((r: { stars: number }) => r.stars)).toEqual([1]);
    expect(JSON.stringify(exported.body)).not.toContain(ids.self.slice(0, 14));
    await as(admin).get('/workers/me/export').expect(403);
  });

  it('a seeker erases their data: history stays anonymous, consent records stay, the phone is free again', async () => {
    const { token, accountId } = await person('leaver', phones.leaver, 'worker');
    const workerId = (
      await as(token)
        .post('/workers', workerInput({ residentId: ids.leaver }))
        .expect(201)
    ).body.id;
    const booking = await book(workerId, 'completed');
    await rate(booking, workerId, 'employer', 5);
    await as(admin).put(`/workers/${workerId}/priority-group`, { group: 'disability', consent: true }).expect(200);
    await as(people.booker!.token).get(`/workers/${workerId}`).expect(200);

    // A message to them in flight at that moment (claimed by a sender, not yet answered by the gateway).
    const inFlight = (
      await market.db.query(
        `INSERT INTO notifications (dedupe_key, phone, kind, text, status) VALUES ('in-flight:leaver', $1, 'booking_confirmed', '【龙湾零工市场】您已被录用', 'sending') RETURNING id`,
        [phones.leaver],
      )
    ).rows[0].id as string;

    const erased = await as(token).delete('/workers/me').expect(204);
    expect(erased.text).toBe('');
    // The sign-in account goes with the profile: its token is refused from now on.
    expect((await as(token).get('/workers/me').expect(401)).body.code).toBe('TOKEN_REVOKED');
    await as(token).delete('/workers/me').expect(401);
    await as(token).get('/workers/me/export').expect(401);

    const row = await workerRow(workerId);
    expect(row).toMatchObject({ name: '已注销', status: 'erased', erased_at: expect.any(Date), priority_group: 'none', noLocation: true });
    expect(row).toMatchObject({ skills: [], certificates: [], availability: [] });
    for (const gone of ['phone', 'account_id', 'lat', 'lng', 'expected_daily_pay_fen', 'resident_id_hash', 'resident_id_last4']) {
      expect(row[gone]).toBeNull();
    }
    // Consent records stay (what was agreed, when), no longer linked to the deleted account; the desk's stays the desk's.
    const kept = await consents(workerId);
    expect(kept).toHaveLength(4);
    expect(kept.at(-1)).toEqual({ purpose: 'data_processing', granted: false, channel: 'self', recordedBy: null });
    expect(kept.map((consent) => consent.recordedBy)).not.toContain(accountId);
    expect(kept.map((consent) => consent.recordedBy)).toContain(adminId);
    expect((await market.db.query(`SELECT count(*)::int AS n FROM accounts WHERE id = $1`, [accountId])).rows[0].n).toBe(0);
    const history = await market.db.query(
      `SELECT (SELECT count(*) FROM bookings WHERE worker_id = $1)::int AS bookings,
      (SELECT count(*) FROM ratings WHERE worker_id = $1)::int AS ratings`,
      [workerId],
    );
    expect(history.rows[0]).toEqual({ bookings: 1, ratings: 1 });

    // The SMS log (the worker app's) forgets the phone too, through the worker.erased event.
    await waitFor(
      'the SMS log to forget the phone',
      async () =>
        (await market.db.query(`SELECT count(*)::int AS n FROM notifications WHERE phone = $1`, [phones.leaver])).rows[0].n as number,
      (left) => left === 0,
    );
    const forgotten = await market.db.query(`SELECT count(*)::int AS n FROM notifications WHERE phone = '' AND text = '[已注销]'`);
    expect(forgotten.rows[0].n).toBeGreaterThan(0);
    // The in-flight one too, and it can no longer be retried to the erased person.
    const flight = await market.db.query(`SELECT phone, text, status FROM notifications WHERE id = $1`, [inFlight]);
    expect(flight.rows[0]).toEqual({ phone: '', text: '[已注销]', status: 'failed' });

    await as(people.booker!.token).get(`/workers/${workerId}`).expect(404);
    expect((await as(admin).get(`/workers/${workerId}`).expect(200)).body).toMatchObject({
      name: '已注销',
      phone: null,
      status: 'erased',
    });
    const listed = await as(admin).get('/workers').expect(200);
    expect(listed.body.items.map((w: { id: string }) => w.id)).not.toContain(workerId);

    // They may sign up again with the same phone: a new account, a new profile.
    const again = await as(await signIn(market, phones.leaver, 'worker'))
      .post('/workers', workerInput({ residentId: ids.leaver }))
      .expect(201);
    expect(again.body).toMatchObject({ phone: phones.leaver, status: 'active', reliability: 1, rating: null });
    expect(again.body.id).not.toBe(workerId);
  });

  it('documents every route in the OpenAPI document', async () => {
    const docs = await request(market.apps['worker-profile']).get('/docs-json').expect(200);
    expect(
      Object.keys(docs.body.paths)
        .filter((path) => path.startsWith('/api/'))
        .sort(),
    ).toEqual(
      [
        '/api/workers',
        '/api/workers/me',
        '/api/workers/me/export',
        '/api/workers/{id}',
        '/api/workers/{id}/priority-group',
        '/api/workers/{id}/resident-id',
      ].sort(),
    );
    expect(Object.keys(docs.body.components.schemas)).toEqual(
      expect.arrayContaining(['CreateWorkerDto', 'UpdateWorkerDto', 'SetPriorityGroupDto', 'SetResidentIdDto']),
    );
  });

  it('a seeker without a profile, and bodies that are not profiles, get 4xx answers, never a 500', async () => {
    const { token } = await person('nobody', phones.nobody, 'worker');
    await as(token).get('/workers/me').expect(404);
    await as(token).patch('/workers/me', { name: '某人' }).expect(404);
    await as(token).delete('/workers/me').expect(404);
    await as(token).get('/workers/me/export').expect(404);
    await api().get('/api/workers/me').expect(401);
    for (const body of ['{"name": ', '[]', '"text"', 'null']) {
      const response = await api().post('/api/workers').set(bearer(token)).set('Content-Type', 'application/json').send(body);
      expect(response.status).toBe(400);
    }
    const many = Array.from({ length: 21 }, (_, i) => ({ code: `skill_${i}`, years: 1 }));
    await as(token)
      .post('/workers', workerInput({ skills: many }))
      .expect(400);
    await as(people.self!.token).patch('/workers/me', { consent: null }).expect(400);
  });
});
