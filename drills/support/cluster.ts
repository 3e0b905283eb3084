import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';
import { freePort } from '../../test/support/free-port';
import { waitFor } from '../../test/support/wait-for';

export const ROOT = resolve(__dirname, '../..');

/** Where a cluster's PostgreSQL and Redis are: the machine's shared ones, or a drill's private ones. */
export interface Servers {
  pgPort: number;
  redisPort: number;
}
export const sharedServers = (): Servers => ({
  pgPort: Number(process.env.DATABASE_PORT ?? 5432),
  redisPort: Number(process.env.REDIS_PORT ?? 6379),
});

export type AppName = 'web' | 'job-posting' | 'worker-profile' | 'matching' | 'worker';
const portSetting: Record<AppName, string> = {
  web: 'WEB_PORT',
  'job-posting': 'JOB_POSTING_PORT',
  'worker-profile': 'WORKER_PROFILE_PORT',
  matching: 'MATCHING_PORT',
  worker: 'WORKER_PORT',
};

export function pgClient(servers: Servers, database = 'postgres'): Client {
  return new Client({ host: '127.0.0.1', port: servers.pgPort, user: 'postgres', database });
}

export async function adminQuery(servers: Servers, sql: string): Promise<void> {
  const client = pgClient(servers);
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Runs scripts/migrate.ts against one database (the same CLI as `npm run migration:run`). */
export async function migrate(servers: Servers, database: string): Promise<void> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'scripts/migrate.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_NAME: database, DATABASE_PORT: String(servers.pgPort), LOG_LEVEL: 'error' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const code = await new Promise<number | null>((done) => child.once('exit', done));
  if (code !== 0) throw new Error(`migrating ${database} failed (${code}):\n${output}`);
}

const templates = new Map<number, Promise<string>>();

