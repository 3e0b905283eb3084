import request from 'supertest';
import { verifiedEmployer } from '../support/employers';
import { startMarket, type Market } from '../support/market';
import { bearer, shiftInput, signIn, workerInput } from '../support/people';

/** DESIGN.md: PostgreSQL keeps the invariants, whatever the concurrency. */
describe('bookings under concurrency', () => {
  let market: Market;
  let employer: { token: string; id: string };
  const api = () => request(market.url);

  async function seekerWithApplication(index: number, shiftIds: string[]) {
    const phone = `1370001${String(index).padStart(4, '0')}`;
    const token = await signIn(market, phone, 'worker');
    await api()
      .post('/api/workers')
      .set(bearer(token))
      .send(workerInput({ name: `工人${index}` }))
      .expect(201);
    const applications: string[] = [];
    for (const shiftId of shiftIds) {
      applications.push((await api().post(`/api/shifts/${shiftId}/applications`).set(bearer(token)).send({}).expect(201)).body.id);
    }
    return applications;
  }

  beforeAll(async () => {
    market = await startMarket();
    employer = await verifiedEmployer(market, '13600000041');
  });
  afterAll(async () => {
    await market.close();
  });

  it('books exactly 5 of 50 parallel accepts onto a shift of 5; the other 45 get SHIFT_FULL', async () => {
    const shift = (
      await api()
        .post('/api/shifts')
        .set(bearer(employer.token))
        .send(shiftInput({ publish: true, headcount: 5 }))
        .expect(201)
    ).body;
    const applications: string[] = [];
    for (let batch = 0; batch < 5; batch += 1) {
      const ids = await Promise.all(Array.from({ length: 10 }, (_, i) => seekerWithApplication(batch * 10 + i, [shift.id])));
      applications.push(...ids.flat());
    }
    expect(applications).toHaveLength(50);

    const answers = await Promise.all(applications.map((id) => api().post(`/api/applications/${id}/accept`).set(bearer(employer.token))));
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(5);
    expect(statuses.filter((status) => status === 409)).toHaveLength(45);
    expect(answers.filter((answer) => answer.status === 409).every((answer) => answer.body.code === 'SHIFT_FULL')).toBe(true);

    const after = await api().get(`/api/shifts/${shift.id}`).expect(200);
    expect(after.body).toMatchObject({ filled: 5, remaining: 0, status: 'filled' });
    const rows = await market.db.query(`SELECT count(*)::int AS n FROM bookings WHERE shift_id = $1 AND status = 'confirmed'`, [shift.id]);
    expect(rows.rows[0].n).toBe(5);
    const accepted = await market.db.query(`SELECT count(*)::int AS n FROM applications WHERE shift_id = $1 AND status = 'accepted'`, [
      shift.id,
    ]);
    expect(accepted.rows[0].n).toBe(5);
  });

  it('books one seeker onto only one of two overlapping shifts accepted at once; the other is DOUBLE_BOOKING', async () => {
    const other = await verifiedEmployer(market, '13600000042', '瓯海物流');
    const morning = (
      await api()
        .post('/api/shifts')
        .set(bearer(employer.token))
        .send(shiftInput({ publish: true }, 9))
        .expect(201)
    ).body;
    const overlapping = (
      await api()
        .post('/api/shifts')
        .set(bearer(other.token))
        .send(
          shiftInput(
            { publish: true, startsAt: morning.startsAt.replace('T08:00', 'T12:00'), endsAt: morning.endsAt.replace('T17:00', 'T20:00') },
            9,
          ),
        )
        .expect(201)
    ).body;
    const [first, second] = await seekerWithApplication(99, [morning.id, overlapping.id]);

    const answers = await Promise.all([
      api().post(`/api/applications/${first}/accept`).set(bearer(employer.token)),
      api().post(`/api/applications/${second}/accept`).set(bearer(other.token)),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    expect(answers.find((answer) => answer.status === 409)!.body.code).toBe('DOUBLE_BOOKING');
    const filled = await market.db.query(`SELECT sum(filled)::int AS n FROM shifts WHERE id = ANY($1)`, [[morning.id, overlapping.id]]);
    expect(filled.rows[0].n).toBe(1);
  });

  it('allows back-to-back shifts: [08:00,12:00) then [12:00,17:00)', async () => {
    const am = (
      await api()
        .post('/api/shifts')
        .set(bearer(employer.token))
        .send(shiftInput({ publish: true, endsAt: shiftInput({}, 10).startsAt.replace('T08:00', 'T12:00') }, 10))
        .expect(201)
    ).body;
    const pm = (
      await api()
        .post('/api/shifts')
        .set(bearer(employer.token))
        .send(shiftInput({ publish: true, startsAt: am.endsAt }, 10))
        .expect(201)
    ).body;
    const [a, b] = await seekerWithApplication(98, [am.id, pm.id]);
    await api().post(`/api/applications/${a}/accept`).set(bearer(employer.token)).expect(201);
    await api().post(`/api/applications/${b}/accept`).set(bearer(employer.token)).expect(201);
  });
});
