/// <reference lib="dom" />
// Functions given to page.evaluate run in the browser, hence the DOM types.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { verifiedEmployer } from '../support/employers';
import { startMarket, type Market } from '../support/market';
import { bearer, shiftInput, waitForSms } from '../support/people';
import { waitFor } from '../support/wait-for';
import { collectErrors, launchBrowser, phone, seriousViolations } from './support/browser';

const SEEKER = '13700000601';

describe('a seeker on the phone pages (/m) at 390×844', () => {
  let market: Market;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  const urls: string[] = [];
  let employer: { token: string; id: string };

  beforeAll(async () => {
    market = await startMarket();
    browser = await launchBrowser();
    employer = await verifiedEmployer(market, '13600000601');
    // Standing in 永中街道, location allowed.
    context = await browser.newContext({ ...phone, geolocation: { latitude: 27.931, longitude: 120.809 }, permissions: ['geolocation'] });
    page = await context.newPage();
    errors = collectErrors(page);
    page.on('request', (sent) => urls.push(sent.url()));
  });
  afterAll(async () => {
    await browser?.close();
    await market?.close();
  });

  async function post(overrides: Record<string, unknown>, daysAhead: number) {
    return (
      await request(market.url)
        .post('/api/shifts')
        .set(bearer(employer.token))
        .send(shiftInput({ publish: true, ...overrides }, daysAhead))
        .expect(201)
    ).body as { id: string };
  }
  async function accessible(): Promise<void> {
    expect(await seriousViolations(page)).toEqual([]);
  }
  /** Older eyes and thumbs: 18 px text, 48 px targets, nothing wider than the screen. */
  async function madeForPhones(): Promise<void> {
    const facts = await page.evaluate(() => ({
      baseFont: parseFloat(getComputedStyle(document.body).fontSize),
      overflow: document.documentElement.scrollWidth - window.innerWidth,
      smallTargets: [...document.querySelectorAll('button, a, select, input[type="checkbox"], .van-field__control')]
        .filter((element) => element.getClientRects().length > 0)
        .map((element) => ({ element, box: (element.closest('label, .van-cell, .van-tabbar-item') ?? element).getBoundingClientRect() }))
        .filter(({ box }) => box.height < 48)
        .map(({ element }) => element.outerHTML.slice(0, 80)),
    }));
    expect(facts.baseFont).toBeGreaterThanOrEqual(18);
    expect(facts.overflow).toBeLessThanOrEqual(0);
    expect(facts.smallTargets).toEqual([]);
  }

  it('signs in by SMS code, fills in a profile, finds the shift near them and applies', async () => {
    const near = await post({ title: '永中仓库 理货', street: '永中街道', lat: 27.93, lng: 120.8 }, 3);
    await post(
      { title: '蒲州工厂 包装', street: '蒲州街道', address: '龙湾区蒲州街道某厂', lat: 27.99, lng: 120.71, category: 'factory' },
      3,
    );

    await page.goto(`${market.url}/m/`);
    await page.getByText('永中仓库 理货').waitFor();
    await accessible();
    await madeForPhones();

    await page.getByRole('link', { name: '我的', exact: true }).click();
    await page.getByRole('heading', { name: '手机号登录' }).waitFor();
    await page.getByLabel('手机号').fill('12345');
    await page.getByRole('button', { name: '获取验证码' }).click();
    await page.getByText('请填写 11 位手机号').waitFor();
    await page.getByLabel('手机号').fill(SEEKER);
    await page.getByRole('button', { name: '获取验证码' }).click();
    await page.getByText('验证码已用短信发到你的手机').waitFor();
    await accessible();
    await madeForPhones();
    await page.getByLabel('验证码').fill('000000');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('验证码不对或已过期').waitFor();
    const code = /验证码是(\d{6})/.exec((await waitForSms(market, SEEKER, /验证码是\d{6}/)).text)![1]!;
    await page.getByLabel('验证码').fill(code);
    await page.getByRole('button', { name: '登录' }).click();

    await page.getByText('填写资料后就能报名').waitFor();
    await page.getByLabel('称呼').fill('王建国');
    await page.getByLabel('住在哪个街道').selectOption('永中街道');
    await page.getByLabel('搬运装卸').check();
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('请勾选同意').waitFor();
    await accessible();
    await page.getByLabel('同意市场按隐私说明使用我的资料').check();
    await page.getByRole('button', { name: '保存' }).click();

    await page.getByRole('button', { name: '找我附近的活' }).click();
    await page.getByRole('button', { name: '按离我远近排列' }).waitFor();
    await page
      .getByText(/离你 [\d.]+ 公里/)
      .first()
      .waitFor();
    expect(await page.getByText('蒲州工厂 包装').count()).toBe(0);
    await page.getByText('永中仓库 理货').click();
    await page.getByRole('heading', { name: '永中仓库 理货' }).waitFor();
    await page.getByText('龙湾某鞋业有限公司').waitFor();
    await page.getByText('还没有人打分').waitFor();
    await accessible();
    await madeForPhones();
    await page.getByRole('button', { name: '报名' }).click();
    await page.getByText('已报名，等用工方确认').waitFor();
    const applied = await market.db.query(`SELECT count(*)::int AS n FROM applications WHERE shift_id = $1 AND status = 'pending'`, [
      near.id,
    ]);
    expect(applied.rows[0].n).toBe(1);
  });

  it('accepts an offer, confirms attendance, and erases the account', async () => {
    const offered = await post({ title: '海滨码头 卸货', street: '永中街道', headcount: 1 }, 5);
    const seeker = await market.db.query(`SELECT id FROM workers WHERE phone = $1`, [SEEKER]);
    const workerId = seeker.rows[0].id as string;
    await waitFor(
      'an offer to the seeker',
      async () =>
        (await market.db.query(`SELECT count(*)::int AS n FROM offers WHERE worker_id = $1 AND shift_id = $2`, [workerId, offered.id]))
          .rows[0].n,
      (n) => n === 1,
    );

    await page.getByRole('link', { name: '邀请', exact: true }).click();
    await page.getByText('海滨码头 卸货').waitFor();
    await page.getByText(/还剩 \d+:\d\d 回复/).waitFor();
    await accessible();
    await madeForPhones();
    await page.getByRole('button', { name: '接受' }).click();
    await page.getByText('已接受，活已报上').waitFor();

    await page.getByRole('link', { name: '我的活', exact: true }).click();
    await page.getByText('海滨码头 卸货').waitFor();
    await accessible();
    await madeForPhones();
    await page.getByRole('button', { name: '确认会去' }).click();
    await page.getByText('已确认会去').waitFor();
    const booking = await market.db.query(`SELECT attendance_confirmed_at FROM bookings WHERE worker_id = $1 AND shift_id = $2`, [
      workerId,
      offered.id,
    ]);
    expect(booking.rows[0].attendance_confirmed_at).not.toBeNull();

    await page.getByRole('link', { name: '我的', exact: true }).click();
    await page.getByRole('button', { name: '注销账号并删除资料' }).click();
    await page.getByText('你的姓名、手机号和身份证号会被永久删除').waitFor();
    await accessible();
    await page.getByRole('button', { name: '确认注销' }).click();
    await page.getByText('账号已注销，资料已删除。').waitFor();
    const erased = await market.db.query(`SELECT status, phone, name FROM workers WHERE id = $1`, [workerId]);
    expect(erased.rows[0]).toMatchObject({ status: 'erased' });
    expect(erased.rows[0].phone).not.toBe(SEEKER);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('lingong.m')))).toEqual([]);
  });

  it('fits a 360 px screen and put no personal data in any URL', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${market.url}/m/`);
    await page.getByText('永中仓库 理货').waitFor();
    await madeForPhones();
    for (const url of urls) expect(url).not.toMatch(new RegExp(`${SEEKER}|王建国|${encodeURIComponent('王建国')}`));
    expect(errors.filter((error) => !/status of 40[134]/.test(error))).toEqual([]);
  });
});
