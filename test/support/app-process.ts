import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import type { Market } from './market';
import { waitFor } from './wait-for';

export interface WorkerProcess {
  /** Everything it wrote, for a failing test to show. */
  output(): string;
  /** SIGKILL: no shutdown hooks, jobs left active with their locks, as when a machine dies. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as { port: number };
  await new Promise((closed) => server.close(closed));
  return port;
}

/**
 * The worker app as its own process (`node apps/worker/src/main.ts`), on the market's database
 * and queue prefix, so a test can kill it as the operating system would. Resolves once it is ready.
 */
export async function startWorkerProcess(market: Market, env: Record<string, string> = {}): Promise<WorkerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/worker/src/main.ts'], {
    cwd: resolve(__dirname, '../..'),
    env: { ...process.env, ...market.workerEnv, WORKER_PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  const ready = async () => {
    if (child.exitCode !== null) throw new Error(`the worker process exited (${child.exitCode}):\n${output}`);
    return fetch(`http://127.0.0.1:${port}/health/ready`).then((response) => response.ok, () => false);
  };
  try {
    await waitFor('the worker process to be ready', ready, (ok) => ok, 60_000);
  } catch (error) {
    await end('SIGKILL');
    throw new Error(`${(error as Error).message}\n${output}`, { cause: error });
  }
  return { output: () => output, kill: () => end('SIGKILL'), stop: () => end('SIGTERM') };
}
