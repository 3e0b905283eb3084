import type { ServiceTokens } from '@lingong/identity';
import { OFFERS_SENT_AT_ONCE } from '@lingong/internal-api';
import { jsonServer, type JsonServer } from '../../../../test/support/json-server';
import { strictMock as strict } from '../../../../test/support/strict-mock';
import { ServicesClient } from './services.client';

describe('ServicesClient.sendOffers', () => {
  let server: JsonServer;
  let asked: string[][];
  let client: ServicesClient;

  beforeAll(async () => {
    // Matching's route as far as the client sees it: refuses more than it takes at once, answers each offer `none`.
    server = await jsonServer((_request, body) => {
      const { offerIds } = JSON.parse(body) as { offerIds: string[] };
      asked.push(offerIds);
      return offerIds.length > OFFERS_SENT_AT_ONCE
        ? { status: 400, body: JSON.stringify({ statusCode: 400, message: ['too many'] }) }
        : { status: 200, body: JSON.stringify({ decisions: offerIds.map((offerId) => ({ offerId, action: 'none' })) }) };
    });
    client = new ServicesClient(server.urls, strict<ServiceTokens>({ issue: () => Promise.resolve('token') } as never));
  });
  beforeEach(() => {
    asked = [];
  });
  afterAll(() => server.close());

  it('asks about a big run’s offers in calls matching takes, and answers every one in order', async () => {
    // A shift of 120 places at two offers each makes 240 offers in one run.
    const offerIds = Array.from({ length: 240 }, (_, i) => `offer-${i}`);
    const decisions = await client.sendOffers(offerIds);
    expect(decisions.map((decision) => decision.offerId)).toEqual(offerIds);
    expect(asked.map((ids) => ids.length)).toEqual([OFFERS_SENT_AT_ONCE, OFFERS_SENT_AT_ONCE, 240 - 2 * OFFERS_SENT_AT_ONCE]);
  });
});
