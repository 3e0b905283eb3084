import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '../../test/support/free-port';
import { resolve } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import type { DataSource } from 'typeorm';

/**
 * The matching service as its own process on the benchmark's database, and a staff token it
 * accepts: to time a ranking or a dispatch plan over HTTP, routing, validation, the access check
 * and JSON included.
 */

/** The bench's own admin account: a fixed version-4 id, so a kept database holds one. */
const BENCH_ADMIN = { id: '5b1c7e0a-3f2d-4c8e-9a41-0d6e2f7b8c90', phone: '13900009999' };

export interface MatchingProcess {
  url: string;
  token: string;
  stop(): Promise<void>;
}

export async function startMatchingProcess(
  dataSource: DataSource,
  env: Record<string, string | undefined>,
  database: string,
): Promise<MatchingProcess> {
  await dataSource.query(
    `INSERT INTO accounts (id, phone, role, name) VALUES ($1, $2, 'admin', 'bench') ON CONFLICT (id) DO UPDATE SET disabled_at = NULL`,
    [BENCH_ADMIN.id, BENCH_ADMIN.phone],
  );
  const [{ generation }] = (await dataSource.query(`SELECT token_generation AS generation FROM accounts WHERE id = $1`, [
    BENCH_ADMIN.id,
  ])) as {
    generation: number;
  }[];
  const secret = env.JWT_SECRET;
  if (!secret) throw new Error('JWT_SECRET is not set (.env or .env.example)');
  const token = await new JwtService({ secret }).signAsync({
    sub: BENCH_ADMIN.id,
    phone: BENCH_ADMIN.phone,
    role: 'admin',
    gen: generation,
  });

  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/matching/src/main.ts'], {
    cwd: resolve(__dirname, '../..'),
    env: {
      ...process.env,
      ...env,
      DATABASE_NAME: database,
      MATCHING_PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      QUEUE_PREFIX: `bench-${process.pid}`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the matching process exited (${child.exitCode}):\n${output}`);
    const ready = await fetch(`${url}/health/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the matching process was not ready within 120 s:\n${output}`);
    }
    await new Promise((wait) => setTimeout(wait, 250));
  }
  return { url, token, stop };
}

/** One request; throws on an answer other than `expected` (with its body, to see why). */
export async function timedRequest(
  app: MatchingProcess,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  expected = method === 'GET' ? 200 : 201,
): Promise<{ ms: number; body: unknown }> {
  const started = performance.now();
  const response = await fetch(`${app.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${app.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const elapsed = performance.now() - started;
  if (response.status !== expected) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
  return { ms: elapsed, body: JSON.parse(text) as unknown };
}
