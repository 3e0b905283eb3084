import request from 'supertest';
import { verifiedEmployer } from '../support/employers';
import { LossyHop } from '../support/lossy-hop';
import { startMarket, type Market } from '../support/market';
import { bearer, seekerWithProfile, shiftInput, signInAdmin, waitForSms } from '../support/people';
import { replyBySms } from '../support/sms-gateway';
import { waitFor } from '../support/wait-for';

/**
 * No piece of work is lost or stuck: an accept whose answer was lost between matching and
 * job-posting ends with one booking and the offer accepted; a dispatch confirm cut off half-way
 * is finished by running it again (or by the sweep); an outbox event nobody was woken for is
 * relayed by the sweep.
 */
describe('work interrupted between services', () => {
  let market: Market;
  let hop: LossyHop;
  let employer: { token: string; id: string };
  let staff: string;
  const everyDay = Array.from({ length: 7 }, (_, i) => ({ day: i + 1, start: '06:00', end: '22:00' }));
  const seekers = ['13700000301', '13700000302', '13700000303'];
  const api = () => request(market.url);

  const publish = async (daysAhead: number, headcount: number, title: string) =>
    (
      await api()
        .post('/api/shifts')
        .set(bearer(employer.token))
        .send(shiftInput({ publish: true, headcount, title }, daysAhead))
        .expect(201)
    ).body as { id: string };
  const offersOn = async (shiftId: string) =>
    (await market.db.query(`SELECT id, phone, status, booking_id FROM offers WHERE shift_id = $1 ORDER BY score DESC, phone`, [shiftId]))
      .rows as {
      id: string;
      phone: string;
      status: string;
      booking_id: string | null;
    }[];
  const bookingsOn = async (shiftId: string) =>
    (await market.db.query(`SELECT id, worker_id, status, idempotency_key FROM bookings WHERE shift_id = $1`, [shiftId])).rows as {
      id: string;
      worker_id: string;
      status: string;
      idempotency_key: string | null;
    }[];

  beforeAll(async () => {
    market = await startMarket({
      matchingToJobPosting: async (jobPosting) => {
        hop = new LossyHop(jobPosting);
        return hop.start();
      },
      // The relay's poll is as good as dead here: only NOTIFY (and the sweep) move the outbox.
      workerEnv: { SWEEP_EVERY_SECONDS: '5', OUTBOX_POLL_MS: '3600000' },
    });
    employer = await verifiedEmployer(market, '13600000301');
    staff = await signInAdmin(market);
    for (const [i, phone] of seekers.entries())
      await seekerWithProfile(market, phone, { name: `王${i}`, lat: 27.93, lng: 120.8 + i * 0.01, availability: everyDay });
  });
  afterAll(async () => {
    await market?.close();
    await hop?.stop();
  });

  it('books once when job-posting’s answer to an accept is lost on the way, and the offer ends accepted', async () => {
    const shift = await publish(2, 1, '包装 接受重试');
    const [first] = await waitFor(
      'two offers',
      () => offersOn(shift.id),
      (rows) => rows.length === 2,
    );
    await waitForSms(market, first!.phone, /岗位邀请：包装 接受重试/);

    hop.loseAnswers(1);
    expect((await replyBySms(market, first!.phone, '1')).body).toEqual({ outcome: 'accepted' });
    expect(hop.lost).toBe(1);
    const bookings = await bookingsOn(shift.id);
    expect(bookings).toEqual([expect.objectContaining({ status: 'confirmed', idempotency_key: first!.id })]);
    expect((await offersOn(shift.id)).find((offer) => offer.id === first!.id)).toMatchObject({
      status: 'accepted',
      booking_id: bookings[0]!.id,
    });
    await waitForSms(market, first!.phone, /您已被录用：包装 接受重试/);
  });

  it('finishes an accept cut off after job-posting booked: the overdue offer is settled accepted by the sweep, not expired', async () => {
    const shift = await publish(4, 2, '分拣 中断');
    const [first] = await waitFor(
      'three offers',
      () => offersOn(shift.id),
      (rows) => rows.length === 3,
    );
    await waitForSms(market, first!.phone, /岗位邀请：分拣 中断/);

    hop.loseAnswers();
    expect((await replyBySms(market, first!.phone, '1')).body).toEqual({ outcome: 'refused' });
    hop.heal();
    // Job-posting did book; matching never heard. The offer waits, pending.
    expect(await bookingsOn(shift.id)).toEqual([expect.objectContaining({ status: 'confirmed' })]);
    expect((await offersOn(shift.id)).find((offer) => offer.id === first!.id)!.status).toBe('pending');

    // Its time runs out: the sweep finds the booking made under its key and finishes the accept.
    await market.db.query(`UPDATE offers SET expires_at = now() - interval '1 minute' WHERE id = $1`, [first!.id]);
    const settled = await waitFor(
      'the sweep to settle the offer',
      async () => (await offersOn(shift.id)).find((offer) => offer.id === first!.id)!,
      (offer) => offer.status !== 'pending',
      30_000,
    );
    const bookings = await bookingsOn(shift.id);
    expect(bookings).toHaveLength(1);
    expect(settled).toMatchObject({ status: 'accepted', booking_id: bookings[0]!.id });
    // The reply that could not be answered was told to wait, not that it was refused.
    await waitForSms(market, first!.phone, /系统繁忙/);
  });

  it('completes a dispatch confirm cut off half-way: run again by staff, or by the sweep when left', async () => {
    const plan = async (daysAhead: number) => {
      const shifts = [await publish(daysAhead, 1, `装卸 调度${daysAhead}`)];
      const body = (
        await api()
          .post('/api/dispatch/plans')
          .set(bearer(staff))
          .send({ shiftIds: shifts.map((s) => s.id) })
          .expect(201)
      ).body as {
        id: string;
        assignments: { shiftId: string; workerId: string }[];
      };
      expect(body.assignments).toHaveLength(1);
      return body;
    };
    const keyed = async (planId: string) =>
      (await market.db.query(`SELECT shift_id, worker_id, status FROM bookings WHERE idempotency_key LIKE $1`, [`dispatch:${planId}:%`]))
        .rows;
    const planStatus = async (planId: string) =>
      (await market.db.query(`SELECT status FROM dispatch_plans WHERE id = $1`, [planId])).rows[0].status as string;

    // Job-posting books, but none of its answers reach matching: the plan stays confirming.
    const first = await plan(6);
    hop.loseAnswers();
    const cut = await api().post(`/api/dispatch/plans/${first.id}/confirm`).set(bearer(staff)).expect(201);
    hop.heal();
    expect(cut.body).toMatchObject({ bookings: 0, status: 'confirming' });
    expect(await planStatus(first.id)).toBe('confirming');
    expect(await keyed(first.id)).toHaveLength(1);

    // Staff confirm again: what was booked is found, nothing is booked twice.
    expect((await api().post(`/api/dispatch/plans/${first.id}/confirm`).set(bearer(staff)).expect(201)).body).toMatchObject({
      bookings: 1,
      status: 'confirmed',
    });
    expect(await keyed(first.id)).toEqual([
      { shift_id: first.assignments[0]!.shiftId, worker_id: first.assignments[0]!.workerId, status: 'confirmed' },
    ]);
    await api().post(`/api/dispatch/plans/${first.id}/confirm`).set(bearer(staff)).expect(409);

    // A plan left confirming (staff walked away) is finished by the sweep.
    const second = await plan(8);
    hop.loseAnswers();
    await api().post(`/api/dispatch/plans/${second.id}/confirm`).set(bearer(staff)).expect(201);
    hop.heal();
    await market.db.query(`UPDATE dispatch_plans SET confirm_started_at = now() - interval '10 minutes' WHERE id = $1`, [second.id]);
    await waitFor(
      'the sweep to finish the plan',
      () => planStatus(second.id),
      (status) => status === 'confirmed',
      30_000,
    );
    expect(await keyed(second.id)).toHaveLength(1);
  });

  it('relays an outbox event nobody was woken for (a lost NOTIFY, a dead poll)', async () => {
    const phone = '13700000309';
    // Nothing else in flight, so no other event's NOTIFY wakes the relay for this one.
    const events = market.queue('domain-events');
    const busy = async () => {
      const counts = await events.getJobCounts('active', 'waiting', 'prioritized');
      const unrelayed = (await market.db.query(`SELECT count(*)::int AS n FROM outbox_events WHERE relayed_at IS NULL`)).rows[0]
        .n as number;
      return counts.active! + counts.waiting! + counts.prioritized! + unrelayed;
    };
    await waitFor('the market to be idle', busy, (n) => n === 0, 30_000);
    await events.close();
    // Written as a service would, but with triggers off for this session: no NOTIFY is sent.
    await market.db.query('BEGIN');
    await market.db.query(`SET LOCAL session_replication_role = replica`);
    await market.db.query(
      `INSERT INTO outbox_events (type, payload, created_at) VALUES ('sms.help_requested', $1, now() - interval '1 minute')`,
      [JSON.stringify({ phone })],
    );
    await market.db.query('COMMIT');
    await waitForSms(market, phone, /回复1接受最近一条岗位邀请/);
    expect((await market.db.query(`SELECT count(*)::int AS n FROM outbox_events WHERE relayed_at IS NULL`)).rows[0].n).toBe(0);
  });
});
