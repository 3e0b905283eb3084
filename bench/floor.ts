import 'reflect-metadata';
import { createServer } from 'node:http';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { DatabaseSettings, loadSettings } from '@lingong/config';
import { dataSourceOptions, NamedStatements } from '@lingong/database';
import { jobPostingEntities } from '../apps/job-posting/src/job-posting.entities';
import { boardQuery } from '../apps/job-posting/src/shifts/board/shift-board.repository';
import { DEFAULT_RADIUS_KM, parseNear, type BoardFilter, type BoardSort } from '../apps/job-posting/src/shifts/board/shift-board.types';
import type { ShiftCategory } from '@lingong/domain';

/**
 * The floor of GET /api/shifts: a bare `node:http` server and a `pg` pool running the very SQL the
 * service runs (job-posting's `boardQuery`, built once per query string and kept, and prepared once
 * per connection as a named statement, as the service does), answering the
 * rows as JSON. No framework, no validation, no forwarding, no entity mapping: what the board
 * would cost with nothing but the query. Started by the benchmark as its own process, like an app
 * (FLOOR_PORT, and the database settings of the apps; the pool is the apps' DATABASE_POOL_SIZE).
 */

const settings = loadSettings([DatabaseSettings]).get(DatabaseSettings) as DatabaseSettings;
const pool = new Pool({
  host: settings.DATABASE_HOST,
  port: settings.DATABASE_PORT,
  user: settings.DATABASE_USER,
  password: settings.DATABASE_PASSWORD,
  database: settings.DATABASE_NAME,
  max: settings.DATABASE_POOL_SIZE,
});
// Only to build the SQL (TypeORM needs the entities' metadata): one connection, never queried.
const builder = new DataSource({ ...dataSourceOptions({ ...settings, DATABASE_POOL_SIZE: 1 }, jobPostingEntities), migrations: [] });

/** The query string's filter, read without checks: the bench sends only good ones. */
function filterOf(search: URLSearchParams): BoardFilter {
  const near = search.get('near');
  const point = near ? parseNear(near) : null;
  const limit = Number(search.get('limit') ?? 20);
  return {
    status: 'open',
    street: search.get('street') ?? undefined,
    category: (search.get('category') as ShiftCategory | null) ?? undefined,
    minPayFen: search.has('minPayFen') ? Number(search.get('minPayFen')) : undefined,
    q: search.get('q') ?? undefined,
    near: point ? { ...point, radiusMeters: Number(search.get('radiusKm') ?? DEFAULT_RADIUS_KM) * 1000 } : undefined,
    sort: (search.get('sort') as BoardSort | null) ?? 'startsAt',
    limit: limit + 1,
  };
}

const built = new Map<string, { sql: string; params: unknown[]; limit: number }>();
const named = new NamedStatements('floor', 200);

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://floor');
  if (url.pathname === '/health/ready') {
    response.writeHead(builder.isInitialized ? 200 : 503).end();
    return;
  }
  if (url.pathname !== '/api/shifts') {
    response.writeHead(404).end();
    return;
  }
  let query = built.get(url.search);
  if (!query) {
    const filter = filterOf(url.searchParams);
    const [sql, params] = boardQuery(builder, filter).getQueryAndParameters();
    query = { sql, params, limit: filter.limit - 1 };
    if (built.size < 1000) built.set(url.search, query);
  }
  const { sql, params, limit } = query;
  named.query(pool, sql, params).then(
    (rows) => {
      const body = JSON.stringify({ items: rows.slice(0, limit), nextCursor: null });
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(body);
    },
    (error: unknown) => {
      response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    },
  );
});

builder.initialize().then(
  () => server.listen(Number(process.env.FLOOR_PORT), '127.0.0.1'),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

process.once('SIGTERM', () => {
  server.close();
  void Promise.all([pool.end(), builder.destroy()]).then(() => process.exit(0));
});
