import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { freePort } from './free-port';
import { ContractRecorder } from './api-contract';
import { createTestDatabase, dropTestDatabase } from './test-database';

export interface Market {
  /** The front door, e.g. http://127.0.0.1:41234 */
  url: string;
  /** Each app's own address, for health and docs checks (no worker when it runs as its own process). */
  apps: Record<Exclude<AppName, 'worker'>, string> & { worker?: string };
  /** What a worker started as its own process needs besides this process's environment. */
  workerEnv: Record<string, string>;
  db: Client;
  /** This market's BullMQ prefix, for tests that enqueue jobs themselves. */
  queuePrefix: string;
  /** One of this market's BullMQ queues (say `domain-events`), on the test Redis; the caller closes it. */
  queue(name: string): Queue;
  /** Stops matching (as a crash or a deploy would): the others keep running and find it away. */
  stopMatching(): Promise<void>;
  /** Starts matching again at the same address. */
  startMatching(): Promise<void>;
  /** Every answer of the four HTTP apps, held to the checked-in API contract; `close()` fails on a violation. */
  contract: ContractRecorder;
  close(): Promise<void>;
}

export interface MarketOptions {
  /** Point the worker app at another Redis port (a proxy the test can cut). */
  workerRedisPort?: number;
  /** SMS quiet hours for this market, e.g. `00:00-23:59`; off unless given. */
  quietHours?: string;
  /** `process`: no worker in this process; the test starts (and kills) its own with `workerEnv`. */
  worker?: 'in-process' | 'process';
  /** Settings for the worker only, e.g. an SMS gateway or a faster sweep. */
  workerEnv?: Record<string, string>;
  /** Puts something between matching and job-posting (say, a hop that loses answers): given job-posting's address, returns the one matching uses. */
  matchingToJobPosting?: (jobPostingUrl: string) => Promise<string>;
}

type AppName = 'web' | 'job-posting' | 'worker-profile' | 'matching' | 'worker';
const moduleClass: Record<AppName, string> = {
  web: 'WebModule',
  'job-posting': 'JobPostingModule',
  'worker-profile': 'WorkerProfileModule',
  matching: 'MatchingModule',
  worker: 'WorkerModule',
};

/**
 * Loads and starts one app as its own process would: in a module registry of its own (so its
 * settings, logger and data source are its own) with `env` added to the environment.
 */
async function start(
  name: AppName,
  contract: ContractRecorder,
  env: Record<string, string> = {},
  port = 0,
): Promise<NestFastifyApplication> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    let create!: () => Promise<NestFastifyApplication>;
    jest.isolateModules(() => {
      /* eslint-disable @typescript-eslint/no-require-imports */
      const platform = require('@lingong/platform') as typeof import('@lingong/platform');
      const module = (require(`../../apps/${name}/src/${name}.module`) as Record<string, object>)[moduleClass[name]]!;
      const frontDoor =
        name === 'web'
          ? (require('../../apps/web/src/front-door/mount-front-door') as typeof import('../../apps/web/src/front-door/mount-front-door'))
          : undefined;
      const queueBoard =
        name === 'worker'
          ? (require('../../apps/worker/src/queue-board/mount-queue-board') as typeof import('../../apps/worker/src/queue-board/mount-queue-board'))
          : undefined;
      /* eslint-enable @typescript-eslint/no-require-imports */
      create = async () => {
        const app = await platform.createHttpApp(module, { title: name, description: name });
        if (frontDoor) await frontDoor.mountFrontDoor(app);
        if (queueBoard) await queueBoard.mountQueueBoard(app);
        return app;
      };
    });
    const app = await create();
    if (name !== 'worker') recordAnswers(app, contract);
    await app.listen(port, '127.0.0.1');
    return app;
  } finally {
    process.env = saved;
  }
}

/**
 * Hands each answer an app makes itself to the contract check. What the front door forwards
 * streams through it and is recorded by the service that made it.
 */
