import { waitFor } from '../../test/support/wait-for';

export interface Answer<T = unknown> {
  status: number;
  body: T;
}

/** A client of the front door over fetch: JSON in, status and JSON (or text) out. */
export class Api {
  constructor(readonly base: string) {}

  async call<T = unknown>(method: string, path: string, options: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {}): Promise<Answer<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.raw !== undefined) {
      body = options.raw;
      headers['content-type'] ??= 'application/json';
    } else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(`${this.base}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed as T };
  }

  post<T = unknown>(path: string, token?: string, body?: unknown): Promise<Answer<T>> {
    return this.call<T>('POST', path, { token, body });
  }

  get<T = unknown>(path: string, token?: string): Promise<Answer<T>> {
    return this.call<T>('GET', path, { token });
  }

  /** Fails with what was answered unless the status is `status`. */
  async expect<T = unknown>(status: number, answer: Promise<Answer<T>>, what: string): Promise<T> {
    const got = await answer;
    if (got.status !== status) throw new Error(`${what}: expected ${status}, got ${got.status} ${JSON.stringify(got.body).slice(0, 500)}`);
    return got.body;
  }

  /** Signs in as a person does: a code by SMS (read from the development inbox), sent back. */
  async signIn(phone: string, role: 'worker' | 'employer'): Promise<string> {
    await this.expect(202, this.post('/api/auth/otp', undefined, { phone }), `a code for ${phone}`);
    const items = await waitFor(
      `the sign-in code to ${phone}`,
      async () => ((await this.get<{ items: { text: string; status: string }[] }>(`/api/dev/sms?phone=${phone}`)).body?.items ?? []),
      (messages) => messages.some((sms) => /验证码是\d{6}/.test(sms.text) && sms.status === 'sent'),
      60_000,
    );
    const code = /验证码是(\d{6})/.exec(items.find((sms) => /验证码是\d{6}/.test(sms.text))!.text)![1];
    return (await this.expect<{ accessToken: string }>(200, this.post('/api/auth/login', undefined, { phone, code, role }), `signing ${phone} in`)).accessToken;
  }

  async signInAdmin(): Promise<string> {
    const body = await this.expect<{ accessToken: string }>(200, this.post('/api/auth/staff-login', undefined, { phone: '13900000000', password: 'lingong-admin-2026' }), 'the admin signing in');
    return body.accessToken;
  }

  /** An employer account with a profile, verified by staff. */
  async verifiedEmployer(phone: string, staffToken: string, name = '龙湾某鞋业有限公司'): Promise<{ token: string; id: string }> {
    const token = await this.signIn(phone, 'employer');
    const created = await this.expect<{ id: string }>(
      201,
      this.post('/api/employers', token, { name, contactName: '陈经理', street: '永中街道', address: '龙湾区永中街道某路1号' }),
      'an employer profile',
    );
    await this.expect(200, this.post(`/api/employers/${created.id}/verify`, staffToken), 'verifying the employer');
    return { token, id: created.id };
  }
}

/** Runs `work` over `items` with at most `limit` at once, in order of the items. */
export async function inParallel<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  });
  await Promise.all(lanes);
  return results;
}

/** A phone number of the drill's own range: 137 + 8 digits. */
export const phoneOf = (prefix: string, n: number) => `${prefix}${String(n).padStart(11 - prefix.length, '0')}`;