/** Templates of this checkout left by runs that were killed (their process is gone). */
async function dropStaleTemplates(servers: Servers, prefix: string): Promise<void> {
  const client = pgClient(servers);
  await client.connect();
  try {
    const names = (await client.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${prefix}_%`])).rows as { datname: string }[];
    for (const { datname } of names) {
      const pid = Number(datname.slice(prefix.length + 1));
      if (!isAlive(pid)) await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A fresh database for one drill: a copy of a template migrated once per run and server (named by
 * checkout and process, so drills of two checkouts, or two runs, never drop each other's).
 */
export async function createDrillDatabase(servers: Servers): Promise<string> {
  let template = templates.get(servers.pgPort);
  if (!template) {
    const prefix = `lingong_drill_template_${createHash('sha256').update(ROOT).digest('hex').slice(0, 8)}`;
    const name = `${prefix}_${process.pid}`;
    template = (async () => {
      await dropStaleTemplates(servers, prefix);
      await adminQuery(servers, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await adminQuery(servers, `CREATE DATABASE ${name}`);
      await migrate(servers, name);
      return name;
    })();
    templates.set(servers.pgPort, template);
  }
  const name = `lingong_drill_${randomBytes(5).toString('hex')}`;
  await adminQuery(servers, `CREATE DATABASE ${name} TEMPLATE ${await template}`);
  return name;
}

export async function dropDrillTemplates(): Promise<void> {
  for (const [pgPort, template] of templates) {
    const name = await template.catch(() => undefined);
    if (name) await adminQuery({ pgPort, redisPort: 0 }, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
  }
  templates.clear();
}

/** One running app process. */
export interface AppInstance {
  app: AppName;
  /** Which one of its kind (0, 1, …). */
  index: number;
  url: string;
  port: number;
  output(): string;
  /** Exit code or signal once it has ended. */
  ended: Promise<void>;
  /** SIGKILL: no shutdown hooks, jobs left active with their locks, as when a machine dies. */
  kill(): Promise<void>;
  stop(): Promise<void>;
  child: ChildProcess;
}

export interface ClusterOptions {
  servers?: Servers;
  /** How many of each app (default one each). Each web instance forwards to the services of its own index (modulo their count). */
  instances?: Partial<Record<AppName, number>>;
  /** Settings for every app, then per app. */
  env?: Record<string, string>;
  appEnv?: Partial<Record<AppName, Record<string, string>>>;
  /** Start no worker (the drill starts its own with `startApp('worker')`). */
  noWorker?: boolean;
}

/**
 * The whole market as the operating system runs it: every app its own process
 * (`node apps/<app>/src/main.ts`), on a database of the drill's own and a BullMQ prefix of its own.
 */
export class Cluster {
  readonly servers: Servers;
  readonly queuePrefix = `drill-${randomBytes(4).toString('hex')}`;
  databaseName = '';
  db!: Client;
  readonly instances: AppInstance[] = [];
  private readonly ports = new Map<string, number>();

  constructor(private readonly options: ClusterOptions = {}) {
    this.servers = options.servers ?? sharedServers();
  }

  count(app: AppName): number {
    return this.options.instances?.[app] ?? 1;
  }

  /** The front door (the first one). */
  get url(): string {
    return this.urlOf('web', 0);
  }

  urlOf(app: AppName, index = 0): string {
    return `http://127.0.0.1:${this.portOf(app, index)}`;
  }

  running(app: AppName): AppInstance[] {
    return this.instances.filter((instance) => instance.app === app && instance.child.exitCode === null && instance.child.signalCode === null);
  }

  private portOf(app: AppName, index: number): number {
    const port = this.ports.get(`${app}:${index}`);
    if (port === undefined) throw new Error(`no port for ${app} #${index}`);
    return port;
  }

  async start(): Promise<this> {
    this.databaseName = await createDrillDatabase(this.servers);
    this.db = pgClient(this.servers, this.databaseName);
    await this.db.connect();
    const apps: AppName[] = ['web', 'job-posting', 'worker-profile', 'matching', 'worker'];
    for (const app of apps) for (let i = 0; i < this.count(app); i++) this.ports.set(`${app}:${i}`, await freePort());
    // Services first (the front door forwards to them), in parallel; the worker may wait.
    const services: AppName[] = ['job-posting', 'worker-profile', 'matching'];
    await Promise.all(services.flatMap((app) => Array.from({ length: this.count(app) }, (_, i) => this.startApp(app, i))));
    await Promise.all(Array.from({ length: this.count('web') }, (_, i) => this.startApp('web', i)));
    if (!this.options.noWorker) await Promise.all(Array.from({ length: this.count('worker') }, (_, i) => this.startApp('worker', i)));
    return this;
  }

  /** Settings of app #index: the shared ones, its port, and the services it talks to (those of its own index). */
  envOf(app: AppName, index: number): Record<string, string> {
    const of = (other: AppName) => this.urlOf(other, index % this.count(other));
    return {
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.DRILL_LOG_LEVEL ?? 'error',
      HOST: '127.0.0.1',
      DATABASE_HOST: '127.0.0.1',
      DATABASE_PORT: String(this.servers.pgPort),
      DATABASE_NAME: this.databaseName,
      REDIS_HOST: '127.0.0.1',
      REDIS_PORT: String(this.servers.redisPort),
      QUEUE_PREFIX: this.queuePrefix,
      OUTBOX_POLL_MS: '250',
      SMS_QUIET_HOURS: 'off',
      DEV_SMS_INBOX: 'true',
      // Drills sign many people in from one address: the per-address cap is the hall's, not ours.
      OTP_PER_ADDRESS_PER_HOUR: '1000000',
      JOB_POSTING_URL: of('job-posting'),
      WORKER_PROFILE_URL: of('worker-profile'),
      MATCHING_URL: of('matching'),
      WEB_URL: of('web'),
      [portSetting[app]]: String(this.portOf(app, index)),
      ...this.options.env,
      ...this.options.appEnv?.[app],
    };
  }

  /** Starts (or starts again, at the same address) app #index; resolves once it is ready. */
  async startApp(app: AppName, index = 0, env: Record<string, string> = {}): Promise<AppInstance> {
    if (!this.ports.has(`${app}:${index}`)) this.ports.set(`${app}:${index}`, await freePort());
    const port = this.portOf(app, index);
    const child = spawn(process.execPath, ['-r', '@swc-node/register', `apps/${app}/src/main.ts`], {
      cwd: ROOT,
      env: { ...process.env, ...this.envOf(app, index), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.length > 200_000) output = output.slice(-100_000);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    const ended = new Promise<void>((done) => child.once('exit', () => done()));
    const end = async (signal: NodeJS.Signals) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await ended;
    };
    const instance: AppInstance = { app, index, port, url: `http://127.0.0.1:${port}`, output: () => output, ended, kill: () => end('SIGKILL'), stop: () => end('SIGTERM'), child };
    this.instances.push(instance);
    const ready = async () => {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${app} #${index} exited (${child.exitCode ?? child.signalCode}):\n${output}`);
      return fetch(`${instance.url}/health/ready`).then((response) => response.ok, () => false);
    };
    try {
      await waitFor(`${app} #${index} to be ready`, ready, (ok) => ok, 120_000);
    } catch (error) {
      await end('SIGKILL');
      throw new Error(`${(error as Error).message}\n${output.slice(-4000)}`, { cause: error });
    }
    return instance;
  }

  /** Stops every app, the database connection, and drops the database and the queue keys. */
  async close(): Promise<void> {
    await Promise.all(this.instances.map((instance) => instance.stop()));
    // DRILL_LOGS=<folder> keeps what each app wrote (with DRILL_LOG_LEVEL=warn, say) for a failing drill.
    const folder = process.env.DRILL_LOGS;
    if (folder) {
      mkdirSync(folder, { recursive: true });
      for (const instance of this.instances) appendFileSync(resolve(folder, `${instance.app}-${instance.index}.log`), instance.output());
    }
    await this.db?.end().catch(() => undefined);
    if (this.databaseName) await adminQuery(this.servers, `DROP DATABASE IF EXISTS ${this.databaseName} WITH (FORCE)`).catch(() => undefined);
    await dropQueueKeys(this.servers.redisPort, this.queuePrefix).catch(() => undefined);
  }
}

async function dropQueueKeys(redisPort: number, prefix: string): Promise<void> {
  const redis = new Redis({ host: '127.0.0.1', port: redisPort, lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
