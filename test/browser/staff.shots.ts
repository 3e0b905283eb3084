/// <reference lib="dom" />
// `npm run screenshots`: the staff console (/staff) at a desk's 1280×800, and a referral slip on screen
// and as printed on A5, into docs/screenshots/. Not part of npm test.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { verifiedEmployer } from '../support/employers';
import { startMarket, type Market } from '../support/market';
import { bearer, seekerWithProfile, shiftInput, signInAdmin, workerInput } from '../support/people';
import { launchBrowser } from './support/browser';

const out = resolve(__dirname, '../../docs/screenshots');
const STAFF = { phone: '13900000901', password: 'desk-password-9', name: '周敏' };
const DESK = '综合服务区 1 号窗口';
const everyDay = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: '07:00', end: '19:00' }));

describe('screenshots of the staff console', () => {
  let market: Market;
  let browser: Browser;
  let page: Page;
  let shiftTitle: string;
  let bookingId: string;

  beforeAll(async () => {
    mkdirSync(out, { recursive: true });
    market = await startMarket();
    browser = await launchBrowser();
    const admin = await signInAdmin(market);
    await request(market.url).post('/api/staff').set(bearer(admin)).send(STAFF).expect(201);
    const staff = (
      await request(market.url).post('/api/auth/staff-login').send({ phone: STAFF.phone, password: STAFF.password }).expect(200)
    ).body.accessToken as string;
    const employer = await verifiedEmployer(market, '13600000901');
    shiftTitle = '鞋厂包装 日结';
    const shift = (
      await request(market.url)
        .post('/api/shifts')
        .set(bearer(employer.token))
        .send(
          shiftInput(
            {
              publish: true,
              title: shiftTitle,
              category: 'factory',
              address: '龙湾区永中街道鞋都工业园',
              requirements: { skills: ['factory'], certificates: [] },
            },
            2,
          ),
        )
        .expect(201)
    ).body as { id: string };
    for (const [index, name] of ['王建国', '李明', '张丽'].entries()) {
      await seekerWithProfile(market, `1370000090${index}`, {
        name,
        skills: [{ code: 'factory', years: index + 1 }],
        lng: 120.81 + index * 0.01,
        availability: everyDay,
      });
    }
    const walkIn = (
      await request(market.url)
        .post('/api/workers')
        .set(bearer(staff))
        .send(
          workerInput({
            name: '李秀英',
            phone: null,
            skills: [{ code: 'factory', years: 2 }],
            availability: everyDay,
            consent: { dataProcessing: true, sms: false, desk: DESK },
          }),
        )
        .expect(201)
    ).body as { id: string };
    await request(market.url)
      .put(`/api/workers/${walkIn.id}/priority-group`)
      .set(bearer(staff))
      .send({ group: 'low_income', consent: true, desk: DESK })
      .expect(200);
    bookingId = (
      await request(market.url)
        .post('/api/matching/referrals')
        .set(bearer(staff))
        .send({ shiftId: shift.id, workerId: walkIn.id })
        .expect(201)
    ).body.id as string;

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    page = await context.newPage();
    await page.goto(`${market.url}/staff/sign-in`);
    await page.getByLabel('手机号').fill(STAFF.phone);
    await page.getByLabel('密码', { exact: true }).fill(STAFF.password);
    await page.getByLabel('本台位置').fill(DESK);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: '请选择服务区' }).waitFor();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await market?.close();
  });

  async function shot(name: string): Promise<void> {
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(out, `${name}.png`) });
  }

  it('writes the walk-in form, the referral desk and a slip', async () => {
    await page.getByRole('link', { name: '现场登记', exact: true }).click();
    await page.getByRole('heading', { name: '现场登记求职者' }).waitFor();
    await page.keyboard.type('陈阿姨');
    await shot('staff-walk-in-1280x800');

    await page
      .getByRole('link', { name: /职业介绍区/ })
      .first()
      .click();
    await page.getByRole('combobox', { name: '岗位' }).click();
    await page.keyboard.type('鞋厂');
    await page.keyboard.press('Enter');
    await page.getByRole('listitem').filter({ hasText: '王建国' }).getByText('技能').first().waitFor();
    await shot('staff-referrals-1280x800');

    await page.goto(`${market.url}/staff/slips/${bookingId}`);
    await page.getByText(bookingId).waitFor();
    await page.getByRole('img', { name: '打开这份工作的二维码' }).waitFor();
    await shot('staff-slip-1280x800');
    // As printed: A5 (148 × 210 mm at 96 dpi), print styles on.
    await page.setViewportSize({ width: 559, height: 794 });
    await page.emulateMedia({ media: 'print' });
    await shot('staff-slip-a5');
  }, 120_000);
});
