/// <reference lib="dom" />
// `npm run screenshots`: every page at the hall's 1920×1080 and a phone's 390×844, on a market
// with Longwan demo shifts, into docs/screenshots/ (the README shows them). Not part of npm test.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import request from 'supertest';
import { verifiedEmployer } from '../support/employers';
import { startMarket, type Market } from '../support/market';
import { bearer, seekerWithProfile, shiftInput, signInAdmin } from '../support/people';
import { waitFor } from '../support/wait-for';
import { launchBrowser } from './support/browser';

const out = resolve(__dirname, '../../docs/screenshots');
const sizes = [
  { name: '1920x1080', viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 },
  { name: '390x844', viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 },
];
/** The employer's pages: an office PC and a phone (issue 10). */
const deskSizes = [{ name: '1280x800', viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 }, sizes[1]!];

const demoShifts = [
  {
    title: '鞋厂包装 日结',
    category: 'factory',
    street: '永中街道',
    address: '龙湾区永中街道鞋都工业园',
    lat: 27.93,
    lng: 120.81,
    pay: { amountFen: 22000, unit: 'day', settlement: 'daily' },
    headcount: 6,
  },
  {
    title: '仓库搬运装卸',
    category: 'loading',
    street: '永兴街道',
    address: '龙湾区永兴街道物流园3号库',
    lat: 27.9,
    lng: 120.8,
    pay: { amountFen: 2800, unit: 'hour', settlement: 'daily' },
    headcount: 4,
  },
  {
    title: '酒店客房保洁',
    category: 'cleaning',
    street: '海滨街道',
    address: '龙湾区海滨街道某酒店',
    lat: 27.92,
    lng: 120.84,
    pay: { amountFen: 2600, unit: 'hour', settlement: 'weekly' },
    headcount: 3,
  },
  {
    title: '餐厅帮厨（需健康证）',
    category: 'catering',
    street: '星海街道',
    address: '龙湾区星海街道万达广场',
    lat: 27.93,
    lng: 120.87,
    pay: { amountFen: 24000, unit: 'day', settlement: 'daily' },
    headcount: 2,
    requirements: { skills: ['catering'], certificates: ['health'] },
  },
  {
    title: '电器零件组装',
    category: 'factory',
    street: '状元街道',
    address: '龙湾区状元街道电子厂',
    lat: 27.97,
    lng: 120.74,
    pay: { amountFen: 25000, unit: 'day', settlement: 'daily' },
    headcount: 8,
  },
  {
    title: '快递分拣 夜班',
    category: 'warehouse',
    street: '蒲州街道',
    address: '龙湾区蒲州街道快递中转站',
    lat: 27.99,
    lng: 120.71,
    pay: { amountFen: 2500, unit: 'hour', settlement: 'daily' },
    headcount: 5,
  },
  {
    title: '杨梅采摘',
    category: 'farming',
    street: '瑶溪街道',
    address: '龙湾区瑶溪街道果园',
    lat: 27.96,
    lng: 120.77,
    pay: { amountFen: 23000, unit: 'day', settlement: 'daily' },
    headcount: 10,
  },
];

