import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An SMS gateway for the `http` provider that behaves as a real one honouring the idempotency key:
 * a key it has accepted is never delivered twice. It counts every request per key and every
 * delivery per phone, can take a while to answer (so sends are in flight when a worker dies), and
 * can be down (503) for a while.
 */
export class DrillGateway {
  /** Requests received per idempotency key (a resend after a crash shows as 2). */
  readonly requestsByKey = new Map<string, number>();
  /** Distinct messages delivered per phone. */
  readonly deliveredByPhone = new Map<string, number>();
  readonly delivered = new Set<string>();
  refused = 0;
  private downUntil = 0;
  private server?: Server;

  constructor(private readonly answerAfterMs = 0) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        const key = String(req.headers['idempotency-key']);
        this.requestsByKey.set(key, (this.requestsByKey.get(key) ?? 0) + 1);
        if (Date.now() < this.downUntil) {
          this.refused += 1;
          res.writeHead(503, { 'content-type': 'application/json' }).end('{}');
          return;
        }
        const { phone } = JSON.parse(body) as { phone: string };
        if (!this.delivered.has(key)) {
          this.delivered.add(key);
          this.deliveredByPhone.set(phone, (this.deliveredByPhone.get(phone) ?? 0) + 1);
        }
        setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `gw-${key}` })), this.answerAfterMs);
      });
    });
    await new Promise<void>((listening) => this.server!.listen(0, '127.0.0.1', listening));
  }

  failFor(ms: number): void {
    this.downUntil = Date.now() + ms;
  }

  /** Keys sent more than once (each delivered once). */
  resent(): number {
    return [...this.requestsByKey.values()].filter((count) => count > 1).length;
  }

  settings(): Record<string, string> {
    return {
      SMS_PROVIDER: 'http',
      SMS_HTTP_URL: `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/send`,
      SMS_HTTP_KEY_ID: 'lingong',
      SMS_HTTP_SECRET: 'gateway-secret-for-drills',
    };
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((closed) => this.server?.close(closed));
  }
}
