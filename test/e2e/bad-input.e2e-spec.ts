import request, { type Response } from 'supertest';
import { minutesFromNow, verifiedEmployer } from '../support/employers';
import { startMarket, type Market } from '../support/market';
import { bearer, seekerWithProfile, shiftInput, signIn, signInAdmin, workerInput } from '../support/people';
import { rawRequest } from '../support/raw-http';
import { signedByGateway } from '../support/sms-gateway';

/**
 * Hostile input to every write route of job-posting (and POST /api/workers), each with the token
 * of the role that may call it, so validation answers rather than the guard: 400 listing the
 * problems (413 for a body over the limit, 404 for a well-formed id that does not exist), never a
 * 500, and nothing written. Text that merely looks hostile (SQL, script) is stored verbatim.
 */
describe('hostile input to every write route', () => {
  type Actor = 'staff' | 'employer' | 'seeker' | 'newEmployer' | 'newcomer';
  /** A body to send: JSON (serialised by supertest), raw text (as application/json unless `type` says otherwise), or nothing. */
  type Body = { json: unknown } | { raw: string; type?: string } | undefined;
  interface Expected {
    /** The status, or the statuses that are each right (a 5 000-character URL may be 400 or 414). */
    status: number | number[];
  }

  let market: Market;
  const tokens: Partial<Record<Actor, string>> = {};
  const ids = {
    employer: '',
    seeker: '',
    openShift: '',
    decidedApplication: '',
    confirmedBooking: '',
    completedBooking: '',
  };
  const tables = ['employers', 'shifts', 'applications', 'bookings', 'ratings', 'shift_reports', 'workers'] as const;
  type Snapshot = Record<(typeof tables)[number], { rows: number; checksum: string }>;

  const missingId = '6f0c1a9e-2b3d-4c5e-8f70-91a2b3c4d5e6';
  const nilId = '00000000-0000-0000-0000-000000000000';
  const huge = 'x'.repeat(100_000);
  const sql = "'; DROP TABLE shifts; --";
  const script = '<script>alert(1)</script>';
  const twoMegabytes = JSON.stringify({ padding: 'a'.repeat(2 * 1024 * 1024) });
  /** 100 000 arrays inside each other: 200 kB of JSON that recursive code cannot walk. */
  const nestedRaw = '['.repeat(100_000) + ']'.repeat(100_000);
  const nul = 'a\u0000b';

  async function snapshot(): Promise<Snapshot> {
    const shot = {} as Snapshot;
    for (const table of tables) {
      const { rows } = await market.db.query(
        `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) AS checksum FROM ${table} t`,
      );
      shot[table] = rows[0] as { rows: number; checksum: string };
    }
    return shot;
  }

  async function send(actor: Actor, path: string, body: Body): Promise<Response> {
    const pending = request(market.url).post(path).set(bearer(tokens[actor]!));
    if (body === undefined) return pending;
    if ('raw' in body) return pending.set('content-type', body.type ?? 'application/json').send(body.raw);
    return pending.send(body.json as object);
  }

  /** Long strings cut short, so a failure stays readable. */
  function shorten(value: unknown): unknown {
    if (typeof value === 'string') return value.length > 160 ? `${value.slice(0, 160)}…(${value.length} chars)` : value;
    if (Array.isArray(value)) return value.map(shorten);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, shorten(item)]));
    return value;
  }

  interface Outcome {
    path: string;
    sent: unknown;
    status?: number;
    body?: unknown;
    transportError?: string;
  }

  /** Sends one request and describes it (long strings cut short) for an assertion to quote. */
  async function attempt(actor: Actor, target: string, body: Body): Promise<Outcome> {
    const described = {
      path: shorten(target) as string,
      sent: shorten(body === undefined ? 'no body' : 'raw' in body ? body.raw : JSON.stringify(body.json)),
    };
    try {
      const response = await send(actor, target, body);
      return { ...described, status: response.status, body: shorten(response.body) };
    } catch (error) {
      return { ...described, transportError: String(error) };
    }
  }

  /** The API's error shape with one of `expected` statuses: `{statusCode, message: [non-empty strings]}`. */
  function refusalFields(outcome: Outcome, expected: Expected) {
    const statuses = ([] as number[]).concat(expected.status);
    const status = outcome.status !== undefined && statuses.includes(outcome.status) ? outcome.status : statuses[0];
    return {
      status,
      body: expect.objectContaining({ statusCode: status, message: expect.arrayContaining([expect.stringMatching(/\S/)]) }),
    };
  }

  function refusal(outcome: Outcome, expected: Expected) {
    return expect.objectContaining(refusalFields(outcome, expected));
  }

  /** Sends, then checks status, error shape and that no table changed; failures quote what was sent and answered. */
  async function expectRefused(actor: Actor, target: string, body: Body, expected: Expected): Promise<void> {
    const before = await snapshot();
    const outcome = await attempt(actor, target, body);
    const after = await snapshot();
    expect(outcome).toEqual(refusal(outcome, expected));
    const messages = (outcome.body as { message: unknown[] }).message;
    expect({ messages, allText: messages.every((message) => typeof message === 'string' && message.length > 0) }).toMatchObject({
      allText: true,
    });
    expect({ path: outcome.path, tables: after }).toEqual({ path: outcome.path, tables: before });
  }

  const seekerProfile = (phone: string, name: string) => seekerWithProfile(market, phone, { name });

  async function ok(response: Promise<Response>, status: number): Promise<Response> {
    const answered = await response;
    if (answered.status !== status) throw new Error(`expected ${status}, got ${answered.status}: ${JSON.stringify(answered.body)}`);
    return answered;
  }
  const post = (actor: Actor, path: string, body?: object) => {
    const pending = request(market.url).post(path).set(bearer(tokens[actor]!));
    return body === undefined ? pending : pending.send(body);
  };
  async function postShift(overrides: Record<string, unknown>, daysAhead: number): Promise<string> {
    return (await ok(post('employer', '/api/shifts', shiftInput({ publish: true, ...overrides }, daysAhead)), 201)).body.id as string;
  }
  async function book(shiftId: string): Promise<string> {
    const application = await ok(post('seeker', `/api/shifts/${shiftId}/applications`, {}), 201);
    return (await ok(post('employer', `/api/applications/${application.body.id}/accept`), 201)).body.id as string;
  }

  beforeAll(async () => {
    market = await startMarket();
    tokens.staff = await signInAdmin(market);
    const employer = await verifiedEmployer(market, '13600000401', '永兴五金制品厂');
    tokens.employer = employer.token;
    ids.employer = employer.id;
    const seeker = await seekerProfile('13700002001', '赵海');
    tokens.seeker = seeker.token;
    ids.seeker = seeker.id;
    tokens.newEmployer = await signIn(market, '13600000402', 'employer');
    tokens.newcomer = await signIn(market, '13700002002', 'worker');

    ids.openShift = await postShift({}, 3);
    ids.confirmedBooking = await book(await postShift({}, 5));
    const decided = await ok(post('seeker', `/api/shifts/${await postShift({}, 8)}/applications`, {}), 201);
    ids.decidedApplication = decided.body.id as string;
    await ok(post('employer', `/api/applications/${ids.decidedApplication}/reject`), 200);
    // Completed work: booked 20 minutes ahead, checked in, moved two hours into the past, checked out.
    const soon = await postShift(
      { startsAt: minutesFromNow(20), endsAt: minutesFromNow(80), pay: { amountFen: 2600, unit: 'hour', settlement: 'daily' } },
      0,
    );
    ids.completedBooking = await book(soon);
    await ok(post('employer', `/api/bookings/${ids.completedBooking}/check-in`), 200);
    await market.db.query(
      `UPDATE bookings SET starts_at = starts_at - interval '200 minutes', ends_at = ends_at - interval '200 minutes',
              checked_in_at = checked_in_at - interval '120 minutes' WHERE id = $1`,
      [ids.completedBooking],
    );
    await ok(post('employer', `/api/bookings/${ids.completedBooking}/check-out`), 200);
  });

  afterAll(async () => {
    await market?.close();
  });

  interface Route {
    route: string;
    actor: Actor;
    path: (id: string) => string;
    /** The resource the body cases aim at; where validation is skipped, this is where the harm would land. */
    target?: () => string;
    /** A body that would pass; undefined when the route takes none. */
    valid?: () => Record<string, unknown>;
    /** Route-specific bad bodies, each merged over the valid one (or sent whole when `whole`). */
    bad?: [what: string, change: Record<string, unknown>, whole?: boolean][];
  }

  const reasonCases: NonNullable<Route['bad']> = [
    ['a number for the reason', { reason: 12345 }],
    ['an object for the reason', { reason: { text: '家里有事' } }],
    ['an array for the reason', { reason: ['家里有事'] }],
    ['a negative number for the reason', { reason: -1 }],
    ['an enormous number for the reason', { reason: 1e308 }],
    ['null for the reason', { reason: null }],
    ['an empty reason', { reason: '' }],
    ['a reason of spaces', { reason: '    ' }],
    ['a 100 000-character reason', { reason: huge }],
    ['a NUL byte in the reason', { reason: nul }],
    ['a reason 100 000 arrays deep', { reason: 'NESTED' }],
    ['no reason at all', {}, true],
  ];

  const routes: Route[] = [
    {
      route: 'POST /api/employers',
      actor: 'newEmployer',
      path: () => '/api/employers',
      valid: () => ({ name: '瓯海皮革加工厂', contactName: '郑厂长', street: '海城街道', address: '龙湾区海城街道工业区8号' }),
      bad: [
        ['a number for the name', { name: 12345 }],
        ['an object for the contact', { contactName: { first: '郑' } }],
        ['an array for the address', { address: ['龙湾区'] }],
        ['a number for the street', { street: 1e308 }],
        ['SQL as the street (an enum)', { street: sql }],
        ['script as the street (an enum)', { street: script }],
        ['a 100 000-character name', { name: huge }],
        ['a 100 000-character address', { address: huge }],
        ['a number for the credit code', { uscc: 91350100 }],
        ['a credit code with a wrong check character', { uscc: '91350100M000100Y44' }],
        ['a credit code of SQL', { uscc: sql }],
        ['an accountId that is not a UUID', { accountId: '../../etc/passwd' }],
        ['null for the name', { name: null }],
        ['a name of spaces', { name: '   ' }],
        ['a NUL byte in the name', { name: nul }],
        ['a name 100 000 arrays deep', { name: 'NESTED' }],
        ['nothing at all', {}, true],
      ],
    },
    {
      route: 'POST /api/shifts',
      actor: 'employer',
      path: () => '/api/shifts',
      valid: () => shiftInput({}, 12),
      bad: [
        ['text for the headcount', { headcount: '5' }],
        ['a negative headcount', { headcount: -1 }],
        ['an enormous headcount', { headcount: 1e308 }],
        ['a headcount of 2^53', { headcount: 2 ** 53 }],
        ['a number for the title', { title: 12345 }],
        ['an object for the title', { title: { zh: '搬运' } }],
        ['a 100 000-character title', { title: huge }],
        ['a 100 000-character description', { description: huge }],
        ['a 100 000-character address', { address: huge }],
        ['text for the latitude', { lat: '27.93' }],
        ['an enormous latitude', { lat: 1e308 }],
        ['a negative enormous longitude', { lng: -1e308 }],
        ['a number for startsAt', { startsAt: 1_900_000_000_000 }],
        ['SQL for startsAt', { startsAt: sql }],
        ['text for the pay amount', { pay: { amountFen: '22000', unit: 'day', settlement: 'daily' } }],
        ['negative pay', { pay: { amountFen: -1, unit: 'day', settlement: 'daily' } }],
        ['pay of 2^53 fen', { pay: { amountFen: 2 ** 53, unit: 'day', settlement: 'daily' } }],
        ['pay of 1e308 fen', { pay: { amountFen: 1e308, unit: 'hour', settlement: 'daily' } }],
        ['an array for pay', { pay: [22000, 'day', 'daily'] }],
        ['text for pay', { pay: '220元/天' }],
        ['an unknown field inside pay', { pay: { amountFen: 22000, unit: 'day', settlement: 'daily', bonusFen: 5000 } }],
        ['an object for the skills list', { requirements: { skills: { loading: true }, certificates: [] } }],
        ['a string for the skills list', { requirements: { skills: 'loading', certificates: [] } }],
        ['an array for requirements', { requirements: [['loading'], []] }],
        ['SQL as a skill code', { requirements: { skills: [sql], certificates: [] } }],
        ['a 100 000-character skill code', { requirements: { skills: [huge], certificates: [] } }],
        ['numbers as skill codes', { requirements: { skills: [1, 2], certificates: [] } }],
        ['text for publish', { publish: 'true' }],
        ['script as the category', { category: script }],
        ['SQL as the employment type', { employmentType: sql }],
        ['an employerId that is not a UUID', { employerId: "1' OR '1'='1" }],
        ['a NUL byte in the title', { title: nul }],
        ['a NUL byte in the description', { description: nul }],
        ['a title 100 000 arrays deep', { title: 'NESTED' }],
        ['skills 100 000 arrays deep', { requirements: { skills: 'NESTED', certificates: [] } }],
        ['20 000 skills', { requirements: { skills: Array.from({ length: 20_000 }, () => 'loading'), certificates: [] } }],
        ['an empty list for pay', { pay: [] }],
        ['a list holding the pay object', { pay: [{ amountFen: 22000, unit: 'day', settlement: 'daily' }] }],
        ['an empty list for requirements', { requirements: [] }],
        ['a list holding the requirements object', { requirements: [{ skills: ['loading'], certificates: [] }] }],
        ['a start in year 0', { startsAt: '0000-01-01T08:00:00+08:00' }],
        ['an end in year 275760', { endsAt: '+275760-09-13T00:00:00Z' }],
        ['an end in 2100', { endsAt: '2100-01-01T08:00:00+08:00' }],
        [
          'a shift until 9999-12-31 at an hourly rate',
          { endsAt: '9999-12-31T17:00:00+08:00', pay: { amountFen: 3000, unit: 'hour', settlement: 'daily' } },
        ],
        [
          'a part-time shift until 9999-12-31',
          { employmentType: 'part_time', endsAt: '9999-12-31T17:00:00+08:00', pay: { amountFen: 3000, unit: 'hour', settlement: 'daily' } },
        ],
        ['a shift of 24 hours and a minute', { endsAt: 'DAY_AND_A_MINUTE', pay: { amountFen: 3000, unit: 'hour', settlement: 'daily' } }],
      ],
    },
    { route: 'POST /api/shifts/:id/publish', actor: 'employer', path: (id) => `/api/shifts/${id}/publish`, target: () => ids.openShift },
    { route: 'POST /api/shifts/:id/approve', actor: 'staff', path: (id) => `/api/shifts/${id}/approve`, target: () => ids.openShift },
    {
      route: 'POST /api/shifts/:id/cancel',
      actor: 'employer',
      path: (id) => `/api/shifts/${id}/cancel`,
      target: () => ids.openShift,
      valid: () => ({ reason: '订单取消' }),
      bad: reasonCases,
    },
    {
      route: 'POST /api/shifts/:id/applications',
      actor: 'seeker',
      path: (id) => `/api/shifts/${id}/applications`,
      target: () => ids.openShift,
      valid: () => ({ note: '有三年搬运经验' }),
      bad: [
        ['a number for the note', { note: 12345 }],
        ['a negative number for the note', { note: -1 }],
        ['2^53 for the note', { note: 2 ** 53 }],
        ['an object for the note', { note: { text: '有经验' } }],
        ['an array for the note', { note: ['有经验'] }],
        ['true for the note', { note: true }],
        ['a 100 000-character note', { note: huge }],
        ['a workerId of someone else', { workerId: missingId }],
        ['a NUL byte in the note', { note: nul }],
        ['a note 100 000 arrays deep', { note: 'NESTED' }],
      ],
    },
    {
      route: 'POST /api/shifts/:id/reports',
      actor: 'seeker',
      path: (id) => `/api/shifts/${id}/reports`,
      target: () => ids.openShift,
      valid: () => ({ reason: 'unpaid', detail: '上次没给钱' }),
      bad: [
        ['an unknown reason', { reason: 'rude' }],
        ['a number for the reason', { reason: 1 }],
        ['SQL as the reason (an enum)', { reason: sql }],
        ['script as the reason (an enum)', { reason: script }],
        ['an array of reasons', { reason: ['fake', 'unpaid'] }],
        ['a number for the detail', { detail: 12345 }],
        ['an object for the detail', { detail: { text: '没给钱' } }],
        ['a 100 000-character detail', { detail: huge }],
        ['no reason', { detail: '没给钱' }, true],
        ['a NUL byte in the detail', { reason: 'other', detail: nul }],
        ['a detail 100 000 arrays deep', { detail: 'NESTED' }],
      ],
    },
    {
      route: 'POST /api/applications/:id/accept',
      actor: 'employer',
      path: (id) => `/api/applications/${id}/accept`,
      target: () => ids.decidedApplication,
    },
    {
      route: 'POST /api/applications/:id/reject',
      actor: 'employer',
      path: (id) => `/api/applications/${id}/reject`,
      target: () => ids.decidedApplication,
    },
    {
      route: 'POST /api/applications/:id/withdraw',
      actor: 'seeker',
      path: (id) => `/api/applications/${id}/withdraw`,
      target: () => ids.decidedApplication,
    },
    {
      route: 'POST /api/bookings/:id/check-in',
      actor: 'employer',
      path: (id) => `/api/bookings/${id}/check-in`,
      target: () => ids.completedBooking,
    },
    {
      route: 'POST /api/bookings/:id/check-out',
      actor: 'employer',
      path: (id) => `/api/bookings/${id}/check-out`,
      target: () => ids.confirmedBooking,
    },
    {
      route: 'POST /api/bookings/:id/no-show',
      actor: 'employer',
      path: (id) => `/api/bookings/${id}/no-show`,
      target: () => ids.confirmedBooking,
    },
    {
      route: 'POST /api/bookings/:id/cancel',
      actor: 'seeker',
      path: (id) => `/api/bookings/${id}/cancel`,
      target: () => ids.confirmedBooking,
      valid: () => ({ reason: '家里有事' }),
      bad: reasonCases,
    },
    {
      route: 'POST /api/bookings/:id/paid',
      actor: 'employer',
      path: (id) => `/api/bookings/${id}/paid`,
      target: () => ids.confirmedBooking,
    },
    {
      route: 'POST /api/bookings/:id/payment-received',
      actor: 'seeker',
      path: (id) => `/api/bookings/${id}/payment-received`,
      target: () => ids.confirmedBooking,
    },
    {
      route: 'POST /api/bookings/:id/confirm-attendance',
      actor: 'seeker',
      path: (id) => `/api/bookings/${id}/confirm-attendance`,
      target: () => ids.confirmedBooking,
    },
    {
      route: 'POST /api/bookings/:id/rating',
      actor: 'employer',
      path: (id) => `/api/bookings/${id}/rating`,
      target: () => ids.completedBooking,
      valid: () => ({ stars: 5, comment: '干活踏实' }),
      bad: [
        ['text for the stars', { stars: '5' }],
        ['negative stars', { stars: -1 }],
        ['zero stars', { stars: 0 }],
        ['six stars', { stars: 6 }],
        ['1e308 stars', { stars: 1e308 }],
        ['2^53 stars', { stars: 2 ** 53 }],
        ['half a star', { stars: 4.5 }],
        ['null stars', { stars: null }],
        ['an array of stars', { stars: [5] }],
        ['an object for the stars', { stars: { value: 5 } }],
        ['a number for the comment', { comment: 12345 }],
        ['a 100 000-character comment', { comment: huge }],
        ['a rater chosen by the caller', { rater: 'worker' }],
        ['a NUL byte in the comment', { comment: nul }],
        ['stars 100 000 arrays deep', { stars: 'NESTED' }],
      ],
    },
    { route: 'POST /api/employers/:id/verify', actor: 'staff', path: (id) => `/api/employers/${id}/verify`, target: () => ids.employer },
    {
      route: 'POST /api/employers/:id/suspend',
      actor: 'staff',
      path: (id) => `/api/employers/${id}/suspend`,
      target: () => ids.employer,
      valid: () => ({ reason: '拖欠工资' }),
      bad: reasonCases,
    },
    {
      route: 'POST /api/employers/:id/reinstate',
      actor: 'staff',
      path: (id) => `/api/employers/${id}/reinstate`,
      target: () => ids.employer,
    },
    {
      route: 'POST /api/workers',
      actor: 'newcomer',
      path: () => '/api/workers',
      valid: () => workerInput({ name: '钱小红' }),
      bad: [
        ['a number for the name', { name: 12345 }],
        ['a 100 000-character name', { name: huge }],
        ['SQL as the street (an enum)', { street: sql }],
        ['text for the latitude', { lat: '27.93' }],
        ['an enormous latitude', { lat: 1e308 }],
        ['a negative enormous longitude', { lng: -1e308 }],
        ['a negative travel distance', { maxDistanceKm: -1 }],
        ['a travel distance of 2^53 km', { maxDistanceKm: 2 ** 53 }],
        ['text for the travel distance', { maxDistanceKm: '10' }],
        ['an object for the skills list', { skills: { loading: 3 } }],
        ['a string for the skills list', { skills: 'loading' }],
        ['wrong types inside a skill', { skills: [{ code: 123, years: 'three' }] }],
        ['negative years of a skill', { skills: [{ code: 'loading', years: -1 }] }],
        ['2^53 years of a skill', { skills: [{ code: 'loading', years: 2 ** 53 }] }],
        ['script as a skill code', { skills: [{ code: script, years: 1 }] }],
        ['an object for the certificates list', { certificates: { health: '2027-06-30' } }],
        ['an impossible certificate expiry', { certificates: [{ code: 'health', expiresOn: '2027-02-30' }] }],
        ['an object for the availability list', { availability: { monday: '07:00-19:00' } }],
        ['day 1e308 of the week', { availability: [{ day: 1e308, start: '07:00', end: '19:00' }] }],
        ['day -1 of the week', { availability: [{ day: -1, start: '07:00', end: '19:00' }] }],
        ['a time of SQL', { availability: [{ day: 1, start: sql, end: '19:00' }] }],
        ['negative expected pay', { expectedDailyPayFen: -1 }],
        ['expected pay of 2^53 fen', { expectedDailyPayFen: 2 ** 53 }],
        ['expected pay of 1e308 fen', { expectedDailyPayFen: 1e308 }],
        ['text for hasSmartphone', { hasSmartphone: 'false' }],
        ['an array for consent', { consent: [true, true] }],
        ['text for consent to data processing', { consent: { dataProcessing: 'true', sms: true } }],
        ['no consent to data processing', { consent: { dataProcessing: false, sms: true } }],
        ['a phone from a seeker (only staff register walk-ins)', { phone: '13700002099' }],
        ['a resident ID with a wrong check digit', { residentId: '330303199001011235' }],
        ['a priority group chosen by the seeker', { priorityGroup: 'low_income' }],
        ['a NUL byte in the name', { name: nul }],
        ['skills 100 000 arrays deep', { skills: 'NESTED' }],
        ['20 000 skills', { skills: Array.from({ length: 20_000 }, () => ({ code: 'loading', years: 1 })) }],
        ['an empty list for consent', { consent: [] }],
        ['a list holding the consent object', { consent: [{ dataProcessing: true, sms: true }] }],
        ['a skill that is a list', { skills: [[{ code: 'loading', years: 1 }]] }],
        ['a skill that is an empty list', { skills: [[]] }],
        ['a skill that is text', { skills: ['loading'] }],
        ['a certificate that is a list', { certificates: [['health', '2027-06-30']] }],
        ['a certificate expiring in year 0', { certificates: [{ code: 'health', expiresOn: '0000-01-01' }] }],
        ['a certificate expiring in 9999', { certificates: [{ code: 'health', expiresOn: '9999-12-31' }] }],
        ['an availability slot that is a list', { availability: [[{ day: 1, start: '07:00', end: '19:00' }]] }],
        ['22 availability slots', { availability: Array.from({ length: 22 }, () => ({ day: 1, start: '07:00', end: '19:00' })) }],
      ],
    },
  ];

  const routeTable = routes.map((route) => [route.route, route] as const);

  describe.each(routeTable)('%s', (_name, route) => {
    const takesId = route.path('ID').includes('ID');
    const valid = () => route.valid?.();
    const targetPath = () => route.path(route.target?.() ?? '');

    it.each<[string, () => Body]>([
      ['malformed JSON', () => ({ raw: '{"a":' })],
      [
        'a __proto__ key',
        () => ({
          raw: JSON.stringify(valid() ?? {})
            .replace(/^\{/, '{"__proto__":{"isAdmin":true},')
            .replace(',}', '}'),
        }),
      ],
      ['a constructor.prototype key', () => ({ raw: JSON.stringify({ ...valid(), constructor: { prototype: { isAdmin: true } } }) })],
    ])('refuses %s with 400', async (_what, body) => {
      await expectRefused(route.actor, targetPath(), body(), { status: 400 });
    });

    /** Bodies that are the wrong shape as a whole; on a route that takes no body any body is unknown input. */
    const wrongShapes: [string, () => Body, Expected][] = [
      ['a JSON array instead of an object', () => ({ json: [valid() ?? { a: 1 }] }), { status: 400 }],
      ['a bare JSON string', () => ({ raw: '"hello"' }), { status: 400 }],
      ['an unknown field', () => ({ json: { ...valid(), isAdmin: true } }), { status: 400 }],
      ['100 000 nested arrays', () => ({ raw: nestedRaw }), { status: 400 }],
      ['JSON sent as text/plain', () => ({ raw: JSON.stringify(valid() ?? { a: 1 }), type: 'text/plain' }), { status: [415, 400] }],
    ];
    if (route.valid) {
      it.each(wrongShapes)('refuses %s', async (_what, body, expected) => {
        await expectRefused(route.actor, targetPath(), body(), expected);
      });
    } else {
      // The target is in a state where ignoring the body gives a harmless answer (200 unchanged, or 409).
      it('refuses a body, though it takes none: an array, a string, an unknown field, 100 000 nested arrays, text/plain', async () => {
        const before = await snapshot();
        const outcomes: (Outcome & { what: string })[] = [];
        for (const [what, body] of wrongShapes) outcomes.push({ what, ...(await attempt(route.actor, targetPath(), body())) });
        const after = await snapshot();
        expect(outcomes).toEqual(
          outcomes.map((outcome, index) =>
            expect.objectContaining({ what: outcome.what, ...refusalFields(outcome, wrongShapes[index]![2]) }),
          ),
        );
        expect(after).toEqual(before);
      });
    }

    it('refuses a 2 MB body with 413', async () => {
      await expectRefused(route.actor, targetPath(), { raw: twoMegabytes }, { status: 413 });
    });

    if (route.bad) {
      // Every row gets all three values: jest-each takes a missing last one for a `done` callback.
      const bad = route.bad.map(([what, change, whole]) => [what, change, whole ?? false] as const);
      it.each(bad)('refuses %s with 400', async (_what, change, whole) => {
        // Sent as JSON text, so a value can be spliced in that JSON.stringify could not write (100 000 levels deep).
        const base = valid() ?? {};
        // A day and a minute after the valid body's start, computed here since the start moves with the clock.
        const dayAndMinute =
          typeof base.startsAt === 'string' ? new Date(Date.parse(base.startsAt) + 24 * 3_600_000 + 60_000).toISOString() : '';
        const json = JSON.stringify(whole ? change : { ...base, ...change }).replace('"DAY_AND_A_MINUTE"', JSON.stringify(dayAndMinute));
        await expectRefused(route.actor, targetPath(), { raw: json.replace('"NESTED"', nestedRaw) }, { status: 400 });
      });
    }

    if (takesId) {
      it.each([
        ['not-a-uuid', 'not-a-uuid'],
        ['../../etc/passwd', encodeURIComponent('../../etc/passwd')],
        ['%00', '%00'],
        ['SQL', encodeURIComponent("1' OR '1'='1")],
        ['script', encodeURIComponent(script)],
        ['a UUID with a trailing quote', `${missingId}'`],
      ])('refuses the path id %s with 400', async (_what, id) => {
        const body = valid();
        await expectRefused(route.actor, route.path(id), body ? { json: body } : undefined, { status: 400 });
      });

      it('refuses a 5 000-character path id with 400 or 414', async () => {
        const body = valid();
        await expectRefused(route.actor, route.path('a'.repeat(5_000)), body ? { json: body } : undefined, { status: [400, 414] });
      });

      it.each([
        ['a random UUID', missingId],
        ['the nil UUID', nilId],
      ])('answers %s that does not exist with 404', async (_what, id) => {
        const body = valid();
        await expectRefused(route.actor, route.path(id), body ? { json: body } : undefined, { status: 404 });
      });
    }
  });

  /** The same hostile requests sent to job-posting itself, past the front door: shows which hop answers wrongly. */
  describe('straight to job-posting, without the front door', () => {
    async function direct(path: string, body: Body) {
      const pending = request(market.apps['job-posting']).post(path).set(bearer(tokens.employer!));
      const response =
        body === undefined
          ? await pending
          : 'raw' in body
            ? await pending.set('content-type', 'application/json').send(body.raw)
            : await pending.send(body.json as object);
      return { status: response.status, body: response.body as unknown };
    }
    const errorShape = (status: number) => ({
      status,
      body: expect.objectContaining({ statusCode: status, message: expect.arrayContaining([expect.any(String)]) }),
    });

    it('answers a 2 MB body with 413', async () => {
      expect(await direct(`/api/shifts/${ids.openShift}/cancel`, { raw: twoMegabytes })).toEqual(errorShape(413));
    });

    it('answers an id of ../../etc/passwd with 400', async () => {
      expect(await direct(`/api/shifts/${encodeURIComponent('../../etc/passwd')}/cancel`, { json: { reason: '订单取消' } })).toEqual(
        errorShape(400),
      );
    });

    it('answers a 5 000-character id with 400 or 414 in the API’s error shape', async () => {
      const answer = await direct(`/api/shifts/${'a'.repeat(5_000)}/cancel`, { json: { reason: '订单取消' } });
      expect(answer).toEqual(errorShape(answer.status === 414 ? 414 : 400));
    });
  });

  /** SQL and script are only text: where a field is free text they are valid, stored and returned verbatim. */
  describe('text that only looks hostile', () => {
    async function counted<T>(work: () => Promise<T>, delta: Partial<Record<(typeof tables)[number], number>>): Promise<T> {
      const before = await snapshot();
      const result = await work();
      const after = await snapshot();
      const counts = (shot: Snapshot) => Object.fromEntries(tables.map((table) => [table, shot[table].rows]));
      const expected = Object.fromEntries(tables.map((table) => [table, before[table].rows + (delta[table] ?? 0)]));
      expect(counts(after)).toEqual(expected);
      return result;
    }
    const fragments: [string, string][] = [
      ['SQL', sql],
      ['script', script],
    ];

    it.each(fragments)('keeps %s in a shift title, description and address', async (_what, text) => {
      const created = await counted(
        () => ok(post('employer', '/api/shifts', shiftInput({ title: text, description: text, address: text }, 13)), 201),
        { shifts: 1 },
      );
      expect(created.body).toMatchObject({ title: text, description: text, address: text });
      const { rows } = await market.db.query(`SELECT title, description, address FROM shifts WHERE id = $1`, [created.body.id]);
      expect(rows[0]).toEqual({ title: text, description: text, address: text });
      const read = await request(market.url).get(`/api/shifts/${created.body.id}`).set(bearer(tokens.employer!)).expect(200);
      expect(read.body).toMatchObject({ title: text, description: text, address: text });
    });

    it.each(fragments)('keeps %s in an employer’s name, contact and address', async (what, text) => {
      tokens.newEmployer = await signIn(market, what === 'SQL' ? '13600000411' : '13600000412', 'employer');
      const created = await counted(
        () => ok(post('newEmployer', '/api/employers', { name: text, contactName: text, street: '永中街道', address: text }), 201),
        {
          employers: 1,
        },
      );
      expect(created.body).toMatchObject({ name: text, contactName: text, address: text });
    });

    it.each(fragments)('keeps %s in an application note', async (what, text) => {
      const shift = await postShift({}, what === 'SQL' ? 14 : 15);
      const applied = await counted(() => ok(post('seeker', `/api/shifts/${shift}/applications`, { note: text }), 201), {
        applications: 1,
      });
      expect(applied.body.note).toBe(text);
      const { rows } = await market.db.query(`SELECT note FROM applications WHERE id = $1`, [applied.body.id]);
      expect(rows[0].note).toBe(text);
    });

    it.each(fragments)('keeps %s in a report’s detail', async (_what, text) => {
      const report = await counted(
        () => ok(post('seeker', `/api/shifts/${ids.openShift}/reports`, { reason: 'other', detail: text }), 201),
        { shift_reports: 1 },
      );
      expect(report.body.detail).toBe(text);
    });

    it.each(fragments)('keeps %s as a shift’s cancel reason', async (what, text) => {
      const shift = await postShift({}, what === 'SQL' ? 16 : 17);
      const cancelled = await counted(() => ok(post('employer', `/api/shifts/${shift}/cancel`, { reason: text }), 200), {});
      expect(cancelled.body.status).toBe('cancelled');
      const { rows } = await market.db.query(`SELECT cancel_reason FROM shifts WHERE id = $1`, [shift]);
      expect(rows[0].cancel_reason).toBe(text);
    });

    it.each(fragments)('keeps %s as a booking’s cancel reason', async (what, text) => {
      const booking = await book(await postShift({}, what === 'SQL' ? 18 : 19));
      const cancelled = await counted(() => ok(post('seeker', `/api/bookings/${booking}/cancel`, { reason: text }), 200), {});
      expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: text });
    });

    it('keeps SQL and script in the two ratings of a booking', async () => {
      const byEmployer = await counted(
        () => ok(post('employer', `/api/bookings/${ids.completedBooking}/rating`, { stars: 4, comment: sql }), 201),
        { ratings: 1 },
      );
      expect(byEmployer.body.comment).toBe(sql);
      const byWorker = await counted(
        () => ok(post('seeker', `/api/bookings/${ids.completedBooking}/rating`, { stars: 5, comment: script }), 201),
        { ratings: 1 },
      );
      expect(byWorker.body.comment).toBe(script);
    });

    it.each(fragments)('keeps %s as a suspension reason', async (_what, text) => {
      await counted(() => ok(post('staff', `/api/employers/${ids.employer}/suspend`, { reason: text }), 200), {});
      const { rows } = await market.db.query(`SELECT suspension_reason FROM employers WHERE id = $1`, [ids.employer]);
      expect(rows[0].suspension_reason).toBe(text);
      await ok(post('staff', `/api/employers/${ids.employer}/reinstate`), 200);
    });

    it.each(fragments)('keeps %s in a seeker’s name', async (what, text) => {
      tokens.newcomer = await signIn(market, what === 'SQL' ? '13700002011' : '13700002012', 'worker');
      const created = await counted(
        () =>
          request(market.url)
            .post('/api/workers')
            .set(bearer(tokens.newcomer!))
            .send(workerInput({ name: text })),
        { workers: 1 },
      );
      expect({ status: created.status, body: created.body as unknown }).toEqual(expect.objectContaining({ status: 201 }));
      expect(created.body.name).toBe(text);
    });
  });
  /** Inputs that once reached PostgreSQL or Node's crypto and answered 500, each at the hop it hit. */
  it('answers headers past the limit with 431 in the API shape, saying the connection closes, and the client goes on', async () => {
    const answer = await fetch(`${market.url}/api/shifts`, { headers: { 'x-padding': 'x'.repeat(20_000) } });
    expect(answer.status).toBe(431);
    // Said, so a keep-alive client opens a new connection rather than writing to the closed one.
    expect(answer.headers.get('connection')).toBe('close');
    expect(await answer.json()).toEqual({
      statusCode: 431,
      error: 'Request Header Fields Too Large',
      message: ['请求头过大 / Request headers too large'],
    });
    for (let next = 0; next < 5; next++) expect((await fetch(`${market.url}/api/shifts`)).status).toBe(200);
  });

  describe('inputs that answered 500', () => {
    const cursor = (position: object) => Buffer.from(JSON.stringify(position)).toString('base64url');
    const patchMe = (body: object) => request(market.url).patch('/api/workers/me').set(bearer(tokens.seeker!)).send(body);
    const workerRow = async () =>
      (await market.db.query(`SELECT skills, certificates, availability, sms_opt_out_at FROM workers WHERE id = $1`, [ids.seeker])).rows[0];

    it.each([
      ['an empty list for consent', { consent: [] }],
      ['a skill that is a list', { skills: [[{ code: 'loading', years: 1 }]] }],
      ['a skill that is an empty list', { skills: [[]] }],
      ['a certificate expiring in year 0', { certificates: [{ code: 'health', expiresOn: '0000-01-01' }] }],
      ['an availability slot that is a list', { availability: [[]] }],
    ])('PATCH /api/workers/me refuses %s with 400 and keeps the profile', async (_what, body) => {
      const before = await workerRow();
      const answer = await patchMe(body);
      expect({ status: answer.status, body: answer.body as unknown }).toEqual({
        status: 400,
        body: expect.objectContaining({ statusCode: 400 }),
      });
      expect(await workerRow()).toEqual(before);
    });

    it.each([
      ['dated year 0', { createdAt: '0000-01-01T00:00:00.000000Z', id: missingId }],
      ['dated 1900', { createdAt: '1900-01-01T00:00:00.000000Z', id: missingId }],
    ])('answers a seeker-directory cursor %s with 400', async (_what, position) => {
      const answer = await request(market.url)
        .get('/api/workers')
        .query({ cursor: cursor(position) })
        .set(bearer(tokens.staff!));
      expect({ status: answer.status, message: answer.body.message as unknown }).toEqual({
        status: 400,
        message: ['cursor is invalid; pass the nextCursor of the previous page'],
      });
    });

    it('answers a board cursor dated year 0 with 400', async () => {
      const answer = await request(market.url)
        .get('/api/shifts')
        .query({ cursor: cursor({ sort: 'startsAt', key: '0000-01-01T00:00:00.000Z', id: missingId }) });
      expect(answer.status).toBe(400);
    });

    it.each([
      ['a board filter from year 0', '/api/shifts', { from: '0000-01-01T00:00:00Z' }],
      ['figures from year 0', '/api/stats/overview', { from: '0000-01-01T00:00:00Z' }],
    ])('answers %s with 400', async (_what, path, query) => {
      const answer = await request(market.url).get(path).query(query).set(bearer(tokens.staff!));
      expect(answer.status).toBe(400);
    });

    it('refuses a gateway signature of 64 non-ASCII bytes with 401, at the front door and at matching itself', async () => {
      const body = JSON.stringify({ from: '13700002001', text: '1', receivedAt: new Date().toISOString() });
      const headers = {
        'content-type': 'application/json',
        'x-lingong-timestamp': new Date().toISOString(),
        'x-lingong-signature': Buffer.alloc(64, 0xe9),
      };
      for (const base of [market.url, market.apps.matching]) {
        const answer = await rawRequest(base, 'POST', '/api/sms/inbound', headers, body);
        expect({ base, status: answer.status }).toEqual({ base, status: 401 });
      }
      const receipt = JSON.stringify({ messageId: 'x', status: 'delivered' });
      expect((await rawRequest(market.apps.matching, 'POST', '/api/sms/receipts', headers, receipt)).status).toBe(401);
    });

    it('takes a gateway reply received in year 0 as the bad input it is', async () => {
      await signedByGateway(market, '/api/sms/inbound', { from: '13700002001', text: '你好', receivedAt: '0000-01-01T00:00:00Z' }).expect(
        400,
      );
    });

    it('checks out a booking left open for two weeks at the highest hourly rate without overflowing pay', async () => {
      const shift = await postShift(
        { startsAt: minutesFromNow(20), endsAt: minutesFromNow(80), pay: { amountFen: 10_000_000, unit: 'hour', settlement: 'daily' } },
        0,
      );
      const booking = await book(shift);
      await ok(post('employer', `/api/bookings/${booking}/check-in`), 200);
      await market.db.query(
        `UPDATE bookings SET starts_at = starts_at - interval '14 days', ends_at = ends_at - interval '14 days',
                checked_in_at = checked_in_at - interval '14 days' WHERE id = $1`,
        [booking],
      );
      const out = await post('employer', `/api/bookings/${booking}/check-out`);
      expect({ status: out.status, payFen: out.body.payFen as unknown }).toEqual({ status: 200, payFen: 240_000_000 });
    });
  });
});
