import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { freePort } from '../test/support/free-port';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';
import { readEnvFile } from '@lingong/config';
import { percentile } from './bench/util';

/**
 * `npm run bench:urgent`: publish-to-first-offer time while a publish storm runs (issue 11).
 *
 * Starts the five apps as their own processes on a database of its own (BENCH_DATABASE, default
 * lingong_bench_urgent, dropped and created afresh, migrated) and a BullMQ prefix of its own,
 * with a local SMS gateway that takes BENCH_GATEWAY_MS (default 50) to answer each message. Seeds
 * BENCH_ALERTED (default 2,000) seekers who fit every shift and take alerts, then publishes
 * BENCH_SHIFTS (default 20) shifts, one every BENCH_SPACING_MS (default 250), each alerting them
 * all, and asks for a sign-in code with each. Prints, over the shifts, the time from the publish's
 * answer to the first of its offers reaching the gateway, and from a code's request to its SMS
 * there: p50, p95 and max, and how many alerts were still unsent when the last offer went out.
 *
 * The apps take their settings from .env / .env.example like `npm run start:all`, on free ports
 * (never 3000-3004). BENCH_KEEP=1 keeps the database (and the run's queues in Redis) afterwards. The first part of the breakdown reads
 * the offers' and messages' created_at, the database's clock: run it against a local PostgreSQL.
 */
const ALERTED = Number(process.env.BENCH_ALERTED ?? 2_000);
const SHIFTS = Number(process.env.BENCH_SHIFTS ?? 20);
const SPACING_MS = Number(process.env.BENCH_SPACING_MS ?? 250);
const GATEWAY_MS = Number(process.env.BENCH_GATEWAY_MS ?? 50);
/** How long to wait for any one offer or code (BENCH_WAIT_S): behind a backlog of alerts it can be minutes. */
const WAIT_MS = Number(process.env.BENCH_WAIT_S ?? 600) * 1000;
const database = process.env.BENCH_DATABASE || 'lingong_bench_urgent';
const keep = process.env.BENCH_KEEP === '1';
const root = resolve(__dirname, '..');
const env = { ...readEnvFile(root), ...process.env };
const ADMIN = { phone: env.BOOTSTRAP_ADMIN_PHONE ?? '13900000000', password: env.BOOTSTRAP_ADMIN_PASSWORD ?? 'lingong-admin-2026' };
const EMPLOYER_PHONE = '13600000001';

const t0 = performance.now();
function log(line: string): void {
  console.log(`[${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s] ${line}`);
}

if (!database.includes('bench')) throw new Error(`BENCH_DATABASE must contain "bench" (it is dropped): ${database}`);

/** What reached the gateway, in order: when, to whom, what. */
const arrivals: { at: number; phone: string; text: string }[] = [];

function startGateway(): Promise<Server> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const message = JSON.parse(body) as { messageId: string; phone: string; text: string };
      arrivals.push({ at: Date.now(), phone: message.phone, text: message.text });
      setTimeout(
        () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `gw-${message.messageId}` })),
        GATEWAY_MS,
      );
    });
  });
  return new Promise((listening) => server.listen(0, '127.0.0.1', () => listening(server)));
}

function pgClient(name: string): Client {
  return new Client({
    host: env.DATABASE_HOST ?? '127.0.0.1',
    port: Number(env.DATABASE_PORT ?? 5432),
    user: env.DATABASE_USER ?? 'postgres',
    password: env.DATABASE_PASSWORD ?? '',
    database: name,
  });
}

