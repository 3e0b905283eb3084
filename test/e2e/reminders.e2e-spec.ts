import type { Queue } from 'bullmq';
import request from 'supertest';
import { minutesFromNow, verifiedEmployer } from '../support/employers';
import { startMarket, type Market } from '../support/market';
import { bearer, seekerWithProfile, shiftInput, signInAdmin, waitForSms } from '../support/people';
import { replyBySms } from '../support/sms-gateway';
import { waitFor } from '../support/wait-for';

const HOUR_MS = 3_600_000;

/**
 * Reminders of booked work: the evening before, a reply of 1 confirms and 2 cancels; a booking
 * left unconfirmed is released, the employer told and the place offered to the next candidate;
 * two hours before the start, a last reminder. The delayed jobs are promoted to run now.
 */
describe('booking reminders', () => {
  let market: Market;
  let reminders: Queue;
  const employerPhone = '13600000091';
  let employer: { token: string; id: string };
  const tokens: Record<string, string> = {};
  const [nearest, second, third] = ['13700000091', '13700000092', '13700000093'];
  const everyDay = Array.from({ length: 7 }, (_, i) => ({ day: i + 1, start: '06:00', end: '22:00' }));
  const api = () => request(market.url);
  const reply = (from: string, text: string) => replyBySms(market, from, text);

  async function seeker(phone: string, name: string, lng: number) {
    tokens[phone] = (await seekerWithProfile(market, phone, { name, lat: 27.93, lng, availability: everyDay })).token;
  }
  const booking = async (shiftId: string) =>
    (
      await market.db.query(
        `SELECT b.id, b.status, b.cancelled_by AS "cancelledBy", b.attendance_confirmed_at AS "confirmedAt", w.phone FROM bookings b JOIN workers w ON w.id = b.worker_id WHERE b.shift_id = $1 ORDER BY b.created_at DESC`,
        [shiftId],
      )
    ).rows[0] as { id: string; status: string; cancelledBy: string | null; confirmedAt: Date | null; phone: string } | undefined;
  // Sent, not just made: a reply answers only an offer the phone has received.
  const offersTo = async (shiftId: string) =>
    await waitFor(
      'offers sent',
      async () =>
        (
          await market.db.query(`SELECT phone FROM offers WHERE shift_id = $1 AND sent_at IS NOT NULL ORDER BY score DESC`, [shiftId])
        ).rows.map((row) => row.phone as string),
      (phones) => phones.length === 2,
    );
  async function run(step: 'attendance-ask' | 'attendance-release' | 'booking-starting_soon', bookingId: string) {
    const jobId = `${step}-${bookingId}`;
    const job = await waitFor(
      `the ${step} job`,
      () => reminders.getJob(jobId),
      (found) => found !== undefined,
    );
    await job!.promote();
    // Read afresh each time: a failed attempt shows as attemptsMade, with its reason.
    const outcome = await waitFor(
      `${step} to run`,
      async () => {
        const now = (await reminders.getJob(jobId))!;
        return { state: await now.getState(), attempts: now.attemptsMade, reason: now.failedReason };
      },
      ({ state, attempts }) => state === 'completed' || attempts > 0,
    );
    if (outcome.state !== 'completed') throw new Error(`${step} failed: ${outcome.reason}`);
  }
  /** The question was asked long enough ago to count as unanswered. */
  const askedHoursAgo = (bookingId: string, hours: number) =>
    market.db.query(`UPDATE bookings SET attendance_requested_at = now() - make_interval(hours => $2) WHERE id = $1`, [bookingId, hours]);

  beforeAll(async () => {
    market = await startMarket();
    reminders = market.queue('booking-reminders');
    employer = await verifiedEmployer(market, employerPhone);
    await seeker(nearest, '最近的', 120.801);
    await seeker(second, '第二近', 120.81);
    await seeker(third, '第三近', 120.83);
  });
  afterAll(async () => {
    await reminders.close();
    await market.close();
  });

  it('schedules the evening question, the deadline and the last reminder; a reply of 1 confirms', async () => {
    const input = shiftInput({ publish: true, headcount: 1 }, 3);
    const shift = (await api().post('/api/shifts').set(bearer(employer.token)).send(input).expect(201)).body;
    const [first] = await offersTo(shift.id);
    expect(first).toBe(nearest);
    expect((await reply(nearest, '1')).body).toEqual({ outcome: 'accepted' });
    const booked = await waitFor(
      'the booking',
      () => booking(shift.id),
      (row) => row !== undefined,
    );

    // Quiet hours are off in tests, so the deadline is plainly three hours before the 08:00 start.
    const startsAt = new Date(input.startsAt as string).getTime();
    const due = async (step: string) => {
      const job = await waitFor(
        `the ${step} job`,
        () => reminders.getJob(`${step}-${booked!.id}`),
        (found) => found !== undefined,
      );
      // To the second: BullMQ stamps the job with its own clock a millisecond or so after ours.
      return Math.round((job!.timestamp + job!.delay) / 1000) * 1000;
    };
    expect(await due('attendance-ask')).toBe(startsAt - 14 * HOUR_MS); // 18:00 the evening before
    expect(await due('attendance-release')).toBe(startsAt - 3 * HOUR_MS);
    expect(await due('booking-starting_soon')).toBe(startsAt - 2 * HOUR_MS);

    await run('attendance-ask', booked!.id);
    const question = await waitForSms(market, nearest, /上工确认：仓库搬运/);
    expect(question.text).toMatch(/能按时到岗请回复1，来不了请回复2；\d+\/\d+ 05:00前未回复，名额将让给其他人。/);

    expect((await reply(nearest, '1')).body).toEqual({ outcome: 'attendance_confirmed' });
    await waitForSms(market, nearest, /已确认：仓库搬运/);
    expect((await booking(shift.id))!.confirmedAt).not.toBeNull();

    // Confirmed, so the deadline passes it by; the last reminder goes out.
    await askedHoursAgo(booked!.id, 2);
    await run('attendance-release', booked!.id);
    expect((await booking(shift.id))!.status).toBe('confirmed');
    await run('booking-starting_soon', booked!.id);
    await waitForSms(market, nearest, /上工提醒：仓库搬运/);

    // The page can confirm too; only the booked seeker may.
    const confirmed = await api().post(`/api/bookings/${booked!.id}/confirm-attendance`).set(bearer(tokens[nearest]!)).expect(200);
    expect(confirmed.body.attendanceConfirmedAt).toMatch(/\+08:00$/);
    await api().post(`/api/bookings/${booked!.id}/confirm-attendance`).set(bearer(tokens[second]!)).expect(404);
    await api().post(`/api/bookings/${booked!.id}/confirm-attendance`).set(bearer(employer.token)).expect(403);
  });

  it('releases a booking left unconfirmed, tells seeker and employer, and offers the place to the next candidate', async () => {
    const shift = (
      await api()
        .post('/api/shifts')
        .set(bearer(employer.token))
        .send(shiftInput({ publish: true, headcount: 1 }, 4))
        .expect(201)
    ).body;
    const asked = await offersTo(shift.id);
    expect(asked).toEqual([nearest, second]);
    expect((await reply(second, '1')).body).toEqual({ outcome: 'accepted' });
    expect((await reply(nearest, '2')).body).toEqual({ outcome: 'declined' });
    const booked = (await waitFor(
      'the booking',
      () => booking(shift.id),
      (row) => row !== undefined,
    ))!;

    await run('attendance-ask', booked.id);
    await waitForSms(market, second, /上工确认：仓库搬运/);
    // Asked only moments ago: not yet unanswered, so the deadline job leaves it be.
    await run('attendance-release', booked.id);
    expect((await booking(shift.id))!.status).toBe('confirmed');

    await askedHoursAgo(booked.id, 2);
    await reminders.remove(`attendance-release-${booked.id}`);
    await reminders.add('attendance.release', { bookingId: booked.id }, { jobId: `attendance-release-${booked.id}` });
    await waitFor(
      'the release',
      () => booking(shift.id),
      (row) => row?.status === 'cancelled',
    );
    expect((await booking(shift.id))!.cancelledBy).toBe('market');

    await waitForSms(market, second, /名额已让给其他人，这不影响您的信用/);
    await waitForSms(market, employerPhone, /第二近未按时确认仓库搬运.*名额已重新开放/);
    // The nearest said no to this shift and the second was released: the third is asked.
    await waitForSms(market, third, /岗位邀请：仓库搬运/);
    const shiftNow = await api().get(`/api/shifts/${shift.id}`).expect(200);
    expect(shiftNow.body).toMatchObject({ status: 'open', filled: 0 });
    // A released booking is not held against the seeker.
    const row = await market.db.query(`SELECT late_cancellation FROM bookings WHERE id = $1`, [booked.id]);
    expect(row.rows[0].late_cancellation).toBe(false);
  });

  it('reads a 1 as coming, not as taking an offer of the same shift the person was since referred to', async () => {
    const admin = await signInAdmin(market);
    const shift = (
      await api()
        .post('/api/shifts')
        .set(bearer(employer.token))
        .send(shiftInput({ publish: true, headcount: 1, title: '转介绍 搬运' }, 9))
        .expect(201)
    ).body;
    const [offered] = await offersTo(shift.id);
    const workerId = (await market.db.query(`SELECT id FROM workers WHERE phone = $1`, [offered])).rows[0].id as string;
    // Only this shift's offer stands for the phone, sent after the evening question: the question a reply would pick.
    await market.db.query(`UPDATE offers SET status = 'expired' WHERE phone = $1 AND shift_id <> $2 AND status = 'pending'`, [
      offered,
      shift.id,
    ]);
    const referred = (await api().post('/api/matching/referrals').set(bearer(admin)).send({ shiftId: shift.id, workerId }).expect(201))
      .body;
    await run('attendance-ask', referred.id);
    await waitForSms(market, offered!, /上工确认：转介绍 搬运/);
    await market.db.query(
      `UPDATE bookings SET attendance_requested_at = (SELECT sent_at - interval '1 minute' FROM offers WHERE shift_id = $2 AND phone = $3) WHERE id = $1`,
      [referred.id, shift.id, offered],
    );

    expect((await reply(offered!, '1')).body).toEqual({ outcome: 'attendance_confirmed' });
    expect((await booking(shift.id))!.confirmedAt).not.toBeNull();
  });

  it('takes one reply of 1 for every booking asked about that evening', async () => {
    const admin = await signInAdmin(market);
    const workerId = (await market.db.query(`SELECT id FROM workers WHERE phone = $1`, [second])).rows[0].id as string;
    const booked: string[] = [];
    for (const [title, start, end] of [
      ['上午 搬运', '08:00', '12:00'],
      ['下午 搬运', '13:00', '17:00'],
    ] as const) {
      const input = shiftInput({ publish: true, headcount: 2, title }, 7);
      const day = (input.startsAt as string).slice(0, 10);
      const shift = (
        await api()
          .post('/api/shifts')
          .set(bearer(employer.token))
          .send({ ...input, startsAt: `${day}T${start}:00+08:00`, endsAt: `${day}T${end}:00+08:00` })
          .expect(201)
      ).body;
      booked.push(
        (await api().post('/api/matching/referrals').set(bearer(admin)).send({ shiftId: shift.id, workerId }).expect(201)).body
          .id as string,
      );
    }
    for (const id of booked) await run('attendance-ask', id);
    await waitForSms(market, second, /上工确认：上午 搬运/);
    await waitForSms(market, second, /上工确认：下午 搬运/);

    expect((await reply(second, '1')).body).toEqual({ outcome: 'attendance_confirmed' });
    const confirmed = await market.db.query(
      `SELECT count(*)::int AS n FROM bookings WHERE id = ANY($1) AND attendance_confirmed_at IS NOT NULL`,
      [booked],
    );
    expect(confirmed.rows[0].n).toBe(2);
    await waitForSms(market, second, /已确认：上午 搬运/);
    await waitForSms(market, second, /已确认：下午 搬运/);
  });

  it('cancels on a reply of 2 to the evening question, and the employer hears of it', async () => {
    // Eight hours from now: well within LATE_CANCELLATION_HOURS (12).
    const soon = shiftInput({ publish: true, headcount: 2, startsAt: minutesFromNow(8 * 60), endsAt: minutesFromNow(12 * 60) });
    const shift = (await api().post('/api/shifts').set(bearer(employer.token)).send(soon).expect(201)).body;
    const admin = await signInAdmin(market);
    const workerId = (await market.db.query(`SELECT id FROM workers WHERE phone = $1`, [third])).rows[0].id as string;
    await api().post('/api/matching/referrals').set(bearer(admin)).send({ shiftId: shift.id, workerId }).expect(201);
    const booked = (await booking(shift.id))!;

    // Booked so near the start that, at most hours of the day, no question is scheduled: ask as if
    // it had been booked earlier (or, when one is scheduled, bring it forward).
    const ask = await reminders.add('attendance.ask', { bookingId: booked.id }, { jobId: `attendance-ask-${booked.id}` });
    if (await ask.isDelayed()) await ask.promote();
    await waitForSms(market, third, /上工确认：仓库搬运/);
    // The evening question is the latest one sent to this phone, whatever offers came before.
    expect((await reply(third, '２')).body).toEqual({ outcome: 'booking_cancelled' });
    expect(await booking(shift.id)).toMatchObject({ status: 'cancelled', cancelledBy: 'worker' });
    // Answering the question honestly is never a late cancellation, however near the start.
    const late = await market.db.query(`SELECT late_cancellation FROM bookings WHERE id = $1`, [booked.id]);
    expect(late.rows[0].late_cancellation).toBe(false);
    await waitForSms(market, employerPhone, /第三近已取消仓库搬运/);
  });
});
