/// <reference lib="dom" />
// Functions given to page.evaluate run in the browser, hence the DOM types.
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { residentIdCheckChar } from '@lingong/domain';
import { verifiedEmployer } from '../support/employers';
import { startMarket, type Market } from '../support/market';
import { bearer, shiftInput, signInAdmin } from '../support/people';
import { collectErrors, launchBrowser, seriousViolations } from './support/browser';
import { pdfText } from './support/pdf-text';

const STAFF = { phone: '13900000701', password: 'desk-password-7', name: '周敏' };
const DESK = '综合服务区 1 号窗口';
/** A desk's screen. */
const desk = { viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };
const first17 = '33030319580307002';
const validId = first17 + residentIdCheckChar(first17);
const wrongId = first17 + (residentIdCheckChar(first17) === '1' ? '2' : '1');

describe('staff at the desks (/staff) at 1280×800', () => {
  let market: Market;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let staffId: string;
  let employer: { token: string; id: string };

  beforeAll(async () => {
    market = await startMarket();
    browser = await launchBrowser();
    const admin = await signInAdmin(market);
    staffId = (await request(market.url).post('/api/staff').set(bearer(admin)).send(STAFF).expect(201)).body.id as string;
    employer = await verifiedEmployer(market, '13600000701');
    page = await (await browser.newContext(desk)).newPage();
    errors = collectErrors(page);
  });
  afterAll(async () => {
    await browser?.close();
    await market?.close();
  });

  async function accessible(): Promise<void> {
    expect(await seriousViolations(page)).toEqual([]);
  }
  /** The focused control's name (the `name` of the input, select or checkbox that has the keyboard). */
  const focused = () => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? document.activeElement?.tagName);
  /** Tab (or Shift+Tab), and nothing else, until the keyboard reaches the named control. */
  async function tabTo(name: string, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
    for (let presses = 0; presses < 25; presses++) {
      if ((await focused()) === name) return;
      await page.keyboard.press(key);
    }
    throw new Error(`Tab never reached ${name} (at ${await focused()})`);
  }

  it('signs in with phone and password, by keyboard', async () => {
    await page.goto(`${market.url}/staff/`);
    await page.getByRole('heading', { name: /员工登录/ }).waitFor();
    await accessible();
    expect(await focused()).toBe('phone');
    await page.keyboard.type(STAFF.phone);
    await tabTo('password');
    await page.keyboard.type('wrong-password');
    await tabTo('desk');
    await page.keyboard.type(DESK);
    await page.keyboard.press('Enter');
    await page.getByText('手机号或密码不对').waitFor();
    await tabTo('password');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(STAFF.password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: '请选择服务区' }).waitFor();
    await page.getByText(DESK).waitFor();
    await accessible();
  });

  it('registers a walk-in with no phone by keyboard alone, the consent recorded with who, when and where', async () => {
    await page.getByRole('link', { name: '现场登记', exact: true }).click();
    await page.getByRole('heading', { name: '现场登记求职者' }).waitFor();
    await accessible();
    expect(await focused()).toBe('name');

    // Enter saves from any text field; what is missing is said next to it, in plain Chinese.
    await page.keyboard.type('李秀英');
    await page.keyboard.press('Enter');
    await page.getByText('请填写 11 位手机号').waitFor();
    await tabTo('noPhone');
    await page.keyboard.press('Space');

    // The resident ID is checked as it is typed, by the national rule.
    await tabTo('residentId');
    await page.keyboard.type(wrongId.slice(0, 10));
    await page.getByText('还差 8 位').waitFor();
    await page.keyboard.type(wrongId.slice(10));
    await page.getByText('身份证号不对').waitFor();
    await accessible();
    await page.keyboard.press('Backspace');
    await page.keyboard.type(validId.slice(-1));
    await page.getByText('身份证号校验通过').waitFor();

    // Choices by their number: 3 is 海城街道, 1 is 搬运装卸.
    await tabTo('street');
    await page.keyboard.type('3');
    await page.keyboard.press('Enter');
    await tabTo('skills');
    await page.keyboard.type('1');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await tabTo('priorityGroup');
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    await tabTo('priorityConsent');
    await page.keyboard.press('Space');

    // The consent text is there to be read aloud; without the tick nothing is saved.
    await page.getByText('龙湾零工市场会保存您的姓名').waitFor();
    await tabTo('name', 'Shift+Tab');
    await page.keyboard.press('Enter');
    await page.getByText('请向本人读出说明').waitFor();
    await tabTo('consent');
    await page.keyboard.press('Space');
    await tabTo('name', 'Shift+Tab');
    await page.keyboard.press('Enter');

    await page.getByText('已登记：李秀英').waitFor();
    await page.getByText(`同意记录：${STAFF.phone}`).waitFor();
    await accessible();
    // Ready for the next person in the queue.
    expect(await focused()).toBe('name');
    expect(await page.locator('input[name="name"]').inputValue()).toBe('');

    const rows = await market.db.query(
      `SELECT id, phone, street, skills, resident_id_last4, priority_group FROM workers WHERE name = '李秀英'`,
    );
    expect(rows.rows).toEqual([
      expect.objectContaining({
        phone: null,
        street: '海城街道',
        skills: [{ code: 'loading', years: 1 }],
        resident_id_last4: validId.slice(-4),
        priority_group: 'disability',
      }),
    ]);
    const consents = await market.db.query(
      `SELECT purpose, channel, recorded_by, location, recorded_at FROM worker_consents WHERE worker_id = $1 ORDER BY purpose`,
      [rows.rows[0].id],
    );
    expect(consents.rows.map((row) => [row.purpose, row.channel, row.recorded_by, row.location])).toEqual([
      ['data_processing', 'desk', staffId, DESK],
      ['priority_group', 'desk', staffId, DESK],
      ['sms_alerts', 'desk', staffId, DESK],
    ]);
    expect(Date.now() - new Date(consents.rows[0].recorded_at as string).getTime()).toBeLessThan(60_000);
  });

  it('refers her to a shift and prints her an A5 referral slip with the booking number', async () => {
    const shift = (
      await request(market.url)
        .post('/api/shifts')
        .set(bearer(employer.token))
        .send(
          shiftInput(
            { publish: true, title: '海城仓库 卸货', street: '海城街道', address: '龙湾区海城街道某仓库', lat: 27.87, lng: 120.78 },
            2,
          ),
        )
        .expect(201)
    ).body as { id: string };

    await page
      .getByRole('link', { name: /职业介绍区/ })
      .first()
      .click();
    await page.getByRole('heading', { name: '职业介绍' }).waitFor();
    await page.getByRole('combobox', { name: '岗位' }).click();
    await page.keyboard.type('海城仓库');
    await page.keyboard.press('Enter');
    const candidate = page.getByRole('listitem').filter({ hasText: '李秀英' });
    await candidate.getByText('技能').first().waitFor();
    await candidate.getByText(/照顾/).first().waitFor();
    await accessible();
    await page.getByRole('button', { name: '推荐 李秀英 去 海城仓库 卸货' }).click();
    await page.getByText(/已推荐 李秀英 去“海城仓库 卸货”/).waitFor();

    // The employer sees the booking (through the API), its source a referral.
    const bookings = (await request(market.url).get('/api/bookings').query({ shiftId: shift.id }).set(bearer(employer.token)).expect(200))
      .body.items as {
      id: string;
      source: string;
    }[];
    expect(bookings).toEqual([expect.objectContaining({ source: 'referral' })]);
    const bookingId = bookings[0]!.id;

    await page.getByRole('link', { name: '打印介绍信' }).click();
    await page.getByRole('heading', { name: /介绍信/ }).waitFor();
    await page.getByText(bookingId).waitFor();
    await page.getByRole('img', { name: '打开这份工作的二维码' }).waitFor();
    await accessible();

    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const { pages, text } = pdfText(pdf);
    const flat = text.replace(/\s+/g, '');
    expect(pages).toBe(1);
    expect(flat).toContain(bookingId);
    expect(flat).toContain('李秀英');
    expect(flat).toContain('海城仓库卸货');
    expect(flat).toContain('陈经理13600000701');
    // A5 portrait: 148 × 210 mm is 420 × 595 points.
    const size = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
    expect([Math.round(Number(size![1])), Math.round(Number(size![2]))]).toEqual([420, 595]);
    // The wrong password's 401 is the only failed request.
    expect(errors.filter((error) => !/status of 401/.test(error))).toEqual([]);
  });
});
