import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServiceUrlSettings } from '@lingong/config';
import type { ServiceTokens } from '@lingong/identity';
import { OFFERS_SENT_AT_ONCE } from '@lingong/internal-api';
import { strictMock as strict } from '../../../../test/support/strict-mock';
import { ServicesClient } from './services.client';

describe('ServicesClient.sendOffers', () => {
  let server: Server;
  let asked: string[][];
  let client: ServicesClient;

  beforeAll(async () => {
    // Matching's route as far as the client sees it: refuses more than it takes at once, answers each offer `none`.
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        const { offerIds } = JSON.parse(body) as { offerIds: string[] };
        asked.push(offerIds);
        const refused = offerIds.length > OFFERS_SENT_AT_ONCE;
        response
          .writeHead(refused ? 400 : 200, { 'content-type': 'application/json' })
          .end(
            JSON.stringify(
              refused
                ? { statusCode: 400, message: ['too many'] }
                : { decisions: offerIds.map((offerId) => ({ offerId, action: 'none' })) },
            ),
          );
      });
    });
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    client = new ServicesClient(
      { MATCHING_URL: base, JOB_POSTING_URL: base, WORKER_PROFILE_URL: base, WEB_URL: base } as ServiceUrlSettings,
      strict<ServiceTokens>({ issue: () => Promise.resolve('token') } as never),
    );
  });
  beforeEach(() => {
    asked = [];
  });
  afterAll(async () => {
    await new Promise((closed) => server.close(closed));
  });

  it('asks about a big run’s offers in calls matching takes, and answers every one in order', async () => {
    // A shift of 120 places at two offers each makes 240 offers in one run.
    const offerIds = Array.from({ length: 240 }, (_, i) => `offer-${i}`);
    const decisions = await client.sendOffers(offerIds);
    expect(decisions.map((decision) => decision.offerId)).toEqual(offerIds);
    expect(asked.map((ids) => ids.length)).toEqual([OFFERS_SENT_AT_ONCE, OFFERS_SENT_AT_ONCE, 240 - 2 * OFFERS_SENT_AT_ONCE]);
  });
});
