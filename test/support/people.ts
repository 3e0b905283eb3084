import request from 'supertest';
import type { Market } from './market';
import { waitFor } from './wait-for';

export interface Sms {
  phone: string;
  text: string;
  createdAt: string;
  status: string;
}

export async function smsTo(market: Market, phone: string): Promise<Sms[]> {
  const response = await request(market.url).get('/api/dev/sms').query({ phone }).expect(200);
  return (response.body as { items: Sms[] }).items;
}

/** Waits until `phone` has received a message matching `pattern` (sent, not just queued). */
export async function waitForSms(market: Market, phone: string, pattern: RegExp): Promise<Sms> {
  const items = await waitFor(
    `an SMS to ${phone} matching ${pattern}`,
    () => smsTo(market, phone),
    (messages) => messages.some((sms) => pattern.test(sms.text) && sms.status === 'sent'),
  );
  return items.find((sms) => pattern.test(sms.text))!;
}

/** Signs in the way a person does: ask for a code, read it from the SMS, send it back. */
export async function signIn(market: Market, phone: string, role: 'worker' | 'employer'): Promise<string> {
  await request(market.url).post('/api/auth/otp').send({ phone }).expect(202);
  const sms = await waitForSms(market, phone, /验证码是\d{6}/);
  const code = /验证码是(\d{6})/.exec(sms.text)![1];
  const response = await request(market.url).post('/api/auth/login').send({ phone, code, role }).expect(200);
  return (response.body as { accessToken: string }).accessToken;
}

export const bootstrapAdmin = { phone: '13900000000', password: 'lingong-admin-2026' };

export async function signInAdmin(market: Market): Promise<string> {
  const response = await request(market.url).post('/api/auth/staff-login').send(bootstrapAdmin).expect(200);
  return (response.body as { accessToken: string }).accessToken;
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** A valid shift input of API.md, starting `daysAhead` days from now at 08:00 market time. */
export function shiftInput(overrides: Record<string, unknown> = {}, daysAhead = 3) {
  const day = new Date(Date.now() + daysAhead * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
  return {
    title: '仓库搬运 日结',
    description: '卸货、理货，需能搬 25 公斤',
    category: 'loading',
    employmentType: 'temporary',
    street: '永中街道',
    address: '龙湾区永中街道某仓库',
    lat: 27.93,
    lng: 120.8,
    startsAt: `${day}T08:00:00+08:00`,
    endsAt: `${day}T17:00:00+08:00`,
    headcount: 5,
    pay: { amountFen: 22000, unit: 'day', settlement: 'daily' },
    requirements: { skills: ['loading'], certificates: [] },
    ...overrides,
  };
}

/** A seeker signed in with a profile of their own, made through the API. */
export async function seekerWithProfile(
  market: Market,
  phone: string,
  profile: Record<string, unknown> = {},
): Promise<{ token: string; id: string }> {
  const token = await signIn(market, phone, 'worker');
  const created = await request(market.url).post('/api/workers').set(bearer(token)).send(workerInput(profile)).expect(201);
  return { token, id: created.body.id as string };
}

export function workerInput(overrides: Record<string, unknown> = {}) {
  return {
    name: '王建国',
    street: '永中街道',
    lat: 27.93,
    lng: 120.81,
    maxDistanceKm: 10,
    skills: [{ code: 'loading', years: 3 }],
    certificates: [],
    availability: [{ day: 1, start: '07:00', end: '19:00' }],
    expectedDailyPayFen: 20000,
    hasSmartphone: false,
    consent: { dataProcessing: true, sms: true },
    ...overrides,
  };
}
