import request from 'supertest';
import { verifiedEmployer } from '../support/employers';
import { startMarket, type Market } from '../support/market';
import { bearer, seekerWithProfile, shiftInput, smsTo, waitForSms } from '../support/people';
import { replyBySms, signedByGateway } from '../support/sms-gateway';
import { waitFor } from '../support/wait-for';

/** Publish → SMS offers → a reply of 1 books, 2 declines, T unsubscribes; expired offers pass on. */
describe('offers by SMS', () => {
  let market: Market;
  let employer: { token: string; id: string };
  const tokens: Record<string, string> = {};
  const everyDay = Array.from({ length: 7 }, (_, i) => ({ day: i + 1, start: '06:00', end: '22:00' }));
  const api = () => request(market.url);

  const reply = (from: string, text: string, secret?: string) => replyBySms(market, from, text, secret);
  const signed = (path: string, payload: object, secret?: string) => signedByGateway(market, path, payload, secret);
  async function seeker(phone: string, name: string, lng: number) {
    tokens[phone] = (await seekerWithProfile(market, phone, { name, lat: 27.93, lng, availability: everyDay })).token;
  }
  const offersOn = async (shiftId: string) =>
    (await market.db.query(`SELECT phone, status FROM offers WHERE shift_id = $1 ORDER BY score DESC, phone`, [shiftId])).rows as {
      phone: string;
      status: string;
    }[];

  beforeAll(async () => {
    market = await startMarket();
    employer = await verifiedEmployer(market, '13600000081');
    await seeker('13700000081', '最近的', 120.801);
    await seeker('13700000082', '第二近', 120.81);
    await seeker('13700000083', '第三近', 120.83);
  });
  afterAll(async () => {
    await market.close();
  });

  it('offers a published shift to the best candidates by SMS; a reply of 1 books, a late 1 gets a polite no', async () => {
    const shift = (
      await api()
        .post('/api/shifts')
        .set(bearer(employer.token))
        .send(shiftInput({ publish: true, headcount: 1 }, 2))
        .expect(201)
    ).body;
    // Two offers per remaining place: the two best candidates are asked.
    const offers = await waitFor(
      'two offers',
      () => offersOn(shift.id),
      (rows) => rows.length === 2,
    );
    const [first, second] = offers.map((offer) => offer.phone);
    const sms = await waitForSms(market, first!, /岗位邀请：仓库搬运/);
    expect(sms.text).toMatch(/回复1接受，回复2放弃，\d{2}:\d{2}前有效/);
    await waitForSms(market, second!, /岗位邀请/);

    expect((await reply(first!, '１')).body).toEqual({ outcome: 'accepted' });
    await waitForSms(market, first!, /您已被录用：仓库搬运/);
    const booking = await market.db.query(`SELECT source, status FROM bookings WHERE shift_id = $1`, [shift.id]);
    expect(booking.rows).toEqual([{ source: 'offer', status: 'confirmed' }]);

    expect((await reply(second!, '1')).body).toEqual({ outcome: 'too_late' });
    await waitForSms(market, second!, /已经招满/);
    expect((await offersOn(shift.id)).map((offer) => offer.status).sort()).toEqual(['accepted', 'too_late']);
  });

  it("sends a new shift's offers from its matching run, without offer.created events; the run tried again sends what was missed, once", async () => {
    const shift = (
      await api()
        .post('/api/shifts')
        .set(bearer(employer.token))
        .send(shiftInput({ publish: true, headcount: 1, title: '卸货' }, 3))
        .expect(201)
    ).body;
    const offers = await waitFor(
      'two offers',
      () => offersOn(shift.id),
      (rows) => rows.length === 2,
    );
    for (const { phone } of offers) await waitForSms(market, phone, /岗位邀请：卸货/);
    const offerEvents = async () =>
      (
        await market.db.query(
          `SELECT count(*)::int AS n FROM outbox_events e JOIN offers o ON o.id::text = e.payload->>'offerId'
            WHERE e.type = 'offer.created' AND o.shift_id = $1`,
          [shift.id],
        )
      ).rows[0].n;
    expect(await offerEvents()).toBe(0);

    // The worker dies after the run made the offers and before one of them was sent: that offer
    // stands unsent, with no SMS. The shift's event, tried again, runs matching again, which makes
    // no new offers (the room is taken) but answers the pending ones.
    const [missed, sent] = offers.map((offer) => offer.phone);
    await market.db.query(`UPDATE offers SET sent_at = NULL WHERE shift_id = $1 AND phone = $2`, [shift.id, missed]);
    await market.db.query(`DELETE FROM notifications WHERE phone = $1 AND text LIKE '%岗位邀请：卸货%'`, [missed]);
    await market.db.query(`INSERT INTO outbox_events (type, payload) VALUES ('shift.published', $1)`, [{ shiftId: shift.id }]);

    await waitForSms(market, missed!, /岗位邀请：卸货/);
    await waitFor(
      'the offer to be sent again',
      async () => (await market.db.query(`SELECT sent_at FROM offers WHERE shift_id = $1 AND phone = $2`, [shift.id, missed])).rows[0],
      (row) => row.sent_at !== null,
    );
    for (const phone of [missed!, sent!]) {
      expect((await smsTo(market, phone)).filter((sms) => /岗位邀请：卸货/.test(sms.text))).toHaveLength(1);
    }
    expect(await offersOn(shift.id)).toHaveLength(2);
    expect(await offerEvents()).toBe(0);
  });

  it('asks the next candidate when an offer is declined or expires', async () => {
    const shift = (
      await api()
        .post('/api/shifts')
        .set(bearer(employer.token))
        .send(shiftInput({ publish: true, headcount: 1 }, 4))
        .expect(201)
    ).body;
    const [first, second] = (
      await waitFor(
        'two offers',
        () => offersOn(shift.id),
        (rows) => rows.length === 2,
      )
    ).map((offer) => offer.phone);
    const third = ['13700000081', '13700000082', '13700000083'].find((phone) => phone !== first && phone !== second)!;

    // The first lets the offer run out: its expiry job (added at the send, delayed to expires_at) asks the next person.
    const expiries = market.queue('offer-expiry');
    const offerId = (await market.db.query(`SELECT id FROM offers WHERE shift_id = $1 AND phone = $2`, [shift.id, first])).rows[0]
      .id as string;
    const expiry = await waitFor(
      'the offer to be sent and its expiry scheduled',
      () => expiries.getJob(offerId),
      (job) => job !== undefined,
    );
    await market.db.query(`UPDATE offers SET expires_at = now() - interval '1 second' WHERE shift_id = $1 AND phone = $2`, [
      shift.id,
      first,
    ]);
    await expiry!.promote();
    await expiries.close();
    await waitFor(
      'the third candidate to be asked',
      () => offersOn(shift.id),
      (rows) => rows.some((row) => row.phone === third),
    );
    expect((await offersOn(shift.id)).find((row) => row.phone === first)!.status).toBe('expired');

    // The second says no through the API.
    const mine = await api().get('/api/offers').set(bearer(tokens[second!]!)).expect(200);
    const open = mine.body.items.find((offer: { shiftId: string }) => offer.shiftId === shift.id);
    expect(open).toMatchObject({ status: 'pending' });
    expect(open.expiresAt).toMatch(/\+08:00$/);
    await api().post(`/api/offers/${open.id}/decline`).set(bearer(tokens[third]!)).expect(404);
    const declined = await api().post(`/api/offers/${open.id}/decline`).set(bearer(tokens[second!]!)).expect(200);
    expect(declined.body.status).toBe('declined');
    await api().post(`/api/offers/${open.id}/accept`).set(bearer(tokens[second!]!)).expect(409);
  });

  it('tells a seeker by SMS why a yes could not be booked', async () => {
    // Two shifts at the same hours, both offered to the same two people.
    const morning = (
      await api()
        .post('/api/shifts')
        .set(bearer(employer.token))
        .send(shiftInput({ publish: true, headcount: 1, title: '包装 上午' }, 6))
        .expect(201)
    ).body;
    const [first] = (
      await waitFor(
        'offers of the first',
        () => offersOn(morning.id),
        (rows) => rows.length === 2,
      )
    ).map((offer) => offer.phone);
    const same = (
      await api()
        .post('/api/shifts')
        .set(bearer(employer.token))
        .send(shiftInput({ publish: true, headcount: 1, title: '分拣 同时段' }, 6))
        .expect(201)
    ).body;
    await waitFor(
      'offers of the second',
      () => offersOn(same.id),
      (rows) => rows.some((row) => row.phone === first),
    );

    // The latest offer is taken; the earlier one, for the same hours, can no longer be.
    expect((await reply(first!, '1')).body).toEqual({ outcome: 'accepted' });
    expect((await reply(first!, '1')).body).toEqual({ outcome: 'refused' });
    await waitForSms(market, first!, /您在该时段已有其他工作，这次无法为您预订/);
  });

  it('unsubscribes on T, helps on anything else, and refuses unsigned messages', async () => {
    expect((await reply('13700000083', 'TD')).body).toEqual({ outcome: 'unsubscribed' });
    const worker = await market.db.query(`SELECT sms_opt_out_at FROM workers WHERE phone = '13700000083'`);
    expect(worker.rows[0].sms_opt_out_at).not.toBeNull();

    expect((await reply('13700000082', '你好')).body).toEqual({ outcome: 'help' });
    await waitForSms(market, '13700000082', /回复1接受最近一条岗位邀请/);

    const before = (await smsTo(market, '13700000082')).length;
    await reply('13700000082', '你好', 'wrong-secret').expect(401);
    await api().post('/api/sms/inbound').send({ from: '13700000082', text: '你好', receivedAt: new Date().toISOString() }).expect(401);
    // Refused replies get no help text: the only new message is the one for the signed reply below.
    expect((await reply('13700000082', '你好')).body).toEqual({ outcome: 'help' });
    const settled = async () =>
      (
        await market.db.query(
          `SELECT count(*) FILTER (WHERE status IN ('queued', 'sending'))::int AS pending, count(*)::int AS n FROM notifications WHERE phone = '13700000082'`,
        )
      ).rows[0] as { pending: number; n: number };
    await waitFor('the help text, and nothing else, to be sent', settled, ({ pending, n }) => pending === 0 && n > before);
    expect((await smsTo(market, '13700000082')).length).toBe(before + 1);
  });

  it('records the gateway’s delivery receipts on the message', async () => {
    const sent = (
      await market.db.query(`SELECT id, provider_message_id FROM notifications WHERE status = 'sent' ORDER BY created_at LIMIT 1`)
    ).rows[0];
    expect((await signed('/api/sms/receipts', { messageId: sent.provider_message_id, status: 'delivered' }).expect(200)).body).toEqual({
      recorded: true,
    });
    await waitFor(
      'the message to be marked delivered',
      async () => (await market.db.query(`SELECT status FROM notifications WHERE id = $1`, [sent.id])).rows[0].status as string,
      (status) => status === 'delivered',
    );
    await signed('/api/sms/receipts', { messageId: sent.provider_message_id, status: 'lost' }).expect(400);
    await signed('/api/sms/receipts', { messageId: sent.provider_message_id, status: 'failed' }, 'wrong-secret').expect(401);
  });
});
