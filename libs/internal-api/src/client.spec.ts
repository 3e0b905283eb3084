import type { IncomingMessage } from 'node:http';
import type { ServiceUrlSettings } from '@lingong/config';
import type { ServiceTokens } from '@lingong/identity';
import { jsonServer, type JsonServer } from '../../../test/support/json-server';
import { strictMock as strict } from '../../../test/support/strict-mock';
import { InternalApiClient, InternalCallError } from './client';
import { internalRoutes } from './routes';

describe('InternalApiClient', () => {
  let server: JsonServer;
  let seen: { method?: string; url?: string; authorization?: string; body: string }[];
  let answer: (request: IncomingMessage) => { status: number; body: string };
  let client: InternalApiClient;

  beforeAll(async () => {
    server = await jsonServer((request, body) => {
      seen.push({ method: request.method, url: request.url, authorization: request.headers.authorization, body });
      return answer(request);
    });
    const tokens = strict<ServiceTokens>({ issue: (service: string) => Promise.resolve(`token-of-${service}`) } as never);
    client = new InternalApiClient('worker', server.urls, tokens, 2_000);
  });
  beforeEach(() => {
    seen = [];
    answer = () => ({ status: 200, body: '{"action":"none"}' });
  });
  afterAll(() => server.close());

  it('fills in the path, sends the body and the caller’s service token, and returns the answer', async () => {
    expect(await client.call(internalRoutes.expireOffer, { params: { id: 'a/b' } })).toEqual({ action: 'none' });
    answer = () => ({ status: 200, body: '{"offered":2}' });
    expect(await client.call(internalRoutes.runMatching, { body: { shiftId: 's1' } })).toEqual({ offered: 2 });
    expect(seen).toEqual([
      { method: 'POST', url: '/api/internal/offers/a%2Fb/expire', authorization: 'Bearer token-of-worker', body: '{}' },
      { method: 'POST', url: '/api/internal/matching/runs', authorization: 'Bearer token-of-worker', body: '{"shiftId":"s1"}' },
    ]);
  });

  it('puts a GET’s query in the URL and sends no body', async () => {
    answer = () => ({ status: 200, body: '{"shifts":[],"figures":{},"at":"x"}' });
    await client.call(internalRoutes.kioskBoard, { query: { street: '永中街道', other: undefined } });
    expect(seen[0]).toMatchObject({ method: 'GET', url: `/api/internal/kiosk/board?street=${encodeURIComponent('永中街道')}`, body: '' });
  });

  it('throws a refusal with its code and messages, and tells a cut-off answer and no answer apart', async () => {
    answer = () => ({ status: 409, body: '{"statusCode":409,"code":"SHIFT_FULL","message":["full"]}' });
    await expect(client.call(internalRoutes.requestAttendance, { params: { id: 'b1' } })).rejects.toMatchObject({
      status: 409,
      code: 'SHIFT_FULL',
      messages: ['full'],
      cutOff: false,
    });
    answer = () => ({ status: 200, body: '{"asking":' });
    await expect(client.call(internalRoutes.requestAttendance, { params: { id: 'b1' } })).rejects.toMatchObject({
      status: 200,
      cutOff: true,
    });
    const nowhere = new InternalApiClient(
      'worker',
      { MATCHING_URL: 'http://127.0.0.1:1' } as ServiceUrlSettings,
      strict<ServiceTokens>({ issue: () => Promise.resolve('t') } as never),
      2_000,
    );
    const failure = await nowhere.call(internalRoutes.expireOffer, { params: { id: 'o1' } }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(InternalCallError);
    expect(failure).toMatchObject({ status: null, path: '/api/internal/offers/o1/expire' });
  });
});
