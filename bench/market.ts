import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { readEnvFile } from '@lingong/config';
import type { AccountRole } from '@lingong/identity';
import { createCliDataSource } from '../scripts/data-source';
import { freePort } from '../test/support/free-port';
import { waitFor } from '../test/support/wait-for';

/**
 * The benchmark's market: its own database (`lingong_bench` unless BENCH_DATABASE says otherwise;
 * dropped and created afresh, so its name must say "bench"), its own BullMQ prefix, and the five
 * apps as their own processes on free ports (never 3000–3004), started the way `npm run start:*`
 * starts them. Requests go through the front door over loopback, as a client's would.
 */

export const repoRoot = resolve(__dirname, '..');
const env = { ...readEnvFile(repoRoot), ...process.env } as Record<string, string>;

export const benchDatabase = process.env.BENCH_DATABASE || 'lingong_bench';

export function benchDataSource(poolSize = 4, database = benchDatabase): DataSource {
  return createCliDataSource({ ...env, DATABASE_NAME: database, DATABASE_POOL_SIZE: String(poolSize) });
}

async function onServer(work: (server: DataSource) => Promise<void>): Promise<void> {
  const server = benchDataSource(1, process.env.BENCH_ADMIN_DATABASE || 'postgres');
  await server.initialize();
  try {
    await work(server);
  } finally {
    await server.destroy();
  }
}

export async function recreateBenchDatabase(): Promise<void> {
  // It is dropped: a plain lower-case name that says it is a benchmark's, never the market's own database.
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(benchDatabase) || !benchDatabase.includes('bench'))
    throw new Error(`BENCH_DATABASE must be a plain lower-case name containing "bench", got ${JSON.stringify(benchDatabase)}`);
  await onServer(async (server) => {
    await server.query(`DROP DATABASE IF EXISTS "${benchDatabase}" WITH (FORCE)`);
    await server.query(`CREATE DATABASE "${benchDatabase}"`);
  });
}

export async function dropBenchDatabase(): Promise<void> {
  await onServer((server) => server.query(`DROP DATABASE IF EXISTS "${benchDatabase}" WITH (FORCE)`).then(() => undefined));
}

type AppName = 'web' | 'job-posting' | 'worker-profile' | 'matching' | 'worker';
const portSetting: Record<AppName, string> = {
  web: 'WEB_PORT',
  'job-posting': 'JOB_POSTING_PORT',
  'worker-profile': 'WORKER_PROFILE_PORT',
  matching: 'MATCHING_PORT',
  worker: 'WORKER_PORT',
};

export interface ChildServer {
  name: string;
  url: string;
  /** The last lines it wrote, for an error message. */
  tail(): string;
  stop(): Promise<void>;
}

/** `node -r @swc-node/register <script>` with `extra` added to the environment; resolves once GET `readyPath` answers 2xx. */
export async function startChild(
  name: string,
  script: string,
  port: number,
  extra: Record<string, string>,
  readyPath = '/health/ready',
): Promise<ChildServer> {
  // BENCH_CPU_PROFILE=<dir>: each app writes a V8 CPU profile there as it stops (open it in Chrome's DevTools).
  const profile = process.env.BENCH_CPU_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${resolve(process.env.BENCH_CPU_PROFILE)}`, `--cpu-prof-name=${name}.${process.pid}.cpuprofile`]
    : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, '-r', '@swc-node/register', script], {
    cwd: repoRoot,
    env: { ...process.env, ...extra },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines = [...lines, ...chunk.toString('utf8').split('\n')].slice(-60);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(killer);
  };
  try {
    await waitFor(
      `${name} to be ready`,
      async () => {
        if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}):\n${lines.join('\n')}`);
        return fetch(`${url}${readyPath}`).then(
          (response) => response.ok,
          () => false,
        );
      },
      (ok) => ok,
      120_000,
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { name, url, tail: () => lines.join('\n'), stop };
}

export interface BenchApps {
  /** The front door. */
  url: string;
  apps: Record<AppName, ChildServer>;
  queuePrefix: string;
  /** Settings every app runs with (the database, the prefix, the secrets), for the floor and the raw queue. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * Starts the five apps, services first and the front door last. Logs at `warn`: a line per request
 * to a pipe would measure the logger. SMS quiet hours are off so that any hour measures the same path.
 */
export async function startApps(onStarted: (name: string) => void): Promise<BenchApps> {
  const names: AppName[] = ['job-posting', 'worker-profile', 'matching', 'worker', 'web'];
  const ports = Object.fromEntries(await Promise.all(names.map(async (name) => [name, await freePort()] as const))) as Record<
    AppName,
    number
  >;
  const at = (name: AppName) => `http://127.0.0.1:${ports[name]}`;
  const queuePrefix = `bench-${randomBytes(3).toString('hex')}`;
  const shared: Record<string, string> = {
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    LOG_PRETTY: 'false',
    HOST: '127.0.0.1',
    DATABASE_NAME: benchDatabase,
    QUEUE_PREFIX: queuePrefix,
    SMS_PROVIDER: 'log',
    SMS_QUIET_HOURS: 'off',
    DEV_SMS_INBOX: 'false',
    JOB_POSTING_URL: at('job-posting'),
    WORKER_PROFILE_URL: at('worker-profile'),
    MATCHING_URL: at('matching'),
    WEB_URL: at('web'),
    ...Object.fromEntries(names.map((name) => [portSetting[name], String(ports[name])])),
  };
  const started: Partial<Record<AppName, ChildServer>> = {};
  try {
    for (const name of names) {
      started[name] = await startChild(name, `apps/${name}/src/main.ts`, ports[name], shared);
      onStarted(name);
    }
  } catch (error) {
    await Promise.all(Object.values(started).map((app) => app.stop()));
    throw error;
  }
  const apps = started as Record<AppName, ChildServer>;
  return {
    url: apps.web.url,
    apps,
    queuePrefix,
    env: { ...env, ...shared },
    async stop() {
      // The front door first, the worker last: nothing new arrives while the rest finish.
      for (const name of [...names].reverse()) await apps[name].stop();
    },
  };
}

/** Access tokens as the front door's sign-in issues them (same secret, claims and algorithm), for seeded accounts. */
export function tokenMinter(settings: Record<string, string>): (account: { id: string; phone: string; role: AccountRole }) => string {
  const jwt = new JwtService({ secret: settings.JWT_SECRET, signOptions: { algorithm: 'HS256', expiresIn: 4 * 3600 } });
  return (account) => jwt.sign({ sub: account.id, phone: account.phone, role: account.role, gen: 0 });
}
