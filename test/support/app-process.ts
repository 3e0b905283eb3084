import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { freePort } from './free-port';
import type { Market } from './market';
import { waitFor } from './wait-for';

export interface AppProcess {
  /** Its address, e.g. http://127.0.0.1:41234 */
  url: string;
  /** Everything it wrote, for a failing test to show (and for tests that read its logs). */
  output(): string;
  /** SIGKILL: no shutdown hooks, jobs left active with their locks, as when a machine dies. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}
export type WorkerProcess = AppProcess;

const portSetting = { worker: 'WORKER_PORT', web: 'WEB_PORT' } as const;

/**
 * One app as its own process (`node apps/<app>/src/main.ts`), on the market's database and queue
 * prefix, so a test can kill it as the operating system would, or read what it logs. Resolves once
 * it is ready.
 */
export async function startAppProcess(market: Market, app: 'worker' | 'web', env: Record<string, string> = {}): Promise<AppProcess> {
  const port = await freePort();
  const services =
    app === 'web'
      ? {
          JOB_POSTING_URL: market.apps['job-posting'],
          WORKER_PROFILE_URL: market.apps['worker-profile'],
          MATCHING_URL: market.apps.matching,
        }
      : market.workerEnv;
  const child = spawn(process.execPath, ['-r', '@swc-node/register', `apps/${app}/src/main.ts`], {
    cwd: resolve(__dirname, '../..'),
    env: { ...process.env, ...services, [portSetting[app]]: String(port), HOST: '127.0.0.1', ...env },
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
    if (child.exitCode !== null) throw new Error(`the ${app} process exited (${child.exitCode}):\n${output}`);
    return fetch(`http://127.0.0.1:${port}/health/ready`).then(
      (response) => response.ok,
      () => false,
    );
  };
  try {
    await waitFor(`the ${app} process to be ready`, ready, (ok) => ok, 60_000);
  } catch (error) {
    await end('SIGKILL');
    throw new Error(`${(error as Error).message}\n${output}`, { cause: error });
  }
  return { url: `http://127.0.0.1:${port}`, output: () => output, kill: () => end('SIGKILL'), stop: () => end('SIGTERM') };
}

/** The worker app as its own process (see startAppProcess). */
export function startWorkerProcess(market: Market, env: Record<string, string> = {}): Promise<WorkerProcess> {
  return startAppProcess(market, 'worker', env);
}
