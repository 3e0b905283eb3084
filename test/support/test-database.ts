import { createHash, randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { Client } from 'pg';

/** One template per checkout, so two checkouts' test runs on one machine never drop each other's. */
export const TEMPLATE_DATABASE = `lingong_test_template_${createHash('sha256').update(resolve(__dirname, '../..')).digest('hex').slice(0, 8)}`;

function adminClient(): Client {
  return new Client({
    host: process.env.DATABASE_HOST ?? '127.0.0.1',
    port: Number(process.env.DATABASE_PORT ?? 5432),
    user: process.env.DATABASE_USER ?? 'postgres',
    password: process.env.DATABASE_PASSWORD ?? '',
    database: 'postgres',
  });
}

export async function adminQuery(sql: string): Promise<void> {
  const client = adminClient();
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh copy of the migrated template, so each test file has a database of its own. */
export async function createTestDatabase(): Promise<string> {
  const name = `lingong_test_${randomBytes(5).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
  return name;
}

export async function dropTestDatabase(name: string): Promise<void> {
  await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
