import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../test/support/free-port';
import { waitFor } from '../../test/support/wait-for';

const PG_BIN = process.env.DRILL_PG_BIN ?? '/usr/lib/postgresql/15/bin';

/**
 * A Redis of the drill's own on a free port, to stop and start without touching the machine's.
 * Append-only file on, as a deployment runs it: stopped and started, it keeps its queues.
 */
export class PrivateRedis {
  port = 0;
  private process?: ChildProcess;
  private readonly dir = mkdtempSync(join(tmpdir(), 'lingong-drill-redis-'));

  async start(): Promise<number> {
    this.port ||= await freePort();
    this.process = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'yes', '--dir', this.dir], { stdio: 'ignore' });
    await waitFor(`Redis on ${this.port}`, () => Promise.resolve(ping(this.port)), (ok) => ok, 30_000);
    return this.port;
  }

  /** SHUTDOWN as an operator would (the append-only file is written out). */
  async stop(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    try {
      execFileSync('redis-cli', ['-p', String(this.port), 'shutdown'], { stdio: 'ignore' });
    } catch {
      child.kill('SIGTERM');
    }
    await exited;
  }

  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function ping(port: number): boolean {
  try {
    return execFileSync('redis-cli', ['-p', String(port), 'ping'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim() === 'PONG';
  } catch {
    return false;
  }
}

/**
 * A PostgreSQL cluster of the drill's own (initdb in a temporary folder, a free port, trust on
 * loopback, sockets in the folder), run as the `postgres` user when the drill runs as root.
 */
export class PrivatePostgres {
  port = 0;
  private readonly dir = mkdtempSync(join(tmpdir(), 'lingong-drill-pg-'));
  private readonly data = join(this.dir, 'data');

  private run(command: string, args: string[]): void {
    const asRoot = process.getuid?.() === 0;
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(PG_BIN, command), ...args]] : [join(PG_BIN, command), args];
    execFileSync(file, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  }

  async init(): Promise<number> {
    this.port = await freePort();
    if (process.getuid?.() === 0) {
      chmodSync(this.dir, 0o777);
      execFileSync('chown', ['postgres', this.dir]);
    }
    this.run('initdb', ['-D', this.data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8']);
    await this.start();
    return this.port;
  }

  async start(): Promise<void> {
    this.run('pg_ctl', [
      '-D',
      this.data,
      '-l',
      join(this.dir, 'postgres.log'),
      '-w',
      '-o',
      `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300`,
      'start',
    ]);
  }

  /** Stops at once, as a crash or a failover would: open transactions are lost, connections cut. */
  async stopImmediately(): Promise<void> {
    this.run('pg_ctl', ['-D', this.data, '-m', 'immediate', '-w', 'stop']);
  }

  async destroy(): Promise<void> {
    try {
      this.run('pg_ctl', ['-D', this.data, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // already stopped
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
