import request from 'supertest';
import { verifiedEmployer } from '../support/employers';
import { startMarket, type Market } from '../support/market';
import { bearer, seekerWithProfile, shiftInput } from '../support/people';

describe('GET /api/shifts/:id/employer', () => {
  let market: Market;
  beforeAll(async () => {
    market = await startMarket();
  });
  afterAll(() => market.close());

  it("names the employer of a public shift with seekers' rating, and keeps drafts private", async () => {
    const employer = await verifiedEmployer(market, '13600000701', '龙湾某鞋业有限公司');
    const open = await request(market.url)
      .post('/api/shifts')
      .set(bearer(employer.token))
      .send(shiftInput({ publish: true }))
      .expect(201);
    const unrated = await request(market.url).get(`/api/shifts/${open.body.id}/employer`).expect(200);
    expect(unrated.body).toEqual({ name: '龙湾某鞋业有限公司', verified: true, rating: null, ratings: 0 });

    // Two seekers' ratings and the employer's own rating of a seeker (which must not count).
    const seeker = await seekerWithProfile(market, '13700000701');
    const application = await request(market.url)
      .post(`/api/shifts/${open.body.id}/applications`)
      .set(bearer(seeker.token))
      .send({})
      .expect(201);
    const booking = await request(market.url)
      .post(`/api/applications/${application.body.id}/accept`)
      .set(bearer(employer.token))
      .expect(201);
    await market.db.query(
      `INSERT INTO ratings (booking_id, rater, worker_id, employer_id, stars) VALUES ($1, 'worker', $2, $3, 4), (gen_random_uuid(), 'worker', $2, $3, 5), ($1, 'employer', $2, $3, 1)`,
      [booking.body.id, seeker.id, employer.id],
    );
    const rated = await request(market.url).get(`/api/shifts/${open.body.id}/employer`).expect(200);
    expect(rated.body).toMatchObject({ rating: 4.5, ratings: 2 });

    const draft = await request(market.url)
      .post('/api/shifts')
      .set(bearer(employer.token))
      .send(shiftInput({ publish: false }))
      .expect(201);
    await request(market.url).get(`/api/shifts/${draft.body.id}/employer`).expect(404);
    await request(market.url).get(`/api/shifts/${draft.body.id}/employer`).set(bearer(employer.token)).expect(200);
    await request(market.url).get('/api/shifts/not-a-uuid/employer').expect(400);
  });
});