function recordAnswers(app: NestFastifyApplication, contract: ContractRecorder): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (request, reply, payload) => {
      if (payload === null || payload === undefined || typeof payload === 'string' || Buffer.isBuffer(payload)) {
        const contentType = reply.getHeader('content-type');
        contract.record({
          method: request.method,
          url: request.url,
          status: reply.statusCode,
          contentType: typeof contentType === 'string' ? contentType : undefined,
          body: payload === null || payload === undefined ? '' : payload.toString(),
        });
      }
      return payload;
    });
}

function address(app: NestFastifyApplication): string {
  const server = app.getHttpServer().address();
  if (!server || typeof server === 'string') throw new Error('app is not listening');
  return `http://127.0.0.1:${server.port}`;
}

/**
 * The whole market in this process, against the real PostgreSQL and Redis: a database copied
 * from the migrated template and a BullMQ prefix of its own, so test files run side by side.
 */
export async function startMarket(options: MarketOptions = {}): Promise<Market> {
  const databaseName = await createTestDatabase();
  const queuePrefix = `test-${randomBytes(4).toString('hex')}`;
  Object.assign(process.env, {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error',
    DATABASE_NAME: databaseName,
    QUEUE_PREFIX: queuePrefix,
    OUTBOX_POLL_MS: '250',
    // Tests run at any hour; the quiet-hours test sets its own window.
    SMS_QUIET_HOURS: options.quietHours ?? 'off',
    // Tests read sign-in codes as people do, from their SMS: the development inbox, on loopback.
    DEV_SMS_INBOX: 'true',
  });
  // The front door starts last (it forwards to the others) but its address is known first: the
  // services call its internal routes (a seeker's erasure ends their sign-in there).
  const webPort = await freePort();
  const webUrl = `http://127.0.0.1:${webPort}`;
  const contract = new ContractRecorder();
  const jobPosting = await start('job-posting', contract);
  const workerProfile = await start('worker-profile', contract, { WEB_URL: webUrl });
  const matchingEnv = {
    JOB_POSTING_URL: options.matchingToJobPosting ? await options.matchingToJobPosting(address(jobPosting)) : address(jobPosting),
    WORKER_PROFILE_URL: address(workerProfile),
  };
  // A port of our own choosing, so it is still ours when a test stops and restarts matching.
  let matching: NestFastifyApplication | undefined = await start('matching', contract, matchingEnv, await freePort());
  const matchingUrl = address(matching);
  const workerEnv = {
    MATCHING_URL: matchingUrl,
    JOB_POSTING_URL: address(jobPosting),
    WEB_URL: webUrl,
    ...(options.workerRedisPort && { REDIS_PORT: String(options.workerRedisPort) }),
    ...options.workerEnv,
  };
  const worker = options.worker === 'process' ? undefined : await start('worker', contract, workerEnv);
  const web = await start(
    'web',
    contract,
    {
      JOB_POSTING_URL: address(jobPosting),
      WORKER_PROFILE_URL: address(workerProfile),
      MATCHING_URL: matchingUrl,
    },
    webPort,
  );
  const db = new Client({ host: '127.0.0.1', user: 'postgres', database: databaseName });
  await db.connect();

  return {
    url: address(web),
    apps: {
      web: address(web),
      'job-posting': address(jobPosting),
      'worker-profile': address(workerProfile),
      matching: matchingUrl,
      ...(worker && { worker: address(worker) }),
    },
    workerEnv,
    db,
    queuePrefix,
    queue: (name) =>
      new Queue(name, { prefix: queuePrefix, connection: { host: '127.0.0.1', port: Number(process.env.REDIS_PORT ?? 6379) } }),
    async stopMatching() {
      await matching?.close();
      matching = undefined;
    },
    async startMatching() {
      matching ??= await start('matching', contract, matchingEnv, Number(new URL(matchingUrl).port));
    },
    contract,
    async close() {
      await db.end();
      for (const app of [web, worker, matching, workerProfile, jobPosting]) await app?.close();
      await dropTestDatabase(databaseName);
      const violations = contract.violations();
      if (violations.length > 0)
        throw new Error(`Answers that break the API contract (apps/web/client/shared/api/openapi.json):\n- ${violations.join('\n- ')}`);
    },
  };
}
