/// <reference lib="dom" />
// Functions given to page.evaluate run in the browser, hence the DOM types.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { verifiedEmployer } from '../support/employers';
import { startMarket, type Market } from '../support/market';
import { bearer, seekerWithProfile, shiftInput, signInAdmin } from '../support/people';
import { collectErrors, launchBrowser, seriousViolations } from './support/browser';

/** A desk in the hall: a 1280×800 screen. */
const desk = { viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };
const everyDay = Array.from({ length: 7 }, (_, i) => ({ day: i + 1, start: '06:00', end: '22:00' }));

interface Placed {
  shiftId: string;
  workerId: string;
}

describe('the crews desk and the office (/staff) at 1280×800', () => {
  let market: Market;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let staff: string;

  beforeAll(async () => {
    market = await startMarket();
    browser = await launchBrowser();
    staff = await signInAdmin(market);
    const account = (await request(market.url).get('/api/me').set(bearer(staff)).expect(200)).body;
    context = await browser.newContext(desk);
    // Signed in at this desk (the sign-in page is the shell's, tested with it).
    await context.addInitScript(
      (value) => sessionStorage.setItem('lingong.staff.session', value),
      JSON.stringify({ accessToken: staff, account, desk: '劳务对接区 1 号台' }),
    );
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

  it('runs a dispatch plan of three shifts: chooses them, reads the plan, moves one person by hand and confirms', async () => {
    const employer = await verifiedEmployer(market, '13600000701', '龙湾某电器厂');
    const post = async (overrides: Record<string, unknown>, daysAhead: number) =>
      (
        await request(market.url)
          .post('/api/shifts')
          .set(bearer(employer.token))
          .send(shiftInput({ publish: true, ...overrides }, daysAhead))
          .expect(201)
      ).body as {
        id: string;
      };
    // Two shifts at the same hours, the second 3 km further, and one the next day. Two people:
    // the solver puts both on the nearer shift; staff move one to the other, so each employer gets someone.
    const near = await post({ title: '电器装配 近', headcount: 2 }, 4);
    const far = await post({ title: '电器装配 远', headcount: 1, lat: 27.96, address: '龙湾区永中街道北厂' }, 4);
    const next = await post({ title: '仓库理货 次日', headcount: 1 }, 5);
    const first = await seekerWithProfile(market, '13700000701', { name: '周一鸣', availability: everyDay });
    const second = await seekerWithProfile(market, '13700000702', { name: '吴二妹', lng: 120.812, availability: everyDay });
    const names: Record<string, string> = { [first.id]: '周一鸣', [second.id]: '吴二妹' };

    await page.goto(`${market.url}/staff/crews`);
    await page.getByRole('heading', { name: '1. 选岗位' }).waitFor();
    await page.getByText('电器装配 远').waitFor();
    await accessible();
    for (const title of ['电器装配 近', '电器装配 远', '仓库理货 次日']) await page.getByLabel(`选择 ${title}`).check();
    await page.getByText('已选 3 个岗位').waitFor();
    await page.getByRole('button', { name: '生成派工方案' }).click();
    await page.getByRole('heading', { name: '2. 派工方案' }).waitFor();
    await page.getByText('还缺 1 人: 合适的人都已派到同一时间的其他岗位').waitFor();
    await accessible();

    const planId = (await market.db.query(`SELECT id FROM dispatch_plans ORDER BY created_at DESC LIMIT 1`)).rows[0].id as string;
    const proposed = (await market.db.query(`SELECT assignments FROM dispatch_plans WHERE id = $1`, [planId])).rows[0]
      .assignments as Placed[];
    expect(proposed.filter((a) => a.shiftId === near.id)).toHaveLength(2);
    expect(proposed.filter((a) => a.shiftId === far.id)).toHaveLength(0);
    const moved = proposed.find((a) => a.shiftId === near.id)!.workerId;

    await page.getByLabel(`把 ${names[moved]} 从“电器装配 近”改派到`).selectOption({ label: '改派到 电器装配 远' });
    await page.getByText(/已手工调整/).waitFor();
    await page.getByText('系统最优总分').waitFor();
    await accessible();

    await page.getByRole('button', { name: '确认派工' }).click();
    await page.getByText('已派工：3 人已预约并通知').waitFor();
    await accessible();

    const booked = await market.db.query(`SELECT shift_id, worker_id FROM bookings WHERE source = 'dispatch' AND status = 'confirmed'`);
    const byShift = new Map<string, string[]>();
    for (const row of booked.rows as { shift_id: string; worker_id: string }[])
      byShift.set(row.shift_id, [...(byShift.get(row.shift_id) ?? []), row.worker_id]);
    expect(byShift.get(far.id)).toEqual([moved]);
    expect(byShift.get(near.id)).toHaveLength(1);
    expect(byShift.get(near.id)).not.toContain(moved);
    expect(byShift.get(next.id)).toHaveLength(1);
    const bookings = (await request(market.url).get('/api/bookings').query({ workerId: moved }).set(bearer(staff)).expect(200)).body.items;
    expect(bookings.map((b: { shiftId: string }) => b.shiftId)).toContain(far.id);
  });

  it('reviews shifts, reports and employers in the office, each page accessible', async () => {
    const newcomer = await verifiedEmployer(market, '13600000702', '龙湾某新店', false);
    for (const title of ['开业促销', '门店保洁']) {
      await request(market.url)
        .post('/api/shifts')
        .set(bearer(newcomer.token))
        .send(shiftInput({ publish: true, title, category: 'promotion' }, 3))
        .expect(201);
    }

    await page.goto(`${market.url}/staff/office/review`);
    await page.getByRole('heading', { name: '待审核岗位' }).waitFor();
    await page.getByText('开业促销').waitFor();
    await accessible();
    await page.getByRole('button', { name: '通过 开业促销', exact: true }).click();
    await page.getByText('已通过：开业促销').waitFor();
    await page.getByRole('button', { name: '不通过 门店保洁' }).click();
    await page.getByRole('dialog').waitFor();
    await accessible();
    await page.getByRole('button', { name: '确认不通过' }).click();
    await page.getByText('请写明原因').waitFor();
    await page.getByLabel('原因（会记录在岗位上）').fill('地址不实');
    await page.getByRole('button', { name: '确认不通过' }).click();
    await page.getByText('已不通过：门店保洁').waitFor();
    await page.getByText('没有待审核的岗位').waitFor();

    // A seeker reports the approved shift: staff see it, suspend the employer, and close the report.
    const opened = (await request(market.url).get('/api/shifts').query({ q: '开业促销' }).expect(200)).body.items[0];
    const reporter = await seekerWithProfile(market, '13700000703', { name: '郑三强' });
    await request(market.url)
      .post(`/api/shifts/${opened.id}/reports`)
      .set(bearer(reporter.token))
      .send({ reason: 'fake', detail: '到了现场没有这个活' })
      .expect(201);
    await page.getByRole('link', { name: '举报' }).click();
    await page.getByText('到了现场没有这个活').waitFor();
    await accessible();
    await page.getByRole('button', { name: '暂停用工方 龙湾某新店' }).click();
    await page.getByLabel('暂停原因').fill('虚假招聘');
    await page.getByRole('button', { name: '确认暂停' }).click();
    await page.getByText('已暂停：龙湾某新店').waitFor();
    await page.getByRole('button', { name: '把这条举报标为已处理' }).click();
    await page.getByText('没有待处理的举报').waitFor();

    await page.getByRole('link', { name: '用工方核实' }).click();
    await page.getByRole('heading', { name: '用工方核实' }).waitFor();
    await page.getByLabel('已暂停').check();
    await page.getByText('虚假招聘').waitFor();
    await accessible();
    await page.getByRole('button', { name: '恢复 龙湾某新店' }).click();
    await page.getByText('已恢复：龙湾某新店').waitFor();
    await page.getByLabel('待核实').check();
    await page.getByRole('button', { name: '核实通过 龙湾某新店' }).click();
    await page.getByText('已核实：龙湾某新店').waitFor();

    // A day's work of the crew, done and not paid by its settle-by date.
    await market.db.query(
      `UPDATE bookings SET status = 'completed', minutes_worked = 540, pay_owed_fen = 22000, checked_in_at = now() - interval '3 days',
              checked_out_at = now() - interval '3 days', settle_by = now() - interval '2 days'
        WHERE id = (SELECT b.id FROM bookings b JOIN shifts s ON s.id = b.shift_id WHERE s.title = '仓库理货 次日')`,
    );
    await page.getByRole('link', { name: '欠薪' }).click();
    const owed = page.getByRole('row', { name: /仓库理货 次日/ });
    await owed.waitFor();
    expect(await owed.textContent()).toMatch(/龙湾某电器厂.*220 元.*2 天/);
    await page.getByText('共 1 笔，220 元').waitFor();
    await accessible();
  });

  it('shows the day’s dashboard with its charts, and a month report ready to print on A4', async () => {
    await page.goto(`${market.url}/staff/office`);
    await page.getByRole('heading', { name: '今日看板' }).waitFor();
    await page.locator('[data-figure="bookings-today"]').filter({ hasText: '3' }).waitFor();
    await page.locator('.chart svg').first().waitFor();
    expect(await page.locator('.chart svg').count()).toBe(5);
    expect(await page.getByRole('img', { name: /近 30 天每日预约：3/ }).count()).toBe(1);
    await accessible();
    expect(await page.getByRole('link', { name: /任务队列/ }).getAttribute('href')).toMatch(/:3004\/queues\/login$/);
    // English on request: the office's own texts too.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Today' }).waitFor();
    await page.getByText('Bookings per day, last 30 days').waitFor();
    await accessible();
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { name: '今日看板' }).waitFor();

    await page.getByRole('link', { name: '月报（打印）' }).click();
    await page.getByRole('heading', { name: /运行月报/ }).waitFor();
    await page.getByRole('row', { name: /预约人次 3/ }).waitFor();
    await accessible();
    // On paper: no controls, A4 (210 mm wide, about 794 CSS px) for the report, whatever the slips use.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: '打印' }).isVisible()).toBe(false);
    const pdf = await page.pdf({ preferCSSPageSize: true });
    const size = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf.toString('latin1'));
    expect(size && [Math.round(Number(size[1])), Math.round(Number(size[2]))]).toEqual([595, 842]);
    await page.emulateMedia({ media: 'screen' });
    expect(errors).toEqual([]);
  });
});
