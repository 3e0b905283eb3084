import request from 'supertest';
import type { Market } from './market';
import { bearer, signIn, signInAdmin } from './people';

/** An employer account with a profile, verified by staff unless asked otherwise. */
export async function verifiedEmployer(market: Market, phone: string, name = '龙湾某鞋业有限公司', verify = true) {
  const token = await signIn(market, phone, 'employer');
  const created = await request(market.url)
    .post('/api/employers')
    .set(bearer(token))
    .send({ name, contactName: '陈经理', street: '永中街道', address: '龙湾区永中街道某路1号' })
    .expect(201);
  if (verify)
    await request(market.url)
      .post(`/api/employers/${created.body.id}/verify`)
      .set(bearer(await signInAdmin(market)))
      .expect(200);
  return { token, id: created.body.id as string };
}

/** A time `minutes` from now, as ISO with the market's offset. */
export function minutesFromNow(minutes: number): string {
  const local = new Date(Date.now() + minutes * 60_000 + 8 * 3_600_000);
  return `${local.toISOString().slice(0, 16)}:00+08:00`;
}
