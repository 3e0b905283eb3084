import request from 'supertest';
import { verifiedEmployer } from '../support/employers';
import { startMarket, type Market } from '../support/market';
import { bearer, seekerWithProfile, shiftInput, signInAdmin, smsTo, waitForSms } from '../support/people';
import { replyBySms } from '../support/sms-gateway';
import { waitFor } from '../support/wait-for';

const MINUTE_MS = 60_000;

/**
 * Offers honour SMS consent and T/TD as alerts do, and wait out the quiet hours: an offer made in
 * them goes out when they end, and its time to answer counts from that send. Staff can still
 * refer someone who takes no offers, and a T withdraws nothing booked.
 */
describe('offers, consent and the quiet hours', () => {
  let market: Market;
  // Quiet from an hour ago until the start of the minute after next (60–120 s away), market time.
  const quietEnd = Math.floor((Date.now() + 2 * MINUTE_MS) / MINUTE_MS) * MINUTE_MS;
  const hhmm = (at: number) => new Date(at + 8 * 3_600_000).toISOString().slice(11, 16);
  const everyDay = Array.from({ length: 7 }, (_, i) => ({ day: i + 1, start: '06:00', end: '22:00' }));
  const ids: Record<string, string> = {};
  // Nearest first, so ranking alone would offer to those who must not get offers.
  const people = {
    declined: { phone: '13700000402', lng: 120.8, sms: false },
    unsubscribed: { phone: '13700000403', lng: 120.801, sms: true },
    willing: { phone: '13700000401', lng: 120.81, sms: true },
    changesMind: { phone: '13700000404', lng: 120.811, sms: true },
    backup: { phone: '13700000405', lng: 120.85, sms: true },
  };
  const offersOn = async (shiftId: string) =>
    (
      await market.db.query(`SELECT id, phone, status, sent_at, expires_at FROM offers WHERE shift_id = $1 ORDER BY created_at, phone`, [
        shiftId,
      ])
    ).rows as {
      id: string;
      phone: string;
      status: string;
      sent_at: Date | null;
      expires_at: Date;
    }[];
  const offerSms = async (phone: string) => (await smsTo(market, phone)).filter((sms) => /岗位邀请：/.test(sms.text));

  beforeAll(async () => {
    market = await startMarket({ quietHours: `${hhmm(Date.now() - 60 * MINUTE_MS)}-${hhmm(quietEnd)}` });
    for (const [name, person] of Object.entries(people)) {
      ids[name] = (
        await seekerWithProfile(market, person.phone, {
          name: '王五',
          lat: 27.93,
          lng: person.lng,
          availability: everyDay,
          consent: { dataProcessing: true, sms: person.sms },
        })
      ).id;
    }
    expect((await replyBySms(market, people.unsubscribed.phone, 'TD')).body).toEqual({ outcome: 'unsubscribed' });
  });
  afterAll(async () => {
    await market?.close();
  });

  it('offers only to people who take SMS, holds the offers until the quiet hours end, and counts their time from the send', async () => {
    const employer = await verifiedEmployer(market, '13600000401');
    if (Date.now() > quietEnd - 10_000)
      throw new Error('set-up took so long that the quiet hours are nearly over; the test cannot show them');
    const shift = (
      await request(market.url)
        .post('/api/shifts')
        .set(bearer(employer.token))
        .send(shiftInput({ publish: true, headcount: 1 }))
        .expect(201)
    ).body;

    // Two offers per place, to the best two who take SMS: not to the nearer two who declined or unsubscribed.
    const offers = await waitFor(
      'two offers',
      () => offersOn(shift.id),
      (rows) => rows.length === 2,
    );
    expect(offers.map((offer) => offer.phone).sort()).toEqual([people.willing.phone, people.changesMind.phone].sort());
    // Made in the quiet hours: not sent, answerable (as planned) from their end.
    for (const offer of offers) {
      expect(offer).toMatchObject({ status: 'pending', sent_at: null });
      expect(new Date(offer.expires_at).getTime()).toBe(quietEnd + 30 * MINUTE_MS);
    }
    expect(await offerSms(people.willing.phone)).toEqual([]);
    // Nobody's reply answers an offer they have not received.
    expect((await replyBySms(market, people.willing.phone, '1')).body).toEqual({ outcome: 'help' });

    // One of them unsubscribes before the morning: their offer is withdrawn unsent, the next person is asked instead.
    expect((await replyBySms(market, people.changesMind.phone, 'T')).body).toEqual({ outcome: 'unsubscribed' });

    const sent = await waitForSms(market, people.willing.phone, /岗位邀请：/).catch(() => null);
    expect(sent).toBeNull(); // waitForSms gives up after 15 s: still quiet
    await waitFor(
      'the offer SMS after the quiet hours',
      () => offerSms(people.willing.phone),
      (sms) => sms.some((m) => m.status === 'sent'),
      quietEnd - Date.now() + 60_000,
    );

    const after = await waitFor(
      'the backup to be offered and sent',
      () => offersOn(shift.id),
      (rows) => rows.some((row) => row.phone === people.backup.phone && row.sent_at !== null),
    );
    const willing = after.find((offer) => offer.phone === people.willing.phone)!;
    expect(new Date(willing.sent_at!).getTime()).toBeGreaterThanOrEqual(quietEnd);
    expect(new Date(willing.expires_at).getTime() - new Date(willing.sent_at!).getTime()).toBe(30 * MINUTE_MS);
    expect(after.find((offer) => offer.phone === people.changesMind.phone)!.status).toBe('withdrawn');
    expect(await offerSms(people.changesMind.phone)).toEqual([]);
    expect(after.map((offer) => offer.phone)).not.toContain(people.declined.phone);
    expect(after.map((offer) => offer.phone)).not.toContain(people.unsubscribed.phone);

    // Staff can still refer someone who takes no offers; their T withdraws nothing booked.
    const staff = await signInAdmin(market);
    const booking = await request(market.url)
      .post('/api/matching/referrals')
      .set(bearer(staff))
      .send({ shiftId: shift.id, workerId: ids.declined })
      .expect(201);
    expect((await replyBySms(market, people.declined.phone, 'TD')).body).toEqual({ outcome: 'unsubscribed' });
    expect((await market.db.query(`SELECT status FROM bookings WHERE id = $1`, [booking.body.id])).rows[0].status).toBe('confirmed');
    await waitForSms(market, people.declined.phone, /您已被录用/);
  }, 240_000);
});
