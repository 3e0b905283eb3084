import { createServer, type ServerResponse, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { startMarket, type Market } from '../support/market';
import { waitFor } from '../support/wait-for';
import { startWorkerProcess, type WorkerProcess } from '../support/app-process';

/** BullMQ finds a dead worker's job by its expired lock: up to a lock duration and two stall checks (30 s each). */
const STALL_RECOVERY_MS = 120_000;

/**
 * The worker process is killed (SIGKILL) while the SMS gateway holds its request. A new worker
 * takes the stalled job over and sends again with the same idempotency key, so the gateway, as
 * gateways that honour the key do, delivers the message once. One event, one message.
 */
describe('a worker killed mid-send', () => {
  let market: Market;
  let gateway: Server;
  let worker: WorkerProcess | undefined;
  /** Idempotency keys in the order requests arrived, and what was delivered under each. */
  const requests: string[] = [];
  const delivered = new Map<string, { phone: string; text: string }>();
  let holdNext = true;
  const held: ServerResponse[] = [];

  const smsSettings = () => ({
    SMS_PROVIDER: 'http',
    SMS_HTTP_URL: `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/send`,
    SMS_HTTP_KEY_ID: 'lingong',
    SMS_HTTP_SECRET: 'gateway-secret-for-the-crash-test',
  });

  beforeAll(async () => {
    gateway = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        const key = String(req.headers['idempotency-key']);
        requests.push(key);
        const message = JSON.parse(body) as { phone: string; text: string };
        if (!delivered.has(key)) delivered.set(key, { phone: message.phone, text: message.text });
        // The first request is accepted but never answered: the worker dies waiting for it.
        if (holdNext) {
          holdNext = false;
          held.push(res);
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `gw-${key}` }));
      });
    });
    await new Promise<void>((listening) => gateway.listen(0, '127.0.0.1', listening));
    market = await startMarket({ worker: 'process' });
  });
  afterAll(async () => {
    await worker?.stop();
    for (const response of held) response.destroy();
    gateway.closeAllConnections();
    await new Promise((closed) => gateway.close(closed));
    await market?.close();
  });

  it(
    'sends the sign-in code once although the worker died before the gateway answered',
    async () => {
      worker = await startWorkerProcess(market, smsSettings());
      const phone = '13700000099';
      await request(market.url).post('/api/auth/otp').send({ phone }).expect(202);

      await waitFor(
        'the gateway to receive the code',
        () => Promise.resolve(requests.length),
        (count) => count === 1,
      );
      const row = async () =>
        (await market.db.query(`SELECT id, status, attempts FROM notifications WHERE phone = $1 AND kind = 'otp'`, [phone])).rows as {
          id: string;
          status: string;
          attempts: number;
        }[];
      expect(await row()).toEqual([expect.objectContaining({ status: 'sending', attempts: 1 })]);

      await worker.kill();
      worker = await startWorkerProcess(market, smsSettings());

      const [sent] = await waitFor('the new worker to finish the send', row, (rows) => rows[0]?.status === 'sent', STALL_RECOVERY_MS);
      expect(sent).toMatchObject({ status: 'sent', attempts: 2 });
      // Sent twice over the wire, under one key: one message reached the phone.
      expect(requests).toEqual([sent!.id, sent!.id]);
      expect([...delivered.values()]).toEqual([{ phone, text: expect.stringMatching(/^【龙湾零工市场】您的登录验证码是\d{6}/) }]);
    },
    STALL_RECOVERY_MS + 60_000,
  );
});
