/// <reference lib="dom" />
// Functions given to page.evaluate run in the browser, hence the DOM types.
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { verifiedEmployer } from '../support/employers';
import { startMarket, type Market } from '../support/market';
import { bearer, bootstrapAdmin, seekerWithProfile, shiftInput } from '../support/people';
import { collectErrors, launchBrowser, seriousViolations } from './support/browser';

const DESK = '办公室';
const everyDay = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: '07:00', end: '19:00' }));

describe('the office and desks of the staff console (/staff): accounts, look-up, edits, shifts for a person', () => {
  let market: Market;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let employer: { token: string; id: string };

  beforeAll(async () => {
    market = await startMarket();
    browser = await launchBrowser();
    employer = await verifiedEmployer(market, '13600000711');
    page = await (
      await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
    ).newPage();
    errors = collectErrors(page);
    await page.goto(`${market.url}/staff/accounts`);
    await page.getByLabel('手机号').fill(bootstrapAdmin.phone);
    await page.getByLabel('密码', { exact: true }).fill(bootstrapAdmin.password);
    await page.getByLabel('本台位置').fill(DESK);
    await page.getByRole('button', { name: '登录' }).click();
  });
  afterAll(async () => {
    await browser?.close();
    await market?.close();
  });

  async function accessible(): Promise<void> {
    expect(await seriousViolations(page)).toEqual([]);
  }

  it('an admin adds a staff member and disables them; the disabled account can no longer sign in', async () => {
    // Signing in returns to the page asked for.
    await page.getByRole('heading', { name: '员工账号' }).waitFor();
    await page.getByRole('cell', { name: bootstrapAdmin.phone }).waitFor();
    await accessible();
    await page.getByLabel('姓名').fill('吴刚');
    await page.getByLabel('手机号').fill('139 0000 0712');
    await page.getByLabel('初始密码').fill('short');
    await page.getByRole('button', { name: '添加', exact: true }).click();
    await page.getByText('请填写密码（至少 8 位）').waitFor();
    await page.getByLabel('初始密码').fill('desk-password-12');
    await page.getByRole('button', { name: '添加', exact: true }).click();
    await page.getByText('已添加 吴刚').waitFor();
    await page.getByRole('button', { name: '停用 吴刚' }).click();
    await page.getByRole('button', { name: '启用 吴刚' }).waitFor();
    await accessible();
    const refused = await request(market.url).post('/api/auth/staff-login').send({ phone: '13900000712', password: 'desk-password-12' });
    expect(refused.status).toBe(401);
    // Admins cannot disable themselves.
    await page.getByRole('button', { name: '停用 管理员' }).click();
    await page.getByText('不能停用自己的账号').waitFor();
  });

  it('finds a seeker by the last four of the phone, edits the profile, and refers them to a shift that fits', async () => {
    const seeker = await seekerWithProfile(market, '13700007134', { name: '王建国', availability: everyDay, maxDistanceKm: 3 });
    const far = (
      await request(market.url)
        .post('/api/shifts')
        .set(bearer(employer.token))
        .send(
          shiftInput(
            { publish: true, title: '状元电子厂 组装', street: '状元街道', address: '龙湾区状元街道电子厂', lat: 27.97, lng: 120.74 },
            2,
          ),
        )
        .expect(201)
    ).body as { id: string };

    await page.getByRole('link', { name: '查找求职者' }).click();
    await page.getByRole('heading', { name: '查找求职者' }).waitFor();
    await page.keyboard.type('7134');
    await page.keyboard.press('Enter');
    await page.getByRole('cell', { name: '13700007134' }).waitFor();
    await accessible();
    await page.getByRole('link', { name: '打开' }).click();
    await page.getByRole('heading', { name: '修改求职者资料 · 王建国' }).waitFor();
    await accessible();

    // Out of reach at 3 km; at 20 km the shift in 状元街道 fits.
    await page.getByRole('link', { name: '为 TA 找活' }).click();
    await page.getByText('正在为 王建国 找岗位').waitFor();
    await page.getByText('现在没有适合 TA 的岗位').waitFor();
    await page.goBack();
    await page.getByRole('heading', { name: '修改求职者资料 · 王建国' }).waitFor();
    await page.locator('input[name="maxDistanceKm"]').fill('20');
    await page.locator('input[name="name"]').focus();
    await page.keyboard.press('Enter');
    await page.getByText('已保存').waitFor();
    expect((await market.db.query(`SELECT max_distance_km FROM workers WHERE id = $1`, [seeker.id])).rows[0].max_distance_km).toBe(20);

    await page.getByRole('link', { name: '为 TA 找活' }).click();
    const fit = page.getByRole('listitem').filter({ hasText: '状元电子厂 组装' });
    await fit.getByText('距离').waitFor();
    await accessible();
    await page.getByRole('button', { name: '推荐 王建国 去 状元电子厂 组装' }).click();
    await page.getByText(/已推荐 王建国 去“状元电子厂 组装”/).waitFor();
    await page.getByRole('button', { name: '已推荐 王建国 去 状元电子厂 组装' }).waitFor();
    const booked = (await request(market.url).get('/api/bookings').query({ shiftId: far.id }).set(bearer(employer.token)).expect(200)).body
      .items;
    expect(booked).toEqual([expect.objectContaining({ workerId: seeker.id, source: 'referral', status: 'confirmed' })]);

    // Booked now, he is no longer among the shift's candidates.
    await page.getByRole('tab', { name: '按岗位找人' }).click();
    await page.getByRole('combobox', { name: '岗位' }).click();
    await page.keyboard.type('状元');
    await page.keyboard.press('Enter');
    await page.getByText('没有符合条件的人').waitFor();
    await accessible();

    // Back at his profile, the booked work and its slip, to print again.
    await page.goto(`${market.url}/staff/seekers/${seeker.id}`);
    await page.getByRole('heading', { name: '已报上的活' }).waitFor();
    await accessible();
    await page.getByRole('link', { name: '打印介绍信：状元电子厂 组装' }).click();
    await page.getByText(booked[0].id).waitFor();
    await page.getByText('兹介绍 王建国 前来贵单位做“状元电子厂 组装”').waitFor();
    expect(errors.filter((error) => !/status of 40[019]/.test(error))).toEqual([]);
  });

  it('reads in English on request', async () => {
    await page.goto(`${market.url}/staff/referrals`);
    await page.getByRole('heading', { name: '职业介绍' }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Referrals' }).waitFor();
    await page.getByRole('link', { name: 'Walk-in registration' }).click();
    await page.getByRole('heading', { name: 'Register a walk-in' }).waitFor();
    await accessible();
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { name: '现场登记求职者' }).waitFor();
  });
});
