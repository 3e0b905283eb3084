import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import { createHttpApp } from '@lingong/platform';
import { JobPostingModule } from '../../apps/job-posting/src/job-posting.module';
import { MatchingModule } from '../../apps/matching/src/matching.module';
import { mountFrontDoor } from '../../apps/web/src/front-door/mount-front-door';
import { WebModule } from '../../apps/web/src/web.module';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { WorkerProfileModule } from '../../apps/worker-profile/src/worker-profile.module';
import { createTestDatabase, dropTestDatabase } from './test-database';

export interface Market {
  /** The front door, e.g. http://127.0.0.1:41234 */
  url: string;
  /** Each app's own address, for health and docs checks. */
  apps: Record<'web' | 'job-posting' | 'worker-profile' | 'matching' | 'worker', string>;
  db: Client;
  close(): Promise<void>;
}

export interface MarketOptions {
  /** Point the worker app at another Redis port (a proxy the test can cut). */
  workerRedisPort?: number;
}

async function start(module: object, title: string, env: Record<string, string> = {}): Promise<NestFastifyApplication> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    const app = await createHttpApp(module, { title, description: title });
    if (module === WebModule) await mountFrontDoor(app);
    await app.listen(0, '127.0.0.1');
    return app;
  } finally {
    process.env = saved;
  }
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
  Object.assign(process.env, {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error',
    DATABASE_NAME: databaseName,
    QUEUE_PREFIX: `test-${randomBytes(4).toString('hex')}`,
    OUTBOX_POLL_MS: '250',
  });
  const jobPosting = await start(JobPostingModule, 'job-posting');
  const workerProfile = await start(WorkerProfileModule, 'worker-profile');
  const matching = await start(MatchingModule, 'matching');
  const worker = await start(WorkerModule, 'worker', options.workerRedisPort ? { REDIS_PORT: String(options.workerRedisPort) } : {});
  const web = await start(WebModule, 'web', {
    JOB_POSTING_URL: address(jobPosting),
    WORKER_PROFILE_URL: address(workerProfile),
    MATCHING_URL: address(matching),
  });
  const db = new Client({ host: '127.0.0.1', user: 'postgres', database: databaseName });
  await db.connect();

  return {
    url: address(web),
    apps: {
      web: address(web),
      'job-posting': address(jobPosting),
      'worker-profile': address(workerProfile),
      matching: address(matching),
      worker: address(worker),
    },
    db,
    async close() {
      await db.end();
      for (const app of [web, worker, matching, workerProfile, jobPosting]) await app.close();
      await dropTestDatabase(databaseName);
    },
  };
}
