import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import type { Market } from './market';

/** .env.example's SMS_INBOUND_SECRET, which the test markets run with. */
export const INBOUND_SECRET = 'local-inbound-secret';

/** A request as the SMS gateway sends it: HMAC-SHA256 over `timestamp.body`. */
export function signedByGateway(market: Market, path: string, payload: object, secret = INBOUND_SECRET) {
  return gatewayRequest(market, path, payload, secret)();
}

/** One signed request, to send as often as a test likes: the same body, timestamp and signature each time (a replay). */
export function gatewayRequest(
  market: Market,
  path: string,
  payload: object,
  secret = INBOUND_SECRET,
  timestamp = new Date().toISOString(),
) {
  const body = JSON.stringify(payload);
  const signature = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return () =>
    request(market.url)
      .post(path)
      .set({ 'content-type': 'application/json', 'x-lingong-timestamp': timestamp, 'x-lingong-signature': signature })
      .send(body);
}

/** A person's SMS reply, as the gateway passes it on. */
export function replyBySms(market: Market, from: string, text: string, secret = INBOUND_SECRET) {
  return signedByGateway(market, '/api/sms/inbound', { from, text, receivedAt: new Date().toISOString() }, secret);
}

/**
 * A local SMS gateway for the `http` provider that behaves as a real one that honours the
 * idempotency key: a key it has accepted is never delivered again. It can be made to answer 503
 * (down) until a given moment, to drill an outage.
 */
export class LocalSmsGateway {
  /** Every request, in order of arrival: its idempotency key and the status answered. */
  readonly requests: { key: string; status: number }[] = [];
  /** What reached a phone, by idempotency key. */
  readonly delivered = new Map<string, { phone: string; text: string }>();
  private downUntil = 0;
  private server?: Server;
  private holding?: RegExp;
  private readonly held: (() => void)[] = [];

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        const key = String(req.headers['idempotency-key']);
        if (Date.now() < this.downUntil) {
          this.requests.push({ key, status: 503 });
          res.writeHead(503, { 'content-type': 'application/json' }).end('{}');
          return;
        }
        const message = JSON.parse(body) as { phone: string; text: string };
        const answer = () => {
          if (!this.delivered.has(key)) this.delivered.set(key, { phone: message.phone, text: message.text });
          this.requests.push({ key, status: 200 });
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `gw-${key}` }));
        };
        if (this.holding?.test(message.text)) this.held.push(answer);
        else answer();
      });
    });
    await new Promise<void>((listening) => this.server!.listen(0, '127.0.0.1', listening));
  }

  /** Answers 503 to everything for `ms` from now. */
  failFor(ms: number): void {
    this.downUntil = Date.now() + ms;
  }

  /**
   * Leaves every message whose text matches unanswered (a gateway stuck on them) until release():
   * whoever sends them waits, and nothing of them reaches a phone meanwhile.
   */
  hold(pattern: RegExp): void {
    this.holding = pattern;
  }

  /** How many requests are being held unanswered. */
  get holdingCount(): number {
    return this.held.length;
  }

  /** Answers (and delivers) what was held, and holds nothing more. */
  release(): void {
    this.holding = undefined;
    for (const answer of this.held.splice(0)) answer();
  }

  /** The worker's settings for this gateway. */
  settings(): Record<string, string> {
    return {
      SMS_PROVIDER: 'http',
      SMS_HTTP_URL: `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/send`,
      SMS_HTTP_KEY_ID: 'lingong',
      SMS_HTTP_SECRET: 'gateway-secret-for-drills',
    };
  }

  async stop(): Promise<void> {
    this.release();
    this.server?.closeAllConnections();
    await new Promise((closed) => this.server?.close(closed));
  }
}