async function admin(sql: string): Promise<void> {
  const client = pgClient(env.BENCH_ADMIN_DATABASE ?? 'postgres');
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

type App = 'job-posting' | 'worker-profile' | 'matching' | 'worker' | 'web';
const portSetting: Record<App, string> = {
  web: 'WEB_PORT',
  'job-posting': 'JOB_POSTING_PORT',
  'worker-profile': 'WORKER_PROFILE_PORT',
  matching: 'MATCHING_PORT',
  worker: 'WORKER_PORT',
};
const children: ChildProcess[] = [];

async function startApp(app: App, port: number, appEnv: Record<string, string>): Promise<void> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', `apps/${app}/src/main.ts`], {
    cwd: root,
    env: { ...process.env, ...appEnv, [portSetting[app]]: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.push(child);
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
  for (const started = Date.now(); Date.now() - started < 90_000;) {
    if (child.exitCode !== null) throw new Error(`${app} exited (${child.exitCode}):\n${errors}`);
    const ready = await fetch(`http://127.0.0.1:${port}/health/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((wait) => setTimeout(wait, 250));
  }
  throw new Error(`${app} did not become ready:\n${errors}`);
}

async function api<T>(base: string, method: string, path: string, body?: object, token?: string): Promise<T> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { ...(body && { 'content-type': 'application/json' }), ...(token && { authorization: `Bearer ${token}` }) },
    body: body && JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

async function until<T>(what: string, probe: () => T | undefined, timeoutMs = WAIT_MS): Promise<T> {
  for (const started = Date.now(); Date.now() - started < timeoutMs;) {
    const found = probe();
    if (found !== undefined) return found;
    await new Promise((wait) => setTimeout(wait, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const codeTo = (phone: string) =>
  until(
    `a sign-in code to ${phone}`,
    () => /验证码是(\d{6})/.exec(arrivals.find((sms) => sms.phone === phone && /验证码是\d{6}/.test(sms.text))?.text ?? '')?.[1],
  );

function shiftInput(index: number) {
  const day = new Date(Date.now() + (2 + index) * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
  return {
    title: `搬运 风暴${index}`,
    description: '卸货、理货',
    category: 'loading',
    employmentType: 'temporary',
    street: '永中街道',
    address: '龙湾区永中街道某仓库',
    lat: 27.93,
    lng: 120.8,
    startsAt: `${day}T08:00:00+08:00`,
    endsAt: `${day}T17:00:00+08:00`,
    headcount: 2,
    pay: { amountFen: 22000, unit: 'day', settlement: 'daily' },
    requirements: { skills: ['loading'], certificates: [] },
    publish: true,
  };
}

function summary(what: string, values: number[]): string {
  const fmt = (value: number) => `${(value / 1000).toFixed(2)} s`;
  return `${what.padEnd(46)} n=${values.length}  p50 ${fmt(percentile(values, 50))}  p95 ${fmt(percentile(values, 95))}  max ${fmt(Math.max(...values))}`;
}

async function main(): Promise<void> {
  const gateway = await startGateway();
  const gatewayPort = (gateway.address() as { port: number }).port;
  await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${database}`);
  execFileSync(process.execPath, ['-r', '@swc-node/register', 'scripts/migrate.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_NAME: database },
    stdio: 'ignore',
  });
  const db = pgClient(database);
  await db.connect();
  const everyDay = JSON.stringify(Array.from({ length: 7 }, (_, i) => ({ day: i + 1, start: '06:00', end: '22:00' })));
  await db.query(
    `INSERT INTO workers (phone, name, street, lat, lng, skills, availability, consent_data_processing_at, consent_sms, status)
     SELECT '138' || lpad(i::text, 8, '0'), '待通知' || i, '永中街道', 27.93, 120.8 + i * 0.00001, '[{"code": "loading", "years": 2}]'::jsonb, $2::jsonb, now(), true, 'active'
       FROM generate_series(1, $1) AS i`,
    [ALERTED, everyDay],
  );
  log(`database ${database} migrated, ${ALERTED} seekers who take alerts`);

  const ports = Object.fromEntries(
    await Promise.all((Object.keys(portSetting) as App[]).map(async (app) => [app, await freePort()] as const)),
  ) as Record<App, number>;
  const url = (app: App) => `http://127.0.0.1:${ports[app]}`;
  const common = {
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    DATABASE_NAME: database,
    QUEUE_PREFIX: `bench-${randomBytes(4).toString('hex')}`,
    SMS_QUIET_HOURS: 'off',
    SMS_ALERTS_PER_PHONE_PER_DAY: String(SHIFTS + 5),
    SMS_ALERTS_PER_SHIFT: String(ALERTED),
    WEB_URL: url('web'),
    JOB_POSTING_URL: url('job-posting'),
    WORKER_PROFILE_URL: url('worker-profile'),
    MATCHING_URL: url('matching'),
    SMS_PROVIDER: 'http',
    SMS_HTTP_URL: `http://127.0.0.1:${gatewayPort}/send`,
    SMS_HTTP_KEY_ID: 'lingong',
    SMS_HTTP_SECRET: 'gateway-secret-for-the-bench',
  };
  for (const app of ['job-posting', 'worker-profile', 'matching', 'worker', 'web'] as App[]) await startApp(app, ports[app], common);
  log('five apps ready');

  const web = url('web');
  await api(web, 'POST', '/api/auth/otp', { phone: EMPLOYER_PHONE });
  const { accessToken: employer } = await api<{ accessToken: string }>(web, 'POST', '/api/auth/login', {
    phone: EMPLOYER_PHONE,
    code: await codeTo(EMPLOYER_PHONE),
    role: 'employer',
  });
  const profile = await api<{ id: string }>(
    web,
    'POST',
    '/api/employers',
    { name: '龙湾压测有限公司', contactName: '陈经理', street: '永中街道', address: '龙湾区永中街道某路1号' },
    employer,
  );
  const { accessToken: staff } = await api<{ accessToken: string }>(web, 'POST', '/api/auth/staff-login', ADMIN);
  await api(web, 'POST', `/api/employers/${profile.id}/verify`, undefined, staff);
  log(`storm: ${SHIFTS} shifts, one every ${SPACING_MS} ms, each alerting ${ALERTED}; gateway answers in ${GATEWAY_MS} ms`);

  const published: { title: string; at: number }[] = [];
  const codes: { phone: string; at: number }[] = [];
  const storm: Promise<void>[] = [];
  for (let i = 0; i < SHIFTS; i++) {
    const input = shiftInput(i);
    storm.push(
      api(web, 'POST', '/api/shifts', input, employer).then(() => {
        published.push({ title: input.title, at: Date.now() });
      }),
    );
    const phone = `1370000${String(1000 + i).padStart(4, '0')}`;
    const asked = Date.now();
    storm.push(
      api(web, 'POST', '/api/auth/otp', { phone }).then(() => {
        codes.push({ phone, at: asked });
      }),
    );
    await new Promise((wait) => setTimeout(wait, SPACING_MS));
  }
  await Promise.all(storm);

  const offerTimes = await Promise.all(
    published.map(
      async ({ title, at }) =>
        (await until(`an offer of ${title}`, () => arrivals.find((sms) => sms.text.includes(`岗位邀请：${title}`))?.at)) - at,
    ),
  );
  const codeTimes = await Promise.all(
    codes.map(async ({ phone, at }) => (await until(`a code to ${phone}`, () => arrivals.find((sms) => sms.phone === phone)?.at)) - at),
  );
  const alertsSent = arrivals.filter((sms) => sms.text.includes('新零工')).length;
  // Where the time went, per shift: matching's run (the offers made), the offer's event handled (its SMS written), the SMS queued and sent.
  const steps = await db.query(
    `SELECT s.title, extract(epoch from min(o.created_at)) * 1000 AS "offerMade", extract(epoch from min(n.created_at)) * 1000 AS "smsWritten"
       FROM shifts s JOIN offers o ON o.shift_id = s.id JOIN notifications n ON n.dedupe_key = 'offer:' || o.id GROUP BY s.id, s.title`,
  );
  const stepsOf = new Map((steps.rows as { title: string; offerMade: number; smsWritten: number }[]).map((row) => [row.title, row]));
  const firstOffer = new Map(published.map(({ title }) => [title, arrivals.find((sms) => sms.text.includes(`岗位邀请：${title}`))!.at]));
  const made = published.map(({ title, at }) => Number(stepsOf.get(title)!.offerMade) - at);
  const written = published.map(({ title }) => Number(stepsOf.get(title)!.smsWritten) - Number(stepsOf.get(title)!.offerMade));
  const sent = published.map(({ title }) => firstOffer.get(title)! - Number(stepsOf.get(title)!.smsWritten));
  const { rows } = await db.query(
    `SELECT count(*)::int AS n FROM notifications WHERE kind = 'shift_alert' AND status IN ('queued', 'sending')`,
  );
  log(summary('publish → first offer SMS at the gateway', offerTimes));
  log(summary('  of which: publish → offers made (matching)', made));
  log(summary('  then: offer made → its SMS written (event)', written));
  log(summary('  then: SMS written → at the gateway (queue)', sent));
  log(summary('sign-in code asked → its SMS at the gateway', codeTimes));
  log(`meanwhile ${alertsSent} alerts reached the gateway; ${rows[0].n as number} written alerts were still unsent`);

  await db.end();
  for (const child of children.reverse()) {
    child.kill('SIGTERM');
    await new Promise((exited) => (child.exitCode !== null ? exited(null) : child.once('exit', exited)));
  }
  gateway.closeAllConnections();
  gateway.close();
  if (!keep) {
    await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await removeQueues(common.QUEUE_PREFIX);
  }
}

/** The run's BullMQ keys (thousands of alert jobs) go with its database. */
async function removeQueues(prefix: string): Promise<void> {
  const redis = new Redis({
    host: env.REDIS_HOST ?? '127.0.0.1',
    port: Number(env.REDIS_PORT ?? 6379),
    password: env.REDIS_PASSWORD || undefined,
  });
  try {
    for (let cursor = '0'; ;) {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
      if (cursor === '0') break;
    }
  } finally {
    redis.disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  for (const child of children) child.kill('SIGKILL');
  process.exit(1);
});
