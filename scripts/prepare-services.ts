import 'reflect-metadata';
import Redis from 'ioredis';
import { Client } from 'pg';
import { DatabaseSettings, loadSettings, readEnvFile, RedisSettings } from '@lingong/config';

/**
 * For `npm run demo`: checks that PostgreSQL and Redis answer and creates the database when it
 * is missing. Exits 2 (and says what is down) when a server is not reachable.
 */
async function main(): Promise<void> {
  const settings = loadSettings([DatabaseSettings, RedisSettings], { ...readEnvFile(), ...process.env });
  const db = settings.get(DatabaseSettings) as DatabaseSettings;
  const redis = settings.get(RedisSettings) as RedisSettings;
  const down: string[] = [];

  const admin = new Client({
    host: db.DATABASE_HOST,
    port: db.DATABASE_PORT,
    user: db.DATABASE_USER,
    password: db.DATABASE_PASSWORD,
    database: 'postgres',
    connectionTimeoutMillis: 3000,
  });
  try {
    await admin.connect();
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [db.DATABASE_NAME]);
    if (exists.rowCount === 0) {
      await admin.query(`CREATE DATABASE "${db.DATABASE_NAME.replaceAll('"', '""')}"`);
      console.log(`created database ${db.DATABASE_NAME}`);
    }
  } catch (error) {
    down.push(`PostgreSQL at ${db.DATABASE_HOST}:${db.DATABASE_PORT} (${(error as Error).message})`);
  } finally {
    await admin.end().catch(() => undefined);
  }

  const client = new Redis({
    host: redis.REDIS_HOST,
    port: redis.REDIS_PORT,
    password: redis.REDIS_PASSWORD,
    lazyConnect: true,
    connectTimeout: 3000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    down.push(`Redis at ${redis.REDIS_HOST}:${redis.REDIS_PORT} (${(error as Error).message})`);
  } finally {
    client.disconnect();
  }

  if (down.length > 0) {
    console.error(`not reachable:\n${down.map((line) => `  - ${line}`).join('\n')}`);
    process.exit(2);
  }
  console.log('PostgreSQL and Redis are reachable');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