describe('screenshots', () => {
  let market: Market;
  let browser: Browser;
  let token: string;
  let employerToken: string;
  let shiftId: string;

  beforeAll(async () => {
    mkdirSync(out, { recursive: true });
    market = await startMarket();
    browser = await launchBrowser();
    const employer = await verifiedEmployer(market, '13600000501');
    employerToken = employer.token;
    const seeker = await seekerWithProfile(market, '13700000501', {
      hasSmartphone: true,
      availability: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: '07:00', end: '19:00' })),
    });
    token = seeker.token;
    for (const [index, shift] of demoShifts.entries()) {
      const posted = await request(market.url)
        .post('/api/shifts')
        .set(bearer(employer.token))
        .send(shiftInput({ publish: true, ...shift }, 1 + (index % 3)))
        .expect(201);
      shiftId ??= posted.body.id as string;
    }
    const application = await request(market.url).post(`/api/shifts/${shiftId}/applications`).set(bearer(token)).send({}).expect(201);
    await request(market.url).post(`/api/applications/${application.body.id}/accept`).set(bearer(employer.token)).expect(201);
    await waitFor(
      'an offer to the seeker',
      async () => (await request(market.url).get('/api/offers').set(bearer(token))).body.items.length,
      (n: number) => n > 0,
    );
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await market?.close();
  });

  const seekerSession = () => ({ key: 'lingong.m.session', token });
  const employerSession = () => ({ key: 'lingong.employer.session', token: employerToken });
  const pages = () => [
    { name: 'kiosk', path: '/kiosk', ready: '实时更新' },
    { name: 'm-browse', path: '/m/', ready: '仓库搬运装卸' },
    { name: 'm-shift', path: `/m/shifts/${shiftId}`, ready: '用工方' },
    { name: 'm-sign-in', path: '/m/sign-in', ready: '获取验证码' },
    { name: 'm-offers', path: '/m/offers', ready: '回复', session: seekerSession() },
    { name: 'm-mine', path: '/m/mine', ready: '确认会去', session: seekerSession() },
    { name: 'm-profile', path: '/m/profile', ready: '注销账号并删除资料', session: seekerSession() },
    { name: 'employer-sign-in', path: '/employer/sign-in', ready: '获取验证码', sizes: deskSizes },
    { name: 'employer-shifts', path: '/employer/', ready: '鞋厂包装 日结', session: employerSession(), sizes: deskSizes },
    { name: 'employer-post', path: '/employer/post', ready: '最低工资每小时', session: employerSession(), sizes: deskSizes },
    { name: 'employer-shift', path: `/employer/shifts/${shiftId}`, ready: '签到', session: employerSession(), sizes: deskSizes },
    { name: 'employer-profile', path: '/employer/profile', ready: '已核实', session: employerSession(), sizes: deskSizes },
  ];

  it('writes every page at both sizes', async () => {
    for (const page of pages()) {
      for (const size of page.sizes ?? sizes) {
        const context = await browser.newContext({
          viewport: size.viewport,
          deviceScaleFactor: size.deviceScaleFactor,
          locale: 'zh-CN',
          timezoneId: 'Asia/Shanghai',
        });
        if (page.session) await context.addInitScript(({ key, token }) => localStorage.setItem(key, token), page.session);
        const tab = await context.newPage();
        await tab.goto(`${market.url}${page.path}`);
        await tab.getByText(page.ready).first().waitFor();
        await tab.waitForTimeout(300);
        await tab.screenshot({ path: join(out, `${page.name}-${size.name}.png`) });
        await context.close();
      }
    }
  }, 300_000);

  /**
   * The office's dashboard at a desk's 1280×800, on a month of history: a crew dispatched through
   * the API, its bookings spread over the past weeks, some of the work done, and a few SMS failed.
   */
  it('writes the office dashboard at 1280×800', async () => {
    const staff = await signInAdmin(market);
    const account = (await request(market.url).get('/api/me').set(bearer(staff)).expect(200)).body;
    const everyDay = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: '06:00', end: '22:00' }));
    const crew = ['周建国', '吴秀英', '郑海波', '王丽华', '陈志强', '林小红'];
    for (const [index, name] of crew.entries()) {
      const seeker = await seekerWithProfile(market, `137000005${10 + index}`, {
        name,
        availability: everyDay,
        skills: [
          { code: 'loading', years: 2 },
          { code: 'factory', years: 1 },
        ],
      });
      if (index % 3 === 0)
        await request(market.url)
          .put(`/api/workers/${seeker.id}/priority-group`)
          .set(bearer(staff))
          .send({ group: index === 0 ? 'low_income' : 'disability', consent: true })
          .expect(200);
    }
    const open = (await request(market.url).get('/api/shifts').query({ limit: 20 }).expect(200)).body.items as { id: string }[];
    const plan = (
      await request(market.url)
        .post('/api/dispatch/plans')
        .set(bearer(staff))
        .send({ shiftIds: open.map((shift) => shift.id) })
        .expect(201)
    ).body;
    await request(market.url).post(`/api/dispatch/plans/${plan.id}/confirm`).set(bearer(staff)).expect(201);
    await market.db.query(`UPDATE bookings SET created_at = now() - (abs(hashtext(id::text)) % 28) * interval '1 day'`);
    await market.db.query(
      `UPDATE bookings SET status = 'completed', minutes_worked = 240 + abs(hashtext(id::text)) % 300, checked_out_at = created_at + interval '1 day'
        WHERE abs(hashtext(id::text)) % 3 > 0 AND created_at < now() - interval '2 days'`,
    );
    await market.db.query(`UPDATE notifications SET created_at = now() - (abs(hashtext(id::text)) % 20) * interval '1 day'`);
    await market.db.query(`UPDATE notifications SET status = 'failed' WHERE id IN (SELECT id FROM notifications ORDER BY id LIMIT 3)`);

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    await context.addInitScript(
      (value) => sessionStorage.setItem('lingong.staff.session', value),
      JSON.stringify({ accessToken: staff, account, desk: '办公室' }),
    );
    const tab = await context.newPage();
    await tab.goto(`${market.url}/staff/office`);
    await tab.locator('.chart svg').nth(4).waitFor();
    await tab.waitForTimeout(800);
    await tab.screenshot({ path: join(out, 'staff-office-dashboard-1280x800.png') });
    await context.close();
  }, 120_000);
});
