import request from 'supertest';
import { verifiedEmployer } from '../support/employers';
import { startMarket, type Market } from '../support/market';
import { bearer, seekerWithProfile, shiftInput, signInAdmin } from '../support/people';
import { waitFor } from '../support/wait-for';

/**
 * Work per request is bounded before it starts: a shift's length, and how many offers stand for a
 * shift, whatever a client sends and however often. (Speed itself is measured by benchmarks, not here.)
 */
describe('bounded work per request', () => {
  let market: Market;
  let employer: { token: string; id: string };
  const api = () => request(market.url);
  const everyDay = Array.from({ length: 7 }, (_, i) => ({ day: i + 1, start: '06:00', end: '22:00' }));
  const hourly = { amountFen: 3000, unit: 'hour', settlement: 'daily' };
  const phones = Array.from({ length: 8 }, (_, i) => `137000031${String(i).padStart(2, '0')}`);

  beforeAll(async () => {
    market = await startMarket();
    employer = await verifiedEmployer(market, '13600003101');
    for (const [i, phone] of phones.entries()) {
      await seekerWithProfile(market, phone, { name: `候选${i}`, lat: 27.93, lng: 120.8 + i * 0.002, availability: everyDay });
    }
  });
  afterAll(async () => {
    await market.close();
  });

  describe('a shift lasts at most 24 hours', () => {
    it.each([
      ['temporary', '9999-12-31T17:00:00+08:00', 'temporary'],
      ['part-time', '9999-12-31T17:00:00+08:00', 'part_time'],
      ['part-time', '2099-12-31T17:00:00+08:00', 'part_time'],
    ])('refuses a %s shift ending %s at validation, and the service answers the next request', async (_what, endsAt, employmentType) => {
      const posting = api()
        .post('/api/shifts')
        .set(bearer(employer.token))
        .send(shiftInput({ employmentType, endsAt, pay: hourly }));
      const [refused, board] = await Promise.all([posting, api().get('/api/shifts')]);
      expect({ status: refused.status, message: refused.body.message as unknown }).toEqual({
        status: 400,
        message: expect.arrayContaining(['endsAt must be at most 24 hours after startsAt; post a longer job as several shifts']),
      });
      expect(board.status).toBe(200);
      expect(
        (await market.db.query(`SELECT count(*)::int AS n FROM shifts WHERE ends_at > starts_at + interval '24 hours'`)).rows[0].n,
      ).toBe(0);
    });

    it('takes a shift of exactly 24 hours, and refuses one a minute longer', async () => {
      const day = shiftInput({}, 9);
      const start = Date.parse(day.startsAt);
      const at = (ms: number) => new Date(ms).toISOString();
      await api()
        .post('/api/shifts')
        .set(bearer(employer.token))
        .send({ ...day, pay: hourly, endsAt: at(start + 24 * 3_600_000) })
        .expect(201);
      await api()
        .post('/api/shifts')
        .set(bearer(employer.token))
        .send({ ...day, pay: hourly, endsAt: at(start + 24 * 3_600_000 + 60_000) })
        .expect(400);
    });
  });

  describe('offers stand at most OFFERS_PER_PLACE (2) per place left', () => {
    const pending = async (shiftId: string) =>
      (await market.db.query(`SELECT count(*)::int AS n FROM offers WHERE shift_id = $1 AND status = 'pending'`, [shiftId])).rows[0]
        .n as number;

    /** The matching run the worker starts on publication has finished (its domain-events job completed). */
    async function publishedRunDone(shiftId: string): Promise<void> {
      const queue = market.queue('domain-events');
      try {
        await waitFor(
          'the published shift’s matching run',
          async () => {
            const event = (
              await market.db.query(`SELECT id FROM outbox_events WHERE type = 'shift.published' AND payload->>'shiftId' = $1`, [shiftId])
            ).rows[0];
            return event ? await (await queue.getJob(event.id as string))?.getState() : undefined;
          },
          (state) => state === 'completed',
        );
      } finally {
        await queue.close();
      }
    }

    it('however often an employer asks for 100 more: one place, two offers', async () => {
      const shift = (
        await api()
          .post('/api/shifts')
          .set(bearer(employer.token))
          .send(shiftInput({ publish: true, headcount: 1 }, 4))
          .expect(201)
      ).body;
      await publishedRunDone(shift.id);
      expect(await pending(shift.id)).toBe(2);
      for (let i = 0; i < 3; i += 1) {
        const asked = await api()
          .post(`/api/matching/shifts/${shift.id}/offers`)
          .set(bearer(employer.token))
          .send({ count: 100 })
          .expect(202);
        expect(asked.body).toEqual({ offered: 0 });
      }
      expect(await pending(shift.id)).toBe(2);
      // A smaller count still asks for fewer, never more.
      await api().post(`/api/matching/shifts/${shift.id}/offers`).set(bearer(employer.token)).send({ count: 1 }).expect(202);
      expect(await pending(shift.id)).toBe(2);
    });

    it('holds under concurrent asks by the employer and staff, whatever the count', async () => {
      const staff = await signInAdmin(market);
      const shift = (
        await api()
          .post('/api/shifts')
          .set(bearer(employer.token))
          .send(shiftInput({ publish: true, headcount: 2 }, 5))
          .expect(201)
      ).body;
      const asks = Array.from({ length: 6 }, (_, i) =>
        api()
          .post(`/api/matching/shifts/${shift.id}/offers`)
          .set(bearer(i % 2 === 0 ? employer.token : staff))
          .send({ count: 100 }),
      );
      const answers = await Promise.all(asks);
      expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 202));
      await publishedRunDone(shift.id);
      // Two places: four offers at most, of the eight people who could be asked.
      expect(await pending(shift.id)).toBe(4);
      const offered = answers.reduce((sum, answer) => sum + (answer.body.offered as number), 0);
      expect(offered).toBeLessThanOrEqual(4);
    });
  });
});
