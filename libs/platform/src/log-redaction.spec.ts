import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { pinoHttp } from 'pino-http';
import { errorForLog, maskPersonalData, requestForLog } from './log-redaction';
import { pinoOptions } from './logging';

const token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhMSIsInBob25lIjoiMTM4MTIzNDU2NzgifQ.c2lnbmF0dXJlLXNpZ25hdHVyZQ';

describe('maskPersonalData', () => {
  it.each([
    ['/api/dev/sms?phone=13812345678', '/api/dev/sms?phone=138****5678'],
    ['/api/workers?phone=%2B8613812345678&limit=5', '/api/workers?phone=138****5678&limit=5'],
    ['bootstrap admin 13900000000 created', 'bootstrap admin 139****0000 created'],
    ['call 8613812345678 or 13812345678.', 'call 138****5678 or 138****5678.'],
    [`/queues?token=${token}`, '/queues?token=[redacted]'],
    [`Bearer ${token}`, 'Bearer [redacted]'],
    ['{"phone":"13812345678","code":"123456","role":"worker"}', '{"phone":"138****5678","code":"[redacted]","role":"worker"}'],
    ['{"password":"desk-secret-2026"}', '{"password":"[redacted]"}'],
    ['【龙湾零工市场】您的登录验证码是123456，5分钟内有效。', '【龙湾零工市场】您的登录验证码是[redacted]，5分钟内有效。'],
  ])('masks %s', (text, masked) => {
    expect(maskPersonalData(text)).toBe(masked);
  });

  it.each([
    'shift 6f0c1a9e-2b3d-4c5e-8f70-91a2b3c4d5e6 is full',
    '{"code":"SHIFT_FULL","statusCode":409}',
    'took 1234567890123 ms',
    'code must be 6 digits',
  ])('leaves %s alone', (text) => {
    expect(maskPersonalData(text)).toBe(text);
  });
});

describe('errorForLog', () => {
  it('masks the error and the errors it carries (a driver error quoting the row)', () => {
    const driverError = Object.assign(new Error('duplicate key value violates unique constraint "workers_phone"'), {
      detail: 'Key (phone)=(13812345678) already exists.',
    });
    const logged = JSON.stringify(
      errorForLog({
        type: 'QueryFailedError',
        message: 'failed for 13812345678',
        stack: 'QueryFailedError: failed for 13812345678',
        parameters: ['13812345678'],
        driverError,
      }),
    );
    expect(logged).not.toContain('13812345678');
    expect(logged).toContain('Key (phone)=(138****5678) already exists.');
  });
});

describe('requestForLog', () => {
  it('keeps method, masked URL and plain headers; never authorization, cookies or signatures', () => {
    const logged = requestForLog({
      id: 'req-1',
      method: 'GET',
      url: '/api/dev/sms?phone=13812345678',
      remoteAddress: '127.0.0.1',
      headers: {
        authorization: `Bearer ${token}`,
        cookie: `lingong_queues=${token}`,
        'x-lingong-signature': 'ab'.repeat(32),
        'user-agent': 'kiosk',
      },
    });
    expect(logged).toEqual({
      id: 'req-1',
      method: 'GET',
      url: '/api/dev/sms?phone=138****5678',
      remoteAddress: '127.0.0.1',
      headers: { 'user-agent': 'kiosk' },
    });
  });
});

/** The options every app logs with, on a real pino-http and a real request: the line written holds nothing personal. */
describe('pinoOptions on pino-http', () => {
  let server: Server;
  let lines: string[];
  let logger: ReturnType<typeof pinoHttp>;

  beforeAll(async () => {
    lines = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    logger = pinoHttp({ ...pinoOptions('test', 'info'), stream: sink });
    server = createServer((req, res) => {
      logger(req, res);
      if (req.url?.startsWith('/fail')) req.log.error(new Error('no seeker with phone 13812345678'), 'lookup for 13812345678 failed');
      res.setHeader('set-cookie', `lingong_queues=${token}; HttpOnly`);
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  async function get(path: string): Promise<void> {
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve, reject) => {
      httpRequest(
        { host: '127.0.0.1', port, path, headers: { authorization: `Bearer ${token}`, cookie: `lingong_queues=${token}` } },
        (res) => {
          res.resume();
          res.on('end', resolve);
        },
      )
        .on('error', reject)
        .end();
    });
  }

  it('logs the request with its phone masked and no token, cookie or code anywhere', async () => {
    await get('/api/dev/sms?phone=13812345678&code=654321');
    await get('/fail?token=' + token);
    const written = lines.join('');
    expect(written).toContain('138****5678');
    expect(written).toContain('"statusCode":200');
    for (const secret of ['13812345678', token, '654321', 'lingong_queues']) expect(written).not.toContain(secret);
  });
});
