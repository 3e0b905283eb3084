/// <reference lib="dom" />
// Functions given to page.evaluate run in the browser, hence the DOM types.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { minutesFromNow } from '../support/employers';
import { startMarket, type Market } from '../support/market';
import { bearer, seekerWithProfile, signInAdmin, waitForSms } from '../support/people';
import { collectErrors, launchBrowser, phone, seriousViolations } from './support/browser';

const EMPLOYER = '13600000801';
const SEEKER = '13700000801';

/**
 * Issue 10, points 6–7: an employer on a phone posts a shift whose pay is below the minimum wage,
 * reads why beside the field before sending anything, fixes it, publishes, books an applicant,
 * checks them in and out and marks them paid; then copies the shift and cancels the copy.
 */
describe('an employer on the employer pages (/employer) at 390×844', () => {
  let market: Market;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    market = await startMarket();
    browser = await launchBrowser();
    context = await browser.newContext(phone);
    page = await context.newPage();
    errors = collectErrors(page);
  });
  afterAll(async () => {
    await browser?.close();
    await market?.close();
  });

  async function accessible(): Promise<void> {
    expect(await seriousViolations(page)).toEqual([]);
  }
  /** Nothing wider than the phone's screen. */
  async function fitsThePhone(): Promise<void> {
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  }

  it('signs in by SMS code and fills in the company, the credit code checked as it is typed', async () => {
    await page.goto(`${market.url}/employer/`);
    await page.getByRole('heading', { name: '用工方登录' }).waitFor();
    await accessible();
    await fitsThePhone();
    await page.getByLabel('手机号').fill(EMPLOYER);
    await page.getByRole('button', { name: '获取验证码' }).click();
    await page.getByText('验证码已用短信发到你的手机').waitFor();
    const code = /验证码是(\d{6})/.exec((await waitForSms(market, EMPLOYER, /验证码是\d{6}/)).text)![1]!;
    await page.getByLabel('验证码').fill(code);
    await page.getByRole('button', { name: '登录' }).click();

    await page.getByText('先填写单位资料').waitFor();
    await page.getByLabel('单位名称').fill('龙湾某鞋业有限公司');
    await page.getByLabel('联系人').fill('陈经理');
    await page.getByLabel('所在街道').selectOption('永中街道');
    await page.getByLabel('详细地址').fill('龙湾区永中街道某路1号');
    await page.getByLabel('统一社会信用代码（选填）').fill('91350100M000100Y4');
    await page.getByText('已输入 17 位，共 18 位').waitFor();
    await page.getByLabel('统一社会信用代码（选填）').fill('91350100M000100Y44');
    await page.getByText('统一社会信用代码不对').waitFor();
    await accessible();
    await fitsThePhone();
    await page.getByLabel('统一社会信用代码（选填）').fill('91350100m000100y43');
    await page.getByText('校验通过').waitFor();
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('heading', { name: '发布零工' }).waitFor();
    const saved = await market.db.query(`SELECT id, uscc FROM employers WHERE name = '龙湾某鞋业有限公司'`);
    expect(saved.rows[0].uscc).toBe('91350100M000100Y43');
    // Market staff check the company, so its shifts open on publishing.
    await request(market.url)
      .post(`/api/employers/${saved.rows[0].id}/verify`)
      .set(bearer(await signInAdmin(market)))
      .expect(200);
  });

  it('explains the minimum wage beside the pay before sending, then publishes the fixed shift', async () => {
    // Starting in 20 minutes (check-in opens 30 minutes before), nine hours long.
    const start = minutesFromNow(20);
    const end = minutesFromNow(20 + 9 * 60);
    await page.getByLabel('标题').fill('鞋厂包装 日结');
    await page.getByLabel('详细地址').fill('龙湾区永中街道鞋都工业园');
    await page.getByLabel('日期').fill(start.slice(0, 10));
    await page.getByLabel('开始时间').fill(start.slice(11, 16));
    await page.getByLabel('结束时间').fill(end.slice(11, 16));
    await page.getByText('共 9 小时').waitFor();
    await page.getByLabel('工钱（元）').fill('150');
    // 150 yuan for 9 hours is 16.66 an hour: below Longwan's 24.
    await page.getByText('低于最低工资：折合每小时 16.66 元，本地非全日制最低每小时 24 元').waitFor();
    expect(await page.getByRole('button', { name: '发布' }).isDisabled()).toBe(true);
    await accessible();
    await fitsThePhone();
    const before = await market.db.query(`SELECT count(*)::int AS n FROM shifts`);
    expect(before.rows[0].n).toBe(0);

    await page.getByLabel('工钱（元）').fill('240');
    await page.getByText('折合每小时 26.66 元，不低于本地最低工资每小时 24 元').waitFor();
    await page.getByText(/按“日结”，完工后最晚在 .+ 前把工钱付清/).waitFor();
    await page.getByRole('button', { name: '发布' }).click();
    await page.getByRole('heading', { name: '鞋厂包装 日结' }).waitFor();
    await page.getByText('招工中').first().waitFor();
    await accessible();
    await fitsThePhone();
    const posted = await market.db.query(`SELECT status, pay_amount_fen FROM shifts WHERE title = '鞋厂包装 日结'`);
    expect(posted.rows[0]).toEqual({ status: 'open', pay_amount_fen: 24000 });
  });

  it('books an applicant, checks them in and out with one big button each, and marks them paid', async () => {
    const shift = await market.db.query(`SELECT id FROM shifts WHERE title = '鞋厂包装 日结'`);
    const seeker = await seekerWithProfile(market, SEEKER, {
      name: '王建国',
      availability: Array.from({ length: 7 }, (_, i) => ({ day: i + 1, start: '00:00', end: '23:59' })),
    });
    await request(market.url)
      .post(`/api/shifts/${shift.rows[0].id}/applications`)
      .set(bearer(seeker.token))
      .send({ note: '做过包装' })
      .expect(201);

    await page.reload();
    // Before booking, the employer sees the surname only (docs/privacy.md).
    await page.getByText('王某').first().waitFor();
    expect(await page.getByText('王建国').count()).toBe(0);
    await accessible();
    await page.getByRole('button', { name: '录用：王某', exact: true }).click();

    const checkIn = page.getByRole('button', { name: '签到：王建国' });
    await checkIn.waitFor();
    const box = await checkIn.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(56);
    await accessible();
    await fitsThePhone();
    await checkIn.click();
    await page.getByRole('button', { name: '签退：王建国' }).click();
    await page.getByText('应付 240 元').waitFor();
    await page.getByRole('button', { name: '工钱已付：王建国' }).click();
    await page.getByText('已付 240 元').waitFor();
    await accessible();
    await fitsThePhone();
    const booking = await market.db.query(`SELECT status, pay_owed_fen, paid_at FROM bookings WHERE shift_id = $1`, [shift.rows[0].id]);
    expect(booking.rows[0]).toMatchObject({ status: 'completed', pay_owed_fen: 24000 });
    expect(booking.rows[0].paid_at).not.toBeNull();
  });

  it('copies the shift as a new draft from my shifts, and cancels it after reading what it costs', async () => {
    await page.getByRole('link', { name: '我的零工', exact: true }).click();
    await page.getByRole('heading', { name: '我的零工' }).waitFor();
    await page.getByText('鞋厂包装 日结').first().waitFor();
    await accessible();
    await fitsThePhone();
    await page.getByRole('button', { name: '复制为下周草稿：鞋厂包装 日结' }).click();
    await page.getByText('已复制为新草稿').waitFor();
    await page.getByText('草稿', { exact: true }).first().waitFor();
    const drafts = await market.db.query(`SELECT count(*)::int AS n FROM shifts WHERE title = '鞋厂包装 日结' AND status = 'draft'`);
    expect(drafts.rows[0].n).toBe(1);

    await page.getByRole('button', { name: '取消这个零工' }).click();
    await page.getByText('现在取消不用补偿').waitFor();
    await accessible();
    await page.getByRole('button', { name: '确定取消' }).click();
    await page.getByText('已取消').first().waitFor();
    expect(errors.filter((error) => !/status of 40[134]/.test(error))).toEqual([]);
  });
});
