import request from 'supertest';
import { startMarket, type Market } from '../support/market';
import { bearer, shiftInput, signIn, signInAdmin } from '../support/people';

/** Bad input to POST /api/shifts: 400 listing each problem, never a 500, and nothing written. */
describe('shift input validation', () => {
  let market: Market;
  let employer: string;

  const countShifts = async () => (await market.db.query(`SELECT count(*)::int AS n FROM shifts`)).rows[0].n as number;
  const post = (body: unknown) =>
    request(market.url)
      .post('/api/shifts')
      .set(bearer(employer))
      .send(body as object);

  beforeAll(async () => {
    market = await startMarket();
    employer = await signIn(market, '13600000021', 'employer');
    await request(market.url)
      .post('/api/employers')
      .set(bearer(employer))
      .send({ name: '瓯江电器配件厂', contactName: '林厂长', street: '海城街道', address: '龙湾区海城街道工业区' })
      .expect(201);
  });
  afterAll(async () => {
    await market.close();
  });

  it('lists every problem at once: unknown field, end before start, headcount 0, pay missing', async () => {
    const { pay: _pay, ...withoutPay } = shiftInput();
    const response = await post({
      ...withoutPay,
      bonus: 100,
      endsAt: '2026-12-01T07:00:00+08:00',
      startsAt: '2026-12-01T08:00:00+08:00',
      headcount: 0,
    }).expect(400);
    expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(response.body.message).toEqual(
      expect.arrayContaining([
        'property bonus should not exist',
        'endsAt must be after startsAt',
        'headcount must not be less than 1',
        'pay is required: {amountFen, unit, settlement}',
      ]),
    );
    expect(response.body.message).toHaveLength(4);
    expect(await countShifts()).toBe(0);
  });

  it.each([
    ['text where a number belongs', { headcount: '5' }, 'headcount must be an integer number'],
    ['a number where text belongs', { title: 12345 }, 'title must be a string'],
    ['a fractional headcount', { headcount: 2.5 }, 'headcount must be an integer number'],
    ['too many people', { headcount: 501 }, 'headcount must not be greater than 500'],
    [
      'pay in yuan with decimals',
      { pay: { amountFen: 220.5, unit: 'day', settlement: 'daily' } },
      'pay.amountFen must be an integer number',
    ],
    ['negative pay', { pay: { amountFen: -1, unit: 'day', settlement: 'daily' } }, 'pay.amountFen must not be less than 1'],
    [
      'an unknown pay unit',
      { pay: { amountFen: 22000, unit: 'month', settlement: 'daily' } },
      'pay.unit must be one of the following values: hour, day, piece',
    ],
    [
      'a time without offset',
      { startsAt: '2026-12-02T08:00:00' },
      'startsAt must be an ISO 8601 date-time with an explicit offset (Z or ±hh:mm)',
    ],
    [
      'an impossible date',
      { endsAt: '2026-02-30T17:00:00+08:00' },
      'endsAt must be an ISO 8601 date-time with an explicit offset (Z or ±hh:mm)',
    ],
    ['a street outside Longwan', { street: '鹿城区' }, expect.stringContaining("street must be one of Longwan's streets")],
    ['an unknown category', { category: 'astronaut' }, expect.stringContaining('category must be one of the following values')],
    ['a huge title', { title: '搬'.repeat(10_000) }, 'title must be shorter than or equal to 60 characters'],
    [
      'script in a skill code',
      { requirements: { skills: ['<script>'], certificates: [] } },
      'requirements.skills must be lowercase skill codes',
    ],
    [
      'an employerId from an employer',
      { employerId: '00000000-0000-4000-8000-000000000000' },
      'employerId is only for staff posting for an employer',
    ],
  ])('refuses %s', async (_what, change, message) => {
    const response = await post(shiftInput(change)).expect(400);
    expect(response.body.message).toEqual(expect.arrayContaining([message]));
    expect(await countShifts()).toBe(0);
  });

  it('refuses malformed JSON, an array body and a start in the past with 400', async () => {
    const malformed = await request(market.url)
      .post('/api/shifts')
      .set(bearer(employer))
      .set('content-type', 'application/json')
      .send('{"title": "仓库搬运",')
      .expect(400);
    expect(malformed.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    await post([shiftInput()]).expect(400);
    const past = await post(shiftInput({}, -2)).expect(400);
    expect(past.body.message).toEqual(['startsAt must be in the future']);
    expect(await countShifts()).toBe(0);
  });

  it('takes SQL fragments as plain text', async () => {
    const title = "'); DROP TABLE shifts; --";
    const created = await post(shiftInput({ title })).expect(201);
    expect(created.body.title).toBe(title);
    expect(created.body.status).toBe('draft');
    expect(await countShifts()).toBe(1);
  });

  it('publishes an unverified employer’s shift for staff review, not onto the board', async () => {
    const posted = await post(shiftInput({ publish: true }, 4)).expect(201);
    expect(posted.body.status).toBe('pending_review');
    const board = await request(market.url).get('/api/shifts').expect(200);
    expect(board.body.items).toHaveLength(0);
    await request(market.url).get(`/api/shifts/${posted.body.id}`).expect(404);
    const own = await request(market.url).get(`/api/shifts/${posted.body.id}`).set(bearer(employer)).expect(200);
    expect(own.body.status).toBe('pending_review');

    await request(market.url).post(`/api/shifts/${posted.body.id}/approve`).set(bearer(employer)).expect(403);
    const approved = await request(market.url)
      .post(`/api/shifts/${posted.body.id}/approve`)
      .set(bearer(await signInAdmin(market)))
      .expect(200);
    expect(approved.body).toMatchObject({ status: 'open' });
    expect(approved.body.publishedAt).toMatch(/\+08:00$/);
    const afterApproval = await request(market.url).get('/api/shifts').expect(200);
    expect(afterApproval.body.items.map((s: { id: string }) => s.id)).toEqual([posted.body.id]);
  });
});
