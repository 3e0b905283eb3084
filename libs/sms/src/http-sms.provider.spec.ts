import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SmsSettings } from '@lingong/config';
import { HttpSmsProvider, isSignedByGateway, signSmsRequest } from './http-sms.provider';
import { SmsTemporaryFailure } from './sms-provider';

/** A local stand-in for the SMS gateway that checks what a real one would. */
describe('HttpSmsProvider', () => {
  let server: Server;
  let answer: { status: number; body: object } = { status: 200, body: { id: 'gw-1' } };
  const received: { headers: IncomingMessage['headers']; body: string }[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        received.push({ headers: request.headers, body });
        response.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const provider = () =>
    new HttpSmsProvider({
      SMS_PROVIDER: 'http',
      SMS_HTTP_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`,
      SMS_HTTP_KEY_ID: 'lingong',
      SMS_HTTP_SECRET: 'gateway-secret',
    } as SmsSettings);

  it('posts the message signed over timestamp and body, with the notification id as idempotency key', async () => {
    answer = { status: 200, body: { id: 'gw-1' } };
    const receipt = await provider().send({ id: 'n-1', phone: '13700000001', text: '【龙湾零工市场】测试' });
    expect(receipt).toEqual({ providerMessageId: 'gw-1' });
    const { headers, body } = received.at(-1)!;
    expect(JSON.parse(body)).toEqual({ messageId: 'n-1', phone: '13700000001', text: '【龙湾零工市场】测试' });
    expect(headers['idempotency-key']).toBe('n-1');
    expect(headers['x-lingong-key-id']).toBe('lingong');
    expect(headers['x-lingong-signature']).toBe(signSmsRequest('gateway-secret', headers['x-lingong-timestamp'] as string, body));
  });

  it('treats a busy or failing gateway as temporary (retried) and a refusal as final', async () => {
    answer = { status: 503, body: {} };
    await expect(provider().send({ id: 'n-2', phone: '13700000001', text: 'x' })).rejects.toBeInstanceOf(SmsTemporaryFailure);
    answer = { status: 429, body: {} };
    await expect(provider().send({ id: 'n-3', phone: '13700000001', text: 'x' })).rejects.toBeInstanceOf(SmsTemporaryFailure);
    answer = { status: 400, body: {} };
    const refused = provider().send({ id: 'n-4', phone: '13700000001', text: 'x' });
    await expect(refused).rejects.toThrow(/refused the message: 400/);
    await expect(refused).rejects.not.toBeInstanceOf(SmsTemporaryFailure);
  });

  it('refuses to start without its gateway settings', () => {
    expect(() => new HttpSmsProvider({ SMS_PROVIDER: 'http' } as SmsSettings)).toThrow(/SMS_HTTP_URL/);
  });
});

describe('isSignedByGateway', () => {
  const now = () => new Date().toISOString();

  it('takes a fresh request signed with the secret, in either case of hex', () => {
    const timestamp = now();
    const signature = signSmsRequest('s', timestamp, '{}');
    expect(isSignedByGateway('s', '{}', timestamp, signature)).toBe(true);
    expect(isSignedByGateway('s', '{}', timestamp, signature.toUpperCase())).toBe(true);
    expect(isSignedByGateway('other', '{}', timestamp, signature)).toBe(false);
    expect(
      isSignedByGateway(
        's',
        '{}',
        new Date(Date.now() - 10 * 60_000).toISOString(),
        signSmsRequest('s', new Date(Date.now() - 10 * 60_000).toISOString(), '{}'),
      ),
    ).toBe(false);
  });

  it.each([
    ['64 non-ASCII characters', 'é'.repeat(64)],
    ['64 latin-1 bytes read as text', '\u00e9'.repeat(64)],
    ['63 hex digits', 'a'.repeat(63)],
    ['64 characters that are not hex', 'z'.repeat(64)],
    ['a signature with a trailing newline', `${'a'.repeat(63)}\n`],
  ])('answers false, never throws, for %s', (_what, signature) => {
    expect(isSignedByGateway('s', '{}', now(), signature)).toBe(false);
  });
});
