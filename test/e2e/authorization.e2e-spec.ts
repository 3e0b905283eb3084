import { createHmac } from 'node:crypto';
import request, { type Response } from 'supertest';
import { minutesFromNow, verifiedEmployer } from '../support/employers';
import { startMarket, type Market } from '../support/market';
import { bearer, seekerWithProfile, shiftInput, signInAdmin, workerInput } from '../support/people';

/**
 * Who may do what, through the front door: another employer, another seeker, the wrong role and
 * no (or a forged) token are each refused with the exact status, their answers carry none of the
 * other party's data, staff may act for any employer, and nothing answers 500.
 */
describe('authorization matrix', () => {
  type Actor = 'employerA' | 'employerB' | 'employerC' | 'seekerA' | 'seekerB' | 'staff' | 'anonymous';
  type Method = 'get' | 'post' | 'patch';
  interface Seen {
    route: string;
    status: number;
    body: unknown;
  }

  let market: Market;
  const tokens: Partial<Record<Actor, string>> = {};
  const phones = {
    employerA: '13600000301',
    employerB: '13600000302',
    employerC: '13600000303',
    seekerA: '13700001001',
    seekerB: '13700001002',
  };
  const seekerNames = { seekerA: '王建国', seekerB: '李秀英' };
  /** Every id the cases use, filled in by beforeAll. */
  const ids = {
    employerA: '',
    employerB: '',
    seekerA: '',
    seekerB: '',
    adminAccount: '',
    draft: '',
    held: '',
    later: '',
    future: '',
    cancelMe: '',
    appA: '',
    appB: '',
    bookingSoon: '',
    bookingFuture: '',
    bookingDone: '',
    bookingNoShow: '',
  };
  /** Seekers whose profile had to be written by SQL because POST /api/workers answered 500. */
  const seen: Seen[] = [];

  async function call(actor: Actor, method: Method, path: string, body?: unknown): Promise<Response> {
    let pending = request(market.url)[method](path);
    const token = tokens[actor];
    if (actor !== 'anonymous' && token) pending = pending.set(bearer(token));
    const response = body === undefined ? await pending : await pending.send(body as object);
    seen.push({ route: `${actor} ${method.toUpperCase()} ${path}`, status: response.status, body: response.body });
    return response;
  }

  /** Fails with the route, status and body, so a report can quote them; a refusal has the API's error shape. */
  function expectStatus(response: Response, status: number): void {
    const last = seen[seen.length - 1]!;
    const body =
      status >= 400
        ? expect.objectContaining({ statusCode: status, message: expect.arrayContaining([expect.any(String)]) })
        : expect.anything();
    expect({ route: last.route, status: response.status, body: response.body as unknown }).toEqual(
      expect.objectContaining({ status, body }),
    );
  }

  function serverErrors(): Seen[] {
    const errors = seen.filter((entry) => entry.status >= 500);
    seen.length = 0;
    return errors;
  }

  /** Seeker data an outsider must never see: phones (whole or masked), names, profile ids. */
  function seekerData(): string[] {
    return [
      phones.seekerA,
      phones.seekerB,
      '137****1001',
      '137****1002',
      seekerNames.seekerA,
      seekerNames.seekerB,
      ids.seekerA,
      ids.seekerB,
    ].filter((value) => value !== '');
  }

  function expectNoSeekerData(response: Response): void {
    const text = JSON.stringify(response.body ?? null) + (response.text ?? '');
    for (const secret of seekerData())
      expect({ route: seen[seen.length - 1]!.route, leaked: text.includes(secret) ? secret : null }).toMatchObject({ leaked: null });
  }

  async function seekerProfile(actor: 'seekerA' | 'seekerB'): Promise<string> {
    const seeker = await seekerWithProfile(market, phones[actor], { name: seekerNames[actor] });
    tokens[actor] = seeker.token;
    return seeker.id;
  }

  async function postShift(overrides: Record<string, unknown>, daysAhead: number): Promise<string> {
    const response = await call('employerA', 'post', '/api/shifts', shiftInput(overrides, daysAhead));
    if (response.status !== 201) throw new Error(`POST /api/shifts → ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.id as string;
  }

  async function apply(shiftId: string, actor: 'seekerA' | 'seekerB'): Promise<string> {
    const response = await call(actor, 'post', `/api/shifts/${shiftId}/applications`, {});
    if (response.status !== 201) throw new Error(`apply → ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.id as string;
  }

  async function book(shiftId: string, actor: 'seekerA' | 'seekerB'): Promise<string> {
    const application = await apply(shiftId, actor);
    const response = await call('employerA', 'post', `/api/applications/${application}/accept`);
    if (response.status !== 201) throw new Error(`accept → ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.id as string;
  }

  beforeAll(async () => {
    market = await startMarket();
    tokens.staff = await signInAdmin(market);
    const a = await verifiedEmployer(market, phones.employerA, '瓯江鞋业有限公司');
    const b = await verifiedEmployer(market, phones.employerB, '星海电器配件厂');
    Object.assign(tokens, { employerA: a.token, employerB: b.token });
    Object.assign(ids, { employerA: a.id, employerB: b.id });
    ids.seekerA = await seekerProfile('seekerA');
    ids.seekerB = await seekerProfile('seekerB');
    ids.adminAccount = (await call('staff', 'get', '/api/me')).body.id as string;

    // A completed booking: booked 20 minutes ahead, checked in, then moved two hours into the past.
    const hourly = { amountFen: 2600, unit: 'hour', settlement: 'daily' };
    const doneShift = await postShift({ publish: true, startsAt: minutesFromNow(20), endsAt: minutesFromNow(80), pay: hourly }, 0);
    ids.bookingDone = await book(doneShift, 'seekerA');
    expectStatus(await call('employerA', 'post', `/api/bookings/${ids.bookingDone}/check-in`), 200);
    await market.db.query(
      `UPDATE bookings SET starts_at = starts_at - interval '200 minutes', ends_at = ends_at - interval '200 minutes',
              checked_in_at = checked_in_at - interval '120 minutes' WHERE id = $1`,
      [ids.bookingDone],
    );
    expectStatus(await call('employerA', 'post', `/api/bookings/${ids.bookingDone}/check-out`), 200);

    // A confirmed booking that starts in 20 minutes, so check-in is open.
    const soonShift = await postShift({ publish: true, startsAt: minutesFromNow(20), endsAt: minutesFromNow(200), pay: hourly }, 0);
    ids.bookingSoon = await book(soonShift, 'seekerA');
    // Pending applications from both seekers, and a booking days ahead for the cancel cases.
    ids.later = await postShift({ publish: true }, 3);
    ids.appA = await apply(ids.later, 'seekerA');
    ids.appB = await apply(ids.later, 'seekerB');
    ids.future = await postShift({ publish: true }, 4);
    ids.bookingFuture = await book(ids.future, 'seekerA');
    // Seeker B on a shift that has (as the clock would have it) started: a no-show can be recorded.
    const noShowShift = await postShift({ publish: true }, 6);
    ids.bookingNoShow = await book(noShowShift, 'seekerB');
    await market.db.query(`UPDATE bookings SET starts_at = now() - interval '1 hour', ends_at = now() + interval '3 hours' WHERE id = $1`, [
      ids.bookingNoShow,
    ]);
    ids.cancelMe = await postShift({ publish: true }, 5);
    ids.draft = await postShift({ title: '草稿 包装工' }, 7);
    // An unverified employer's published shift waits for staff: as private as a draft.
    const c = await verifiedEmployer(market, phones.employerC, '沙城某服装厂', false);
    tokens.employerC = c.token;
    const held = await call('employerC', 'post', '/api/shifts', shiftInput({ publish: true, title: '待审 缝纫工' }, 7));
    if (held.body.status !== 'pending_review') throw new Error(`held shift → ${held.status} ${JSON.stringify(held.body)}`);
    ids.held = held.body.id as string;

    const errors = serverErrors();
    if (errors.length > 0) throw new Error(`setup met server errors: ${JSON.stringify(errors)}`);
  });

  afterAll(async () => {
    await market?.close();
  });

  afterEach(() => {
    expect(serverErrors()).toEqual([]);
  });

  type Case = [what: string, status: number, actor: Actor, method: Method, path: () => string, body: unknown];
  const reason = { reason: '越权测试' };

  describe('employer B against employer A’s shifts, applications and bookings', () => {
    it.each<Case>([
      ['publish A’s draft', 404, 'employerB', 'post', () => `/api/shifts/${ids.draft}/publish`, undefined],
      ['cancel A’s shift', 404, 'employerB', 'post', () => `/api/shifts/${ids.cancelMe}/cancel`, reason],
      ['list applicants of A’s shift', 404, 'employerB', 'get', () => `/api/shifts/${ids.later}/applications`, undefined],
      ['accept an application to A’s shift', 404, 'employerB', 'post', () => `/api/applications/${ids.appA}/accept`, undefined],
      ['reject an application to A’s shift', 404, 'employerB', 'post', () => `/api/applications/${ids.appA}/reject`, undefined],
      ['check in A’s booking', 404, 'employerB', 'post', () => `/api/bookings/${ids.bookingSoon}/check-in`, undefined],
      ['check out A’s booking', 404, 'employerB', 'post', () => `/api/bookings/${ids.bookingSoon}/check-out`, undefined],
      ['record a no-show on A’s booking', 404, 'employerB', 'post', () => `/api/bookings/${ids.bookingNoShow}/no-show`, undefined],
      ['cancel A’s booking', 404, 'employerB', 'post', () => `/api/bookings/${ids.bookingFuture}/cancel`, reason],
      ['mark A’s booking paid', 404, 'employerB', 'post', () => `/api/bookings/${ids.bookingDone}/paid`, undefined],
      [
        'rate the worker of A’s booking',
        404,
        'employerB',
        'post',
        () => `/api/bookings/${ids.bookingDone}/rating`,
        { stars: 1, comment: '差' },
      ],
      ['list the bookings of A’s shift', 404, 'employerB', 'get', () => `/api/bookings?shiftId=${ids.later}`, undefined],
      [
        'list bookings by a seeker (a staff filter)',
        400,
        'employerB',
        'get',
        () => `/api/bookings?shiftId=${ids.later}&workerId=${ids.seekerA}`,
        undefined,
      ],
      ['read a seeker booked only on A’s shifts', 404, 'employerB', 'get', () => `/api/workers/${ids.seekerA}`, undefined],
    ])('%s → %i', async (_what, status, actor, method, path, body) => {
      const response = await call(actor, method, path(), body);
      expectStatus(response, status);
      expectNoSeekerData(response);
    });

    it('left everything as it was', async () => {
      const draft = await call('employerA', 'get', `/api/shifts/${ids.draft}`);
      expect(draft.body.status).toBe('draft');
      const cancelMe = await call('employerA', 'get', `/api/shifts/${ids.cancelMe}`);
      expect(cancelMe.body.status).toBe('open');
      const bookings = await market.db.query(`SELECT id, status, paid_at FROM bookings WHERE id = ANY($1)`, [
        [ids.bookingSoon, ids.bookingFuture, ids.bookingDone, ids.bookingNoShow],
      ]);
      const byId = Object.fromEntries(bookings.rows.map((row: { id: string; status: string; paid_at: Date | null }) => [row.id, row]));
      expect(byId[ids.bookingSoon]).toMatchObject({ status: 'confirmed' });
      expect(byId[ids.bookingFuture]).toMatchObject({ status: 'confirmed' });
      expect(byId[ids.bookingNoShow]).toMatchObject({ status: 'confirmed' });
      expect(byId[ids.bookingDone]).toMatchObject({ status: 'completed', paid_at: null });
      const applications = await market.db.query(`SELECT status FROM applications WHERE id = $1`, [ids.appA]);
      expect(applications.rows[0].status).toBe('pending');
      expect((await market.db.query(`SELECT count(*)::int AS n FROM ratings`)).rows[0].n).toBe(0);
    });

    it('sees only the public face of A’s open shift, with no applicants in it', async () => {
      const response = await call('employerB', 'get', `/api/shifts/${ids.later}`);
      expectStatus(response, 200);
      expectNoSeekerData(response);
    });
  });

  describe('seeker B against seeker A', () => {
    it.each<Case>([
      ['cancel A’s booking', 404, 'seekerB', 'post', () => `/api/bookings/${ids.bookingFuture}/cancel`, reason],
      ['confirm payment of A’s booking', 404, 'seekerB', 'post', () => `/api/bookings/${ids.bookingDone}/payment-received`, undefined],
      [
        'confirm attendance on A’s booking',
        404,
        'seekerB',
        'post',
        () => `/api/bookings/${ids.bookingFuture}/confirm-attendance`,
        undefined,
      ],
      ['rate the employer on A’s booking', 404, 'seekerB', 'post', () => `/api/bookings/${ids.bookingDone}/rating`, { stars: 1 }],
      ['withdraw A’s application', 404, 'seekerB', 'post', () => `/api/applications/${ids.appA}/withdraw`, undefined],
      ['read A’s profile', 404, 'seekerB', 'get', () => `/api/workers/${ids.seekerA}`, undefined],
    ])('%s → %i', async (_what, status, actor, method, path, body) => {
      const response = await call(actor, method, path(), body);
      expectStatus(response, status);
      expect(JSON.stringify(response.body)).not.toContain(phones.seekerA);
    });

    it('lists only their own bookings, even when naming A’s shift', async () => {
      const own = await call('seekerB', 'get', '/api/bookings');
      expectStatus(own, 200);
      expect(own.body.items.map((booking: { id: string }) => booking.id)).toEqual([ids.bookingNoShow]);
      const named = await call('seekerB', 'get', `/api/bookings?shiftId=${ids.future}`);
      expectStatus(named, 200);
      expect(named.body.items).toEqual([]);
      const filtered = await call('seekerB', 'get', `/api/bookings?workerId=${ids.seekerA}`);
      expectStatus(filtered, 400);
    });
  });

  describe('seekers on employer and staff routes', () => {
    it.each<Case>([
      ['post a shift', 403, 'seekerA', 'post', () => '/api/shifts', shiftInput({}, 8)],
      [
        'register an employer',
        403,
        'seekerA',
        'post',
        () => '/api/employers',
        { name: '某厂', contactName: '某人', street: '永中街道', address: '某路' },
      ],
      ['read an employer profile', 403, 'seekerA', 'get', () => '/api/employers/me', undefined],
      ['publish a shift', 403, 'seekerA', 'post', () => `/api/shifts/${ids.draft}/publish`, undefined],
      ['approve a shift', 403, 'seekerA', 'post', () => `/api/shifts/${ids.draft}/approve`, undefined],
      ['cancel a shift', 403, 'seekerA', 'post', () => `/api/shifts/${ids.cancelMe}/cancel`, reason],
      ['list applicants', 403, 'seekerA', 'get', () => `/api/shifts/${ids.later}/applications`, undefined],
      ['accept their own application', 403, 'seekerA', 'post', () => `/api/applications/${ids.appA}/accept`, undefined],
      ['reject an application', 403, 'seekerB', 'post', () => `/api/applications/${ids.appA}/reject`, undefined],
      ['check themselves in', 403, 'seekerA', 'post', () => `/api/bookings/${ids.bookingSoon}/check-in`, undefined],
      ['check themselves out', 403, 'seekerA', 'post', () => `/api/bookings/${ids.bookingSoon}/check-out`, undefined],
      ['record a no-show', 403, 'seekerA', 'post', () => `/api/bookings/${ids.bookingNoShow}/no-show`, undefined],
      ['mark their own pay paid', 403, 'seekerA', 'post', () => `/api/bookings/${ids.bookingDone}/paid`, undefined],
      ['verify an employer', 403, 'seekerA', 'post', () => `/api/employers/${ids.employerA}/verify`, undefined],
      ['suspend an employer', 403, 'seekerA', 'post', () => `/api/employers/${ids.employerA}/suspend`, reason],
      ['reinstate an employer', 403, 'seekerA', 'post', () => `/api/employers/${ids.employerA}/reinstate`, undefined],
      ['list unpaid wages', 403, 'seekerA', 'get', () => '/api/bookings/unpaid', undefined],
      ['list reports', 403, 'seekerA', 'get', () => '/api/employers/reports', undefined],
      ['list seekers', 403, 'seekerA', 'get', () => '/api/workers', undefined],
      ['edit a profile at the desk, even their own', 403, 'seekerA', 'patch', () => `/api/workers/${ids.seekerA}`, { name: '王某' }],
      [
        'read shifts fitting another seeker',
        403,
        'seekerA',
        'get',
        () => `/api/matching/workers/${ids.seekerB}/recommendations`,
        undefined,
      ],
      ['print their own referral slip', 403, 'seekerA', 'get', () => `/api/bookings/${ids.bookingFuture}/slip`, undefined],
      ['list staff accounts', 403, 'seekerA', 'get', () => '/api/staff', undefined],
    ])('%s → %i', async (_what, status, actor, method, path, body) => {
      expectStatus(await call(actor, method, path(), body), status);
    });
  });

  describe('employers on seeker and staff routes', () => {
    it.each<Case>([
      ['apply for its own shift', 403, 'employerA', 'post', () => `/api/shifts/${ids.later}/applications`, {}],
      ['apply for another employer’s shift', 403, 'employerB', 'post', () => `/api/shifts/${ids.later}/applications`, {}],
      ['withdraw an application', 403, 'employerA', 'post', () => `/api/applications/${ids.appA}/withdraw`, undefined],
      ['list "my" applications', 403, 'employerA', 'get', () => '/api/applications/mine', undefined],
      ['report a shift', 403, 'employerB', 'post', () => `/api/shifts/${ids.later}/reports`, { reason: 'fake' }],
      ['confirm the seeker’s payment', 403, 'employerA', 'post', () => `/api/bookings/${ids.bookingDone}/payment-received`, undefined],
      [
        'confirm attendance for the seeker',
        403,
        'employerA',
        'post',
        () => `/api/bookings/${ids.bookingFuture}/confirm-attendance`,
        undefined,
      ],
      ['approve its own shift', 403, 'employerA', 'post', () => `/api/shifts/${ids.draft}/approve`, undefined],
      ['verify itself', 403, 'employerA', 'post', () => `/api/employers/${ids.employerA}/verify`, undefined],
      ['suspend a competitor', 403, 'employerA', 'post', () => `/api/employers/${ids.employerB}/suspend`, reason],
      ['reinstate itself', 403, 'employerB', 'post', () => `/api/employers/${ids.employerB}/reinstate`, undefined],
      ['list unpaid wages', 403, 'employerA', 'get', () => '/api/bookings/unpaid', undefined],
      ['list reports', 403, 'employerA', 'get', () => '/api/employers/reports', undefined],
      ['list seekers', 403, 'employerA', 'get', () => '/api/workers', undefined],
      ['register a seeker profile', 403, 'employerA', 'post', () => '/api/workers', workerInput()],
      ['edit a booked seeker’s profile', 403, 'employerA', 'patch', () => `/api/workers/${ids.seekerA}`, { name: '王某' }],
      [
        'read the shifts fitting a seeker',
        403,
        'employerA',
        'get',
        () => `/api/matching/workers/${ids.seekerA}/recommendations`,
        undefined,
      ],
      ['read a referral slip of its own shift', 403, 'employerA', 'get', () => `/api/bookings/${ids.bookingFuture}/slip`, undefined],
      ['list staff accounts', 403, 'employerA', 'get', () => '/api/staff', undefined],
    ])('%s → %i', async (_what, status, actor, method, path, body) => {
      expectStatus(await call(actor, method, path(), body), status);
    });
  });

  describe('no token', () => {
    it.each<Case>([
      ['GET /api/me', 401, 'anonymous', 'get', () => '/api/me', undefined],
      [
        'POST /api/employers',
        401,
        'anonymous',
        'post',
        () => '/api/employers',
        { name: '某厂', contactName: '某人', street: '永中街道', address: '某路' },
      ],
      ['GET /api/employers/me', 401, 'anonymous', 'get', () => '/api/employers/me', undefined],
      ['GET /api/employers/reports', 401, 'anonymous', 'get', () => '/api/employers/reports', undefined],
      ['POST /api/employers/:id/verify', 401, 'anonymous', 'post', () => `/api/employers/${ids.employerA}/verify`, undefined],
      ['POST /api/employers/:id/suspend', 401, 'anonymous', 'post', () => `/api/employers/${ids.employerA}/suspend`, reason],
      ['POST /api/employers/:id/reinstate', 401, 'anonymous', 'post', () => `/api/employers/${ids.employerA}/reinstate`, undefined],
      ['POST /api/shifts', 401, 'anonymous', 'post', () => '/api/shifts', shiftInput({}, 8)],
      ['POST /api/shifts/:id/publish', 401, 'anonymous', 'post', () => `/api/shifts/${ids.draft}/publish`, undefined],
      ['POST /api/shifts/:id/approve', 401, 'anonymous', 'post', () => `/api/shifts/${ids.draft}/approve`, undefined],
      ['POST /api/shifts/:id/cancel', 401, 'anonymous', 'post', () => `/api/shifts/${ids.cancelMe}/cancel`, reason],
      ['POST /api/shifts/:id/applications', 401, 'anonymous', 'post', () => `/api/shifts/${ids.later}/applications`, {}],
      ['GET /api/shifts/:id/applications', 401, 'anonymous', 'get', () => `/api/shifts/${ids.later}/applications`, undefined],
      ['POST /api/shifts/:id/reports', 401, 'anonymous', 'post', () => `/api/shifts/${ids.later}/reports`, { reason: 'fake' }],
      ['GET /api/applications/mine', 401, 'anonymous', 'get', () => '/api/applications/mine', undefined],
      ['POST /api/applications/:id/accept', 401, 'anonymous', 'post', () => `/api/applications/${ids.appA}/accept`, undefined],
      ['POST /api/applications/:id/reject', 401, 'anonymous', 'post', () => `/api/applications/${ids.appA}/reject`, undefined],
      ['POST /api/applications/:id/withdraw', 401, 'anonymous', 'post', () => `/api/applications/${ids.appA}/withdraw`, undefined],
      ['GET /api/bookings', 401, 'anonymous', 'get', () => `/api/bookings?shiftId=${ids.later}`, undefined],
      ['GET /api/bookings/unpaid', 401, 'anonymous', 'get', () => '/api/bookings/unpaid', undefined],
      ['POST /api/bookings/:id/check-in', 401, 'anonymous', 'post', () => `/api/bookings/${ids.bookingSoon}/check-in`, undefined],
      ['POST /api/bookings/:id/check-out', 401, 'anonymous', 'post', () => `/api/bookings/${ids.bookingSoon}/check-out`, undefined],
      ['POST /api/bookings/:id/no-show', 401, 'anonymous', 'post', () => `/api/bookings/${ids.bookingNoShow}/no-show`, undefined],
      ['POST /api/bookings/:id/cancel', 401, 'anonymous', 'post', () => `/api/bookings/${ids.bookingFuture}/cancel`, reason],
      ['POST /api/bookings/:id/paid', 401, 'anonymous', 'post', () => `/api/bookings/${ids.bookingDone}/paid`, undefined],
      [
        'POST /api/bookings/:id/payment-received',
        401,
        'anonymous',
        'post',
        () => `/api/bookings/${ids.bookingDone}/payment-received`,
        undefined,
      ],
      [
        'POST /api/bookings/:id/confirm-attendance',
        401,
        'anonymous',
        'post',
        () => `/api/bookings/${ids.bookingFuture}/confirm-attendance`,
        undefined,
      ],
      ['POST /api/bookings/:id/rating', 401, 'anonymous', 'post', () => `/api/bookings/${ids.bookingDone}/rating`, { stars: 5 }],
      ['POST /api/workers', 401, 'anonymous', 'post', () => '/api/workers', workerInput()],
      ['GET /api/workers/me', 401, 'anonymous', 'get', () => '/api/workers/me', undefined],
      ['GET /api/workers/:id', 401, 'anonymous', 'get', () => `/api/workers/${ids.seekerA}`, undefined],
    ])('%s → %i', async (_what, status, actor, method, path, body) => {
      const response = await call(actor, method, path(), body);
      expectStatus(response, status);
      expectNoSeekerData(response);
    });

    it('still serves the public board and an open shift', async () => {
      expectStatus(await call('anonymous', 'get', '/api/shifts'), 200);
      expectStatus(await call('anonymous', 'get', `/api/shifts/${ids.later}`), 200);
    });
  });

  describe('forged tokens', () => {
    const base64url = (value: object | string) =>
      Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
    const header = { alg: 'HS256', typ: 'JWT' };
    function adminClaims() {
      const now = Math.floor(Date.now() / 1000);
      return { sub: ids.adminAccount, phone: '13900000000', role: 'admin', iat: now, exp: now + 3600 };
    }
    function signedWith(secret: string, claims: object, head: object = header): string {
      const unsigned = `${base64url(head)}.${base64url(claims)}`;
      return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
    }
    const forgeries: [string, () => string][] = [
      [
        'employer B’s token with its role changed to admin (original signature)',
        () => {
          const [head, payload, signature] = tokens.employerB!.split('.');
          const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
          return `${head}.${base64url({ ...claims, role: 'admin' })}.${signature}`;
        },
      ],
      ['admin claims signed HS256 with another secret', () => signedWith('not-the-market-secret-0123456789abcdef', adminClaims())],
      ['admin claims with an empty secret', () => signedWith('', adminClaims())],
      ['admin claims with alg "none"', () => `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(adminClaims())}.`],
      ['admin claims with a signature of garbage', () => `${base64url(header)}.${base64url(adminClaims())}.${base64url('garbage')}`],
      ['a token that is not a JWT', () => 'lingong-admin'],
    ];
    const privateRoutes: [Method, () => string, unknown][] = [
      ['get', () => '/api/me', undefined],
      ['get', () => '/api/bookings/unpaid', undefined],
      ['get', () => '/api/employers/reports', undefined],
      ['post', () => `/api/employers/${ids.employerB}/suspend`, { reason: '伪造' }],
      ['post', () => `/api/shifts/${ids.cancelMe}/cancel`, { reason: '伪造' }],
      ['get', () => `/api/shifts/${ids.later}/applications`, undefined],
    ];

    it.each(forgeries)('refuses %s with 401 on every private route', async (_what, forge) => {
      const token = forge();
      for (const [method, path, body] of privateRoutes) {
        let pending = request(market.url)
          [method](path())
          .set({ Authorization: `Bearer ${token}` });
        if (body !== undefined) pending = pending.send(body as object);
        const response = await pending;
        seen.push({ route: `forged ${method.toUpperCase()} ${path()}`, status: response.status, body: response.body });
        expectStatus(response, 401);
        expectNoSeekerData(response);
      }
      // On a public route a bad token counts as no token: the draft stays hidden.
      const draft = await request(market.url)
        .get(`/api/shifts/${ids.draft}`)
        .set({ Authorization: `Bearer ${token}` });
      seen.push({ route: `forged GET /api/shifts/${ids.draft}`, status: draft.status, body: draft.body });
      expectStatus(draft, 404);
    });

    it('left employer B unsuspended and A’s shift open', async () => {
      const suspended = await market.db.query(`SELECT suspended_at FROM employers WHERE id = $1`, [ids.employerB]);
      expect(suspended.rows[0].suspended_at).toBeNull();
      expect((await call('anonymous', 'get', `/api/shifts/${ids.cancelMe}`)).body.status).toBe('open');
    });
  });

  describe('a draft shift', () => {
    it.each<[Actor, number]>([
      ['employerB', 404],
      ['seekerA', 404],
      ['seekerB', 404],
      ['anonymous', 404],
      ['employerA', 200],
      ['staff', 200],
    ])('GET /api/shifts/:draft as %s → %i', async (actor, status) => {
      const response = await call(actor, 'get', `/api/shifts/${ids.draft}`);
      expectStatus(response, status);
      if (status === 404) expect(JSON.stringify(response.body)).not.toContain('草稿');
      else expect(response.body).toMatchObject({ id: ids.draft, status: 'draft', title: '草稿 包装工' });
    });

    it('is not on the public board', async () => {
      const board = await call('anonymous', 'get', '/api/shifts');
      expect(board.body.items.map((shift: { id: string }) => shift.id)).not.toContain(ids.draft);
    });
  });

  describe('a shift held for staff review (unverified employer C)', () => {
    it.each<Case>([
      ['read it as employer B', 404, 'employerB', 'get', () => `/api/shifts/${ids.held}`, undefined],
      ['read it as a seeker', 404, 'seekerA', 'get', () => `/api/shifts/${ids.held}`, undefined],
      ['read it anonymously', 404, 'anonymous', 'get', () => `/api/shifts/${ids.held}`, undefined],
      ['apply for it', 404, 'seekerA', 'post', () => `/api/shifts/${ids.held}/applications`, {}],
      ['report it', 404, 'seekerA', 'post', () => `/api/shifts/${ids.held}/reports`, { reason: 'fake', detail: '探测' }],
      ['report a draft', 404, 'seekerA', 'post', () => `/api/shifts/${ids.draft}/reports`, { reason: 'fake' }],
      ['publish it as employer B', 404, 'employerB', 'post', () => `/api/shifts/${ids.held}/publish`, undefined],
      ['list its applicants as employer B', 404, 'employerB', 'get', () => `/api/shifts/${ids.held}/applications`, undefined],
      ['read it as employer C', 200, 'employerC', 'get', () => `/api/shifts/${ids.held}`, undefined],
      ['read it as staff', 200, 'staff', 'get', () => `/api/shifts/${ids.held}`, undefined],
    ])('%s → %i', async (_what, status, actor, method, path, body) => {
      const response = await call(actor, method, path(), body);
      expectStatus(response, status);
      if (status === 404) expect(JSON.stringify(response.body)).not.toContain('待审');
    });

    it('has no report filed against it', async () => {
      const reports = await market.db.query(`SELECT count(*)::int AS n FROM shift_reports WHERE shift_id = ANY($1)`, [
        [ids.held, ids.draft],
      ]);
      expect(reports.rows[0].n).toBe(0);
    });
  });

  describe('existence stays private', () => {
    const missing = '3f1d2c4b-5a69-4e7d-8c0b-1a2b3c4d5e6f';
    it.each<[what: string, actor: Actor, method: Method, path: (id: string) => string, target: () => string, body: unknown]>([
      ['listing applicants', 'employerB', 'get', (id) => `/api/shifts/${id}/applications`, () => ids.later, undefined],
      ['listing a shift’s bookings', 'employerB', 'get', (id) => `/api/bookings?shiftId=${id}`, () => ids.later, undefined],
      ['cancelling a shift', 'employerB', 'post', (id) => `/api/shifts/${id}/cancel`, () => ids.later, reason],
      ['reading a draft', 'seekerB', 'get', (id) => `/api/shifts/${id}`, () => ids.draft, undefined],
      ['checking in a booking', 'employerB', 'post', (id) => `/api/bookings/${id}/check-in`, () => ids.bookingSoon, undefined],
      ['cancelling a booking', 'seekerB', 'post', (id) => `/api/bookings/${id}/cancel`, () => ids.bookingFuture, reason],
      ['rating a booking', 'seekerB', 'post', (id) => `/api/bookings/${id}/rating`, () => ids.bookingDone, { stars: 3 }],
      ['accepting an application', 'employerB', 'post', (id) => `/api/applications/${id}/accept`, () => ids.appA, undefined],
    ])('%s of another party answers exactly as for an id that does not exist', async (_what, actor, method, path, target, body) => {
      const theirs = await call(actor, method, path(target()), body);
      const nobody = await call(actor, method, path(missing), body);
      expect({ status: theirs.status, body: theirs.body as unknown }).toEqual({ status: nobody.status, body: nobody.body as unknown });
    });
  });

  describe('employer A on its own shift', () => {
    it('sees its applicants with masked phones, and names and phones only of those booked with it', async () => {
      const response = await call('employerA', 'get', `/api/shifts/${ids.later}/applications`);
      expectStatus(response, 200);
      const workers = (response.body.items as { worker: { id: string; phoneMasked: string } }[]).map((item) => item.worker);
      expect(workers).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ id: ids.seekerA, phoneMasked: '137****1001' }),
          expect.objectContaining({ id: ids.seekerB, phoneMasked: '137****1002' }),
        ]),
      );
      for (const worker of workers) expect(worker.phoneMasked).toMatch(/^1\d{2}\*{4}\d{4}$/);
      // "Booked with it": a booking on one of A's shifts that stands or was worked (docs/privacy.md).
      const booked = await market.db.query(
        `SELECT DISTINCT worker_id AS id FROM bookings WHERE employer_id = $1 AND status IN ('confirmed', 'checked_in', 'completed')`,
        [ids.employerA],
      );
      const bookedIds = new Set(booked.rows.map((row: { id: string }) => row.id));
      const names = { [ids.seekerA]: [seekerNames.seekerA, phones.seekerA], [ids.seekerB]: [seekerNames.seekerB, phones.seekerB] };
      for (const worker of workers) {
        const [name, phone] = names[worker.id]!;
        expect(worker).toMatchObject(bookedIds.has(worker.id) ? { name, phone } : { name: `${name!.slice(0, 1)}某` });
        if (!bookedIds.has(worker.id)) expect(worker).not.toHaveProperty('phone');
      }
    });

    it('lists its shift’s bookings', async () => {
      const response = await call('employerA', 'get', `/api/bookings?shiftId=${ids.future}`);
      expectStatus(response, 200);
      expect(response.body.items.map((booking: { id: string }) => booking.id)).toEqual([ids.bookingFuture]);
    });

    it('marks pay and both sides rate, once B and seeker B have been refused', async () => {
      const paid = await call('employerA', 'post', `/api/bookings/${ids.bookingDone}/paid`);
      expectStatus(paid, 200);
      expect(paid.body.paidAt).not.toBeNull();
      expectStatus(await call('seekerA', 'post', `/api/bookings/${ids.bookingDone}/payment-received`), 200);
      const byEmployer = await call('employerA', 'post', `/api/bookings/${ids.bookingDone}/rating`, { stars: 5 });
      expectStatus(byEmployer, 201);
      expect(byEmployer.body).toMatchObject({ rater: 'employer', stars: 5 });
      const byWorker = await call('seekerA', 'post', `/api/bookings/${ids.bookingDone}/rating`, { stars: 4 });
      expectStatus(byWorker, 201);
      expect(byWorker.body).toMatchObject({ rater: 'worker', stars: 4 });
    });
  });

  describe('staff acting for employer A', () => {
    it('lists applicants and bookings of A’s shifts', async () => {
      const applicants = await call('staff', 'get', `/api/shifts/${ids.later}/applications`);
      expectStatus(applicants, 200);
      expect(applicants.body.items).toHaveLength(2);
      expectStatus(await call('staff', 'get', `/api/bookings?shiftId=${ids.future}`), 200);
    });

    it('accepts and rejects applications to A’s shift', async () => {
      const rejected = await call('staff', 'post', `/api/applications/${ids.appB}/reject`);
      expectStatus(rejected, 200);
      expect(rejected.body.status).toBe('rejected');
      const accepted = await call('staff', 'post', `/api/applications/${ids.appA}/accept`);
      expectStatus(accepted, 201);
      expect(accepted.body).toMatchObject({ shiftId: ids.later, workerId: ids.seekerA, status: 'confirmed' });
    });

    it('checks in, checks out and records a no-show on A’s bookings', async () => {
      const checkedIn = await call('staff', 'post', `/api/bookings/${ids.bookingSoon}/check-in`);
      expectStatus(checkedIn, 200);
      expect(checkedIn.body.status).toBe('checked_in');
      const checkedOut = await call('staff', 'post', `/api/bookings/${ids.bookingSoon}/check-out`);
      expectStatus(checkedOut, 200);
      expect(checkedOut.body.status).toBe('completed');
      const noShow = await call('staff', 'post', `/api/bookings/${ids.bookingNoShow}/no-show`);
      expectStatus(noShow, 200);
      expect(noShow.body.status).toBe('no_show');
    });

    it('lets A see the full phone of the seeker it booked, and no one else’s; B still sees nothing', async () => {
      const list = await call('employerA', 'get', `/api/shifts/${ids.later}/applications`);
      expectStatus(list, 200);
      const byWorker = Object.fromEntries(
        (list.body.items as { worker: { id: string } & Record<string, unknown> }[]).map((item) => [item.worker.id, item.worker]),
      );
      expect(byWorker[ids.seekerA]).toMatchObject({ phone: phones.seekerA, phoneMasked: '137****1001' });
      expect(byWorker[ids.seekerB]).not.toHaveProperty('phone');
      expect(JSON.stringify(list.body)).not.toContain(phones.seekerB);
      const outsider = await call('employerB', 'get', `/api/shifts/${ids.later}/applications`);
      expectStatus(outsider, 404);
      expectNoSeekerData(outsider);
    });

    it('cancels a booking and a shift of A, publishes A’s draft and posts for A', async () => {
      const booking = await call('staff', 'post', `/api/bookings/${ids.bookingFuture}/cancel`, { reason: '工作人员代为取消' });
      expectStatus(booking, 200);
      expect(booking.body).toMatchObject({ status: 'cancelled', cancelledBy: 'staff' });
      const shift = await call('staff', 'post', `/api/shifts/${ids.cancelMe}/cancel`, { reason: '用工方电话取消' });
      expectStatus(shift, 200);
      expect(shift.body.status).toBe('cancelled');
      const published = await call('staff', 'post', `/api/shifts/${ids.draft}/publish`);
      expectStatus(published, 200);
      expect(published.body.status).toBe('open');
      const posted = await call('staff', 'post', '/api/shifts', shiftInput({ employerId: ids.employerA }, 9));
      expectStatus(posted, 201);
      expect(posted.body.employerId).toBe(ids.employerA);
    });
  });
});
