import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { budgets, measureFaces, overBudget } from '../../scripts/client-size-report';
import { startMarket, type Market } from '../support/market';

describe('the built pages as the front door serves them', () => {
  let market: Market;
  beforeAll(async () => {
    market = await startMarket();
  });
  afterAll(() => market.close());

  it('keeps each face’s first view within its budget (slow 3G phones: /m ≤ 200 KB, the kiosk ≤ 150 KB, gzip)', () => {
    const sizes = measureFaces();
    expect(sizes.map((size) => size.face).sort()).toEqual(Object.keys(budgets).sort());
    for (const size of sizes)
      expect({ face: size.face, over: overBudget(size), gzip: size.gzip }).toMatchObject({ face: size.face, over: false });
  });

  it('answers the page routes with our scripts only, never framed (but the kiosk by its setting), pages never cached', async () => {
    const phone = await request(market.url).get('/m/offers').expect(200);
    expect(phone.text).toContain('<div id="app">');
    expect(phone.headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
    expect(phone.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(phone.headers['x-frame-options']).toBe('DENY');
    expect(phone.headers['cache-control']).toBe('no-cache');

    // The staff console routes inside its page too: a deep link (a slip to print again) opens it.
    const desk = await request(market.url).get('/staff/slips/00000000-0000-4000-8000-000000000000').expect(200);
    expect(desk.text).toContain('<title>龙湾零工市场 · 工作台</title>');
    expect(desk.headers['x-frame-options']).toBe('DENY');
    expect(desk.headers['cache-control']).toBe('no-cache');

    const kiosk = await request(market.url).get('/kiosk').expect(200);
    expect(kiosk.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(kiosk.headers['x-frame-options']).toBeUndefined();

    const api = await request(market.url).get('/api/shifts').expect(200);
    expect(api.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    await request(market.url).get('/').expect(302).expect('location', '/m');
  });

  it('serves hashed assets for a year, brotli to those who take it', async () => {
    const html = readFileSync(join(resolve('dist/client'), 'm/index.html'), 'utf8');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    const brotli = await request(market.url)
      .get(script)
      .set('accept-encoding', 'br, gzip')
      .buffer(true)
      .parse((response, done) => {
        response.on('data', () => undefined);
        response.on('end', () => done(null, null));
      });
    expect(brotli.status).toBe(200);
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers['cache-control']).toContain('immutable');
    expect(brotli.headers['cache-control']).toContain('max-age=31536000');
    await request(market.url).get('/assets/nothing-here.js').expect(404);
  });
});
