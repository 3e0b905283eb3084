import request from 'supertest';
import { startMarket, type Market } from '../support/market';
import { bearer, shiftInput, signIn, signInAdmin } from '../support/people';

interface BoardItem {
  id: string;
  title: string;
  status: string;
  startsAt: string;
  pay: { amountFen: number; unit: string };
  distanceKm?: number;
}
interface BoardPage {
  items: BoardItem[];
  nextCursor: string | null;
}
type Query = Record<string, string | number>;

/** GET /api/shifts: every filter of API.md, Chinese search, distance, and keyset paging that holds while shifts arrive. */
describe('the shift board', () => {
  let market: Market;
  let employer: string;
  const ids: Record<string, string> = {};
  const near = '27.93,120.80';

  /** `daysAhead` days from now at `time`, market time (+08:00). */
  const at = (daysAhead: number, time: string) => `${shiftInput({}, daysAhead).startsAt.slice(0, 10)}T${time}:00+08:00`;
  const hours = (daysAhead: number, start: string, end: string) => ({ startsAt: at(daysAhead, start), endsAt: at(daysAhead, end) });
  const day = (amountFen: number) => ({ amountFen, unit: 'day', settlement: 'daily' });
  const hourly = (amountFen: number) => ({ amountFen, unit: 'hour', settlement: 'daily' });

  async function post(name: string, overrides: Record<string, unknown>, daysAhead: number, publish = true): Promise<string> {
    const body = shiftInput({ requirements: { skills: [], certificates: [] }, ...overrides, publish }, daysAhead);
    const response = await request(market.url).post('/api/shifts').set(bearer(employer)).send(body);
    expect({ name, status: response.status, body: response.body }).toMatchObject({
      status: 201,
      body: { status: publish ? 'open' : 'draft' },
    });
    ids[name] = response.body.id;
    return response.body.id;
  }
  const list = async (query: Query = {}): Promise<BoardPage> =>
    (await request(market.url).get('/api/shifts').query(query).expect(200)).body;
  const names = (page: BoardPage) => page.items.map((item) => Object.keys(ids).find((name) => ids[name] === item.id) ?? item.id);
  const found = async (query: Query) => names(await list({ limit: 100, ...query })).sort();
  const refused = async (query: Query) => {
    const response = await request(market.url).get('/api/shifts').query(query).expect(400);
    expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    return (response.body.message as string[]).join(' | ');
  };

  beforeAll(async () => {
    market = await startMarket();
    employer = await signIn(market, '13600000031', 'employer');
    const created = await request(market.url)
      .post('/api/employers')
      .set(bearer(employer))
      .send({ name: '龙湾综合服务有限公司', contactName: '周经理', street: '永中街道', address: '龙湾区永中街道某路8号' })
      .expect(201);
    await request(market.url)
      .post(`/api/employers/${created.body.id}/verify`)
      .set(bearer(await signInAdmin(market)))
      .expect(200);

    // Near 27.93,120.80: haul and guard 0 km, hotel 2.2, berries 4.4, shoes 4.9, waiter 7.4, movers 7.8, sorting 17.5.
    await post('haul', { title: '仓库搬运 日结', description: '卸货、理货', pay: day(22000) }, 3);
    await post(
      'hotel',
      {
        title: '酒店保洁',
        description: '客房清洁，整理床铺',
        category: 'cleaning',
        employmentType: 'part_time',
        street: '海滨街道',
        lat: 27.95,
        lng: 120.8,
        ...hours(3, '08:00', '12:00'),
        pay: hourly(3000),
      },
      3,
    );
    await post(
      'shoes',
      {
        title: '鞋厂包装普工',
        description: '流水线包装，计时',
        category: 'factory',
        employmentType: 'seasonal',
        lat: 27.93,
        lng: 120.85,
        pay: day(26000),
      },
      4,
    );
    await post('guard', { title: '小区保安', description: '门岗值守', category: 'security', pay: day(26000) }, 4);
    await post(
      'movers',
      { title: '搬家师傅', description: '协助搬运家具家电', street: '蒲州街道', lat: 28.0, lng: 120.8, pay: day(30000) },
      5,
    );
    await post(
      'sorting',
      {
        title: '快递分拣',
        description: '分拣包裹',
        category: 'warehouse',
        street: '天河街道',
        lat: 27.8,
        lng: 120.7,
        ...hours(6, '08:00', '18:00'),
        pay: hourly(2600),
      },
      6,
    );
    await post(
      'berries',
      {
        title: '杨梅采摘 计件',
        description: '按斤计价',
        category: 'farming',
        employmentType: 'seasonal',
        street: '瑶溪街道',
        lat: 27.96,
        lng: 120.77,
        pay: { amountFen: 500, unit: 'piece', settlement: 'daily' },
      },
      7,
    );
    await post(
      'waiter',
      {
        title: '餐厅服务员 100%好评',
        description: '晚市传菜',
        category: 'catering',
        employmentType: 'part_time',
        street: '状元街道',
        lat: 27.97,
        lng: 120.74,
        ...hours(8, '17:00', '21:00'),
        pay: hourly(2500),
      },
      8,
    );
    await post('draft', { title: '草稿 搬运', description: '还没发布' }, 3, false);
  });
  afterAll(async () => {
    await market.close();
  });

  const published = ['berries', 'guard', 'haul', 'hotel', 'movers', 'shoes', 'sorting', 'waiter'];

  it('shows open shifts by default, soonest first, and never drafts', async () => {
    const page = await list();
    expect(page.items.map((item) => item.status)).toEqual(Array(8).fill('open'));
    expect(names(page).sort()).toEqual(published);
    expect(page.items.map((item) => item.startsAt)).toEqual(page.items.map((item) => item.startsAt).sort());
    expect(page.items[0]).not.toHaveProperty('distanceKm');
    expect(page.nextCursor).toBeNull();
    expect(await found({ status: 'filled' })).toEqual([]);
    expect(await refused({ status: 'draft' })).toContain('status must be one of');
  });

  it('narrows by street, category, employment type and start time, each alone', async () => {
    expect(await found({ street: '永中街道' })).toEqual(['guard', 'haul', 'shoes']);
    expect(await found({ category: 'loading' })).toEqual(['haul', 'movers']);
    expect(await found({ employmentType: 'part_time' })).toEqual(['hotel', 'waiter']);
    expect(await found({ employmentType: 'seasonal' })).toEqual(['berries', 'shoes']);
    // from is inclusive, to exclusive: sorting starts exactly at `to`.
    expect(await found({ from: at(4, '08:00'), to: at(6, '08:00') })).toEqual(['guard', 'movers', 'shoes']);
    expect(await found({ from: at(8, '00:00') })).toEqual(['waiter']);
  });

  it('judges minPayFen against the whole shift: hourly × hours, a day rate as it is, never piece rates', async () => {
    // sorting pays 26 yuan × 10 h = 260 yuan; shoes and guard 260 yuan a day; hotel 30 × 4 = 120; waiter 25 × 4 = 100.
    expect(await found({ minPayFen: 20000 })).toEqual(['guard', 'haul', 'movers', 'shoes', 'sorting']);
    expect(await found({ minPayFen: 26000 })).toEqual(['guard', 'movers', 'shoes', 'sorting']);
    expect(await found({ minPayFen: 26001 })).toEqual(['movers']);
    expect(await found({ minPayFen: 12000 })).toEqual(['guard', 'haul', 'hotel', 'movers', 'shoes', 'sorting']);
    expect(await found({ minPayFen: 1 })).not.toContain('berries');
  });

  it('searches Chinese text in titles and descriptions, literally', async () => {
    expect(await found({ q: '搬运' })).toEqual(['haul', 'movers']);
    expect(await found({ q: '保' })).toEqual(['guard', 'hotel']);
    expect(await found({ q: '菜' })).toEqual(['waiter']);
    expect(await found({ q: '搬运 日结' })).toEqual(['haul']);
    expect(await found({ q: ' 分拣 ' })).toEqual(['sorting']);
    expect(await found({ q: '%' })).toEqual(['waiter']);
    expect(await found({ q: '100%好' })).toEqual(['waiter']);
    expect(await found({ q: '_' })).toEqual([]);
    expect(await found({ q: '\\' })).toEqual([]);
    expect(await found({ q: '搬运', category: 'loading', street: '蒲州街道' })).toEqual(['movers']);
  });

  it('finds shifts within radiusKm of near, nearest first with distanceKm', async () => {
    const page = await list({ near, radiusKm: 5, sort: 'distance' });
    expect(names(page).slice(2)).toEqual(['hotel', 'berries', 'shoes']);
    expect(names(page).slice(0, 2).sort()).toEqual(['guard', 'haul']);
    const km = page.items.map((item) => item.distanceKm!);
    expect(km.slice(0, 2)).toEqual([0, 0]);
    expect(km[2]).toBeCloseTo(2.2, 1);
    expect(km).toEqual([...km].sort((a, b) => a - b));
    expect(km.every((value) => value <= 5 && Math.round(value * 10) === value * 10)).toBe(true);
    // Without radiusKm the radius is 10 km; other sorts keep their order but still answer distanceKm.
    expect(await found({ near })).toEqual(published.filter((name) => name !== 'sorting'));
    expect((await list({ near, sort: 'pay' })).items.every((item) => typeof item.distanceKm === 'number')).toBe(true);
    expect(await found({ near: '27.80,120.70', radiusKm: 0.1 })).toEqual(['sorting']);
  });

  it('sorts by pay, highest amount first', async () => {
    const page = await list({ sort: 'pay' });
    expect(page.items.map((item) => item.pay.amountFen)).toEqual([30000, 26000, 26000, 22000, 3000, 2600, 2500, 500]);
    expect(names(page)[0]).toBe('movers');
  });

  it('refuses bad query values with messages', async () => {
    expect(await refused({ sort: 'distance' })).toContain('sort=distance needs near');
    expect(await refused({ near: 'abc' })).toContain('near must be "lat,lng"');
    expect(await refused({ near: '91,120' })).toContain('near must be "lat,lng"');
    expect(await refused({ near, radiusKm: -1 })).toBe('radiusKm must be a number of kilometres from 0.1 to 100');
    expect(await refused({ near, radiusKm: 101 })).toContain('radiusKm must be a number of kilometres from 0.1 to 100');
    expect(await refused({ radiusKm: 5 })).toContain('radiusKm needs near');
    expect(await refused({ limit: 0 })).toBe('limit must be a whole number from 1 to 100');
    expect(await refused({ limit: 'abc' })).toBe('limit must be a whole number from 1 to 100');
    expect(await refused({ minPayFen: '1.5' })).toContain('minPayFen must be a whole number');
    expect(await refused({ sort: 'price' })).toBe('sort must be one of: startsAt, pay, distance');
    expect(await refused({ q: 'x'.repeat(51) })).toBe('q must be 1–50 characters');
    expect(await refused({ q: '  ' })).toBe('q must be 1–50 characters');
    expect(await refused({ employmentType: 'full_time' })).toContain('employmentType must be one of');
    expect(await refused({ from: '2026-12-01' })).toContain('from must be an ISO 8601 date-time');
    expect(await refused({ cursor: 'not-a-cursor' })).toContain('cursor is invalid');

    // Forged cursors are refused before they reach PostgreSQL, never a 500.
    const forge = (position: object) => Buffer.from(JSON.stringify(position)).toString('base64url');
    const someId = ids.haul!;
    for (const [sort, key, id] of [
      ['pay', '99999999999', someId],
      ['startsAt', '275760-09-13', someId],
      ['startsAt', '2026-12-01T00:00:00.000Z', 'x'],
      ['distance', 'NaN', someId],
    ]) {
      expect(await refused({ sort: sort!, near, cursor: forge({ sort, key, id, near }) })).toContain('cursor is invalid');
    }

    const byPay = await list({ sort: 'pay', limit: 3 });
    expect(await refused({ cursor: byPay.nextCursor! })).toContain('cursor was made for sort=pay');
    const byDistance = await list({ sort: 'distance', near, limit: 3 });
    expect(await refused({ sort: 'distance', near: '27.95,120.80', cursor: byDistance.nextCursor! })).toContain('another near point');
  });

  describe.each<{ sort: string; query: Query; before: Record<string, unknown>; after: Record<string, unknown> }>([
    // Each newcomer sorts before page 1's last row: it must not appear, nor push an old row onto page 2 again.
    { sort: 'startsAt', query: {}, before: { daysAhead: 1 }, after: { daysAhead: 9 } },
    {
      sort: 'pay',
      query: { sort: 'pay' },
      before: { pay: day(50000) },
      after: { pay: { amountFen: 400, unit: 'piece', settlement: 'daily' } },
    },
    // Measured from hotel's place, so page 1 ends 2.2 km out (the shifts at 27.93,120.80) and 0.1 km comes before it.
    {
      sort: 'distance',
      query: { sort: 'distance', near: '27.95,120.80', radiusKm: 100 },
      before: { lat: 27.951 },
      after: { lat: 27.75, lng: 120.6 },
    },
  ])('keyset paging by $sort', ({ sort, query, before, after }) => {
    async function pageThrough(between?: () => Promise<void>): Promise<string[]> {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: BoardPage = await list({ ...query, limit: 3, ...(cursor ? { cursor } : {}) });
        expect(page.items.length).toBeLessThanOrEqual(3);
        seen.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor;
        if (seen.length === 3 && between) await between();
      } while (cursor);
      return seen;
    }

    it('returns every shift exactly once, in the order of one long page', async () => {
      const whole = (await list({ ...query, limit: 100 })).items.map((item) => item.id);
      expect(whole.length).toBeGreaterThanOrEqual(8);
      expect(await pageThrough()).toEqual(whole);
    });

    it('neither skips nor repeats when shifts are published between pages', async () => {
      const whole = (await list({ ...query, limit: 100 })).items.map((item) => item.id);
      let early = '';
      let late = '';
      const seen = await pageThrough(async () => {
        const { daysAhead = 3, ...earlyInput } = before as { daysAhead?: number };
        early = await post(`${sort}-early`, { title: '新班次 早', ...earlyInput }, daysAhead);
        const { daysAhead: lateDays = 3, ...lateInput } = after as { daysAhead?: number };
        late = await post(
          `${sort}-late`,
          { title: '新班次 晚', ...hours(lateDays, '08:00', '12:00'), pay: hourly(2400), ...lateInput },
          lateDays,
        );
      });
      expect(seen).not.toContain(early);
      expect(seen.filter((id) => id === late)).toHaveLength(1);
      expect(seen.filter((id) => id !== late)).toEqual(whole);
      const now = (await list({ ...query, limit: 100 })).items.map((item) => item.id);
      expect(now.slice(0, 2)).toContain(early);
      expect(now.at(-1)).toBe(late);
    });
  });
});
