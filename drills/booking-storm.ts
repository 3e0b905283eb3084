import { shiftInput, workerInput } from '../test/support/people';
import { check, size, type Drill } from './drill';
import { Api, inParallel, phoneOf } from './support/api';
import { Cluster } from './support/cluster';

/**
 * A booking storm: every seeker has applied to several shifts of one morning (two overlapping
 * windows, so no seeker can work two of them), and the employer accepts every application at
 * once. PostgreSQL's row lock and exclusion constraint must keep each shift within its headcount
 * and each seeker on one shift: every answer a booking (201) or a refusal (409), never a 500, and
 * the rows agreeing with the answers.
 */
export const bookingStorm: Drill = {
  name: 'booking-storm',
  what: '1,000 parallel accepts on 100 shifts: headcounts exact, no overlaps, every answer 201 or 409',
  ci: true,
  async run(options) {
    const shiftCount = size('BOOKING_SHIFTS', 100, 40, options);
    const accepts = size('BOOKING_ACCEPTS', 1000, 400, options);
    const perSeeker = 4;
    const seekerCount = Math.ceil(accepts / perSeeker);
    const headcount = 3;
    const cluster = await new Cluster().start();
    try {
      const api = new Api(cluster.url);
      const staff = await api.signInAdmin();
      const employer = await api.verifiedEmployer('13600000701', staff);
      const day = new Date(Date.now() + 3 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
      // Two windows that overlap (08–12, 10–14): a seeker booked on one cannot take another.
      const windows = [
        [`${day}T08:00:00+08:00`, `${day}T12:00:00+08:00`],
        [`${day}T10:00:00+08:00`, `${day}T14:00:00+08:00`],
      ] as const;
      options.log(`publishing ${shiftCount} shifts, signing in ${seekerCount} seekers`);
      const shifts = await inParallel(Array.from({ length: shiftCount }, (_, i) => i), 10, async (i) => {
        const [startsAt, endsAt] = windows[i % 2]!;
        const input = shiftInput({ publish: true, headcount, title: `搬运 风暴${i}`, startsAt, endsAt, pay: { amountFen: 3000, unit: 'hour', settlement: 'daily' } });
        return (await api.expect<{ id: string }>(201, api.post('/api/shifts', employer.token, input), 'publishing a shift')).id;
      });
      const seekers = await inParallel(Array.from({ length: seekerCount }, (_, i) => phoneOf('1370071', i)), 20, async (phone, i) => {
        const token = await api.signIn(phone, 'worker');
        // No SMS consent: no alerts or offers, only what the storm does.
        await api.expect(201, api.post('/api/workers', token, workerInput({ name: `赵${i}`, consent: { dataProcessing: true, sms: false } })), 'a profile');
        return token;
      });
      const applications = (
        await inParallel(seekers, 20, async (token, i) => {
          const chosen = new Set<number>();
          while (chosen.size < perSeeker) chosen.add((i * 7 + chosen.size * 13 + Math.floor(Math.random() * shiftCount)) % shiftCount);
          return Promise.all(
            [...chosen].map(async (s) => (await api.expect<{ id: string }>(201, api.post(`/api/shifts/${shifts[s]}/applications`, token, {}), 'applying')).id),
          );
        })
      )
        .flat()
        .slice(0, accepts);

      options.log(`${applications.length} accepts at once`);
      const stormStarted = Date.now();
      const answers = await Promise.all(
        applications.map((id) =>
          api.post(`/api/applications/${id}/accept`, employer.token).catch((error: unknown) => ({ status: 0, body: String(error) })),
        ),
      );
      const stormMs = Date.now() - stormStarted;
      const byStatus = new Map<number, number>();
      const refusals = new Map<string, number>();
      for (const answer of answers) {
        byStatus.set(answer.status, (byStatus.get(answer.status) ?? 0) + 1);
        if (answer.status !== 201) {
          const code = `${answer.status} ${String((answer.body as { code?: string })?.code ?? JSON.stringify(answer.body).slice(0, 80))}`;
          refusals.set(code, (refusals.get(code) ?? 0) + 1);
        }
      }
      const booked = byStatus.get(201) ?? 0;
      const errors = answers.length - booked - (byStatus.get(409) ?? 0);

      const db = cluster.db;
      const overfull = (
        await db.query(
          `SELECT s.id, s.headcount, s.filled, count(b.id)::int AS active
             FROM shifts s LEFT JOIN bookings b ON b.shift_id = s.id AND b.status IN ('confirmed', 'checked_in', 'completed')
            GROUP BY s.id HAVING count(b.id) <> s.filled OR s.filled > s.headcount`,
        )
      ).rows;
      const overlaps = (
        await db.query(
          `SELECT count(*)::int AS n FROM bookings a JOIN bookings b ON a.worker_id = b.worker_id AND a.id < b.id AND a.period && b.period
            WHERE a.status IN ('confirmed', 'checked_in', 'completed') AND b.status IN ('confirmed', 'checked_in', 'completed')`,
        )
      ).rows[0].n as number;
      const rows = (await db.query(`SELECT count(*)::int AS n FROM bookings`)).rows[0].n as number;
      const acceptedApplications = (await db.query(`SELECT count(*)::int AS n FROM applications WHERE status = 'accepted'`)).rows[0].n as number;
      const full = (await db.query(`SELECT count(*)::int AS n FROM shifts WHERE filled = headcount`)).rows[0].n as number;

      const problems: string[] = [];
      check(problems, errors === 0, `${errors} answers neither 201 nor 409: ${JSON.stringify(Object.fromEntries(byStatus))}`);
      check(problems, overfull.length === 0, `${overfull.length} shifts whose filled count disagrees with their bookings or passes the headcount: ${JSON.stringify(overfull.slice(0, 5))}`);
      check(problems, overlaps === 0, `${overlaps} pairs of overlapping bookings of one seeker`);
      check(problems, rows === booked, `${rows} booking rows for ${booked} bookings answered`);
      check(problems, acceptedApplications === booked, `${acceptedApplications} applications accepted for ${booked} bookings answered`);
      check(problems, booked <= Math.min(seekerCount, shiftCount * headcount), `${booked} bookings, more than seekers or places`);
      return {
        counts: {
          accepts: answers.length,
          shifts: shiftCount,
          booked,
          'refused (409)': byStatus.get(409) ?? 0,
          'other answers': errors,
          'over headcount': overfull.length,
          overlaps,
        },
        notes: [
          `answers other than 201 by code: ${JSON.stringify(Object.fromEntries(refusals))}; ${full} of ${shiftCount} shifts filled (${headcount} places each, ${seekerCount} seekers × ${perSeeker} applications); the storm took ${stormMs} ms`,
        ],
        problems,
      };
    } finally {
      await cluster.close();
    }
  },
};
