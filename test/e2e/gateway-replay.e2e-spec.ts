import request from 'supertest';
import { verifiedEmployer } from '../support/employers';
import { startMarket, type Market } from '../support/market';
import { bearer, seekerWithProfile, shiftInput } from '../support/people';
import { gatewayRequest } from '../support/sms-gateway';
import { waitFor } from '../support/wait-for';

/**
 * Signed requests from the SMS gateway are acted on once: the same request again (a replay within
 * its freshness window, a resend under the gateway's message id, or two at once) is answered 200
 * with the first answer, and nothing happens twice.
 */
describe('signed gateway requests are not replayable', () => {
  let market: Market;
  const everyDay = Array.from({ length: 7 }, (_, i) => ({ day: i + 1, start: '06:00', end: '22:00' }));
  // Counted by type, before and after: a relayed event no longer carries the phone (erasure's rule).
  const helpTexts = async () =>
    (await market.db.query(`SELECT count(*)::int AS n FROM outbox_events WHERE type = 'sms.help_requested'`)).rows[0].n as number;
  const reply = (from: string, text: string, extra: object = {}) =>
    gatewayRequest(market, '/api/sms/inbound', { from, text, receivedAt: new Date().toISOString(), ...extra });

  beforeAll(async () => {
    market = await startMarket();
  });
  afterAll(async () => {
    await market.close();
  });

  it('books once when a reply of 1 is replayed, and answers the replay with the first outcome', async () => {
    const employer = await verifiedEmployer(market, '13600003201');
    await seekerWithProfile(market, '13700003201', { availability: everyDay });
    const shift = (
      await request(market.url)
        .post('/api/shifts')
        .set(bearer(employer.token))
        .send(shiftInput({ publish: true, headcount: 1 }, 3))
        .expect(201)
    ).body;
    // A reply answers only an offer that was sent, so wait for the send, not just the row.
    await waitFor(
      'the offer sent',
      async () =>
        (await market.db.query(`SELECT count(*)::int AS n FROM offers WHERE shift_id = $1 AND sent_at IS NOT NULL`, [shift.id])).rows[0]
          .n as number,
      (n) => n === 1,
    );

    const helpsBefore = await helpTexts();
    const yes = reply('13700003201', '1');
    expect((await yes().expect(200)).body).toEqual({ outcome: 'accepted' });
    for (let i = 0; i < 3; i += 1) expect((await yes().expect(200)).body).toEqual({ outcome: 'accepted' });

    const bookings = await market.db.query(`SELECT count(*)::int AS n FROM bookings WHERE shift_id = $1`, [shift.id]);
    expect(bookings.rows[0].n).toBe(1);
    // Acted on again, the 1 would have found no open question and been answered with the help text.
    expect(await helpTexts()).toBe(helpsBefore);
  });

  it('acts once on identical requests sent at the same moment', async () => {
    const helpsBefore = await helpTexts();
    const hello = reply('13700003202', '你好');
    const answers = await Promise.all(Array.from({ length: 6 }, () => hello()));
    expect(answers.map((answer) => [answer.status, answer.body])).toEqual(answers.map(() => [200, { outcome: 'help' }]));
    expect(await helpTexts()).toBe(helpsBefore + 1);
  });

  it('acts once on a message the gateway resends under its own id, newly signed', async () => {
    const helpsBefore = await helpTexts();
    const first = reply('13700003203', '你好', { messageId: 'gw-0001' });
    const resent = gatewayRequest(
      market,
      '/api/sms/inbound',
      { from: '13700003203', text: '你好', receivedAt: new Date().toISOString(), messageId: 'gw-0001' },
      undefined,
      new Date(Date.now() + 1_000).toISOString(),
    );
    expect((await first().expect(200)).body).toEqual({ outcome: 'help' });
    expect((await resent().expect(200)).body).toEqual({ outcome: 'help' });
    // Another message of the same text from the same phone is another message.
    expect((await reply('13700003203', '你好', { messageId: 'gw-0002' })().expect(200)).body).toEqual({ outcome: 'help' });
    expect(await helpTexts()).toBe(helpsBefore + 2);
  });

  it('records a replayed delivery receipt once', async () => {
    const receipt = gatewayRequest(market, '/api/sms/receipts', { messageId: 'log-replayed', status: 'delivered' });
    for (let i = 0; i < 3; i += 1) expect((await receipt().expect(200)).body).toEqual({ recorded: true });
    const reported = await market.db.query(
      `SELECT count(*)::int AS n FROM outbox_events WHERE type = 'sms.delivery_reported' AND payload->>'providerMessageId' = 'log-replayed'`,
    );
    expect(reported.rows[0].n).toBe(1);
  });

  it('still refuses what is not signed, signed wrongly or stale, and remembers none of it', async () => {
    const remembered = async () => (await market.db.query(`SELECT count(*)::int AS n FROM gateway_messages`)).rows[0].n as number;
    const before = await remembered();
    const helpsBefore = await helpTexts();
    const payload = { from: '13700003204', text: '你好', receivedAt: new Date().toISOString() };
    await gatewayRequest(market, '/api/sms/inbound', payload, 'wrong-secret')().expect(401);
    await gatewayRequest(market, '/api/sms/inbound', payload, undefined, new Date(Date.now() - 10 * 60_000).toISOString())().expect(401);
    await request(market.url).post('/api/sms/inbound').send(payload).expect(401);
    expect(await helpTexts()).toBe(helpsBefore);
    expect(await remembered()).toBe(before);
  });
});
