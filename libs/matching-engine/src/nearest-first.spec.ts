import { describe, expect, it } from '@jest/globals';
import type { Audience } from './audience';
import { mayStillBeat, rankNearestFirst, reachNeeded, reachRadiusKm, scoreBoundBeyond } from './nearest-first';
import { rankCandidates } from './rank';
import { haversineKm, scoreCandidate } from './score';
import type { FairnessContext, SeekerForMatching, ShiftForMatching } from './types';
import { defaultWeights, type MatchingWeights } from './weights';
import { seededRandom } from './seeded-random';

const shift: ShiftForMatching = {
  id: 'shift-1',
  startsAt: new Date('2026-12-07T08:00:00+08:00'),
  endsAt: new Date('2026-12-07T17:00:00+08:00'),
  lat: 27.95,
  lng: 120.75,
  category: 'loading',
  requiredSkills: ['loading'],
  payAmountFen: 24000,
  payUnit: 'day',
  headcount: 5,
  remaining: 5,
};
const context: FairnessContext = { medianHoursLast30Days: 8, medianEarningsLast30DaysFen: 24000 };

/** Seekers around the shift, most of them near-perfect apart from distance: the case where stopping early is hard. */
function population(n: number, seed: number): SeekerForMatching[] {
  const random = seededRandom(seed);
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)];
  return Array.from({ length: n }, (_, i) => ({
    id: `seeker-${String(i).padStart(5, '0')}`,
    name: '某人',
    lat: shift.lat + (random() * 2 - 1) * 0.12,
    lng: shift.lng + (random() * 2 - 1) * 0.12,
    maxDistanceKm: pick([1, 3, 5, 8, 10, 15, 20, 30]),
    skills: [{ code: 'loading', years: pick([0, 1, 3, 5, 10]) }],
    availability: pick([
      [{ day: 1, start: '00:00', end: '24:00' }],
      [{ day: 1, start: '07:00', end: '19:00' }],
      [{ day: 1, start: '12:00', end: '22:00' }],
    ]),
    expectedDailyPayFen: pick([null, 18000, 24000, 30000]),
    reliability: pick([1, 1, 1, 0.9, 0.6]),
    hoursLast30Days: pick([0, 0, 0, 8, 40]),
    earningsLast30DaysFen: pick([0, 0, 24000, 100000]),
    priorityGroup: pick(['none', 'none', 'none', 'low_income'] as const),
  }));
}

/** A ring as the SQL reads it: eligible (within their own distance) and within the reach's radius, beyond the previous one. */
function ringOf(seekers: readonly SeekerForMatching[], audience: Audience, calls: [number, number][] = []) {
  const km = (s: SeekerForMatching) => haversineKm(s.lat, s.lng, shift.lat, shift.lng);
  return async (from: number, to: number) => {
    calls.push([from, to]);
    return seekers.filter((s) => {
      const d = km(s);
      const inside = (reach: number) => d <= reachRadiusKm(s.maxDistanceKm, reach, audience);
      return d <= s.maxDistanceKm && inside(to) && (from < 0 || !inside(from));
    });
  };
}

const weightings: [string, MatchingWeights][] = [
  ['default weights', defaultWeights],
  ['distance counting most', { skill: 10, distance: 60, availability: 10, pay: 5, reliability: 10, fairness: 5 }],
  ['distance off', { ...defaultWeights, distance: 0 }],
];

describe('the nearest-first walk', () => {
  it.each(['staff', 'employer'] as const)('leaves unread only seekers who cannot score above the bound (%s)', (audience) => {
    // Everyone beyond the reach's radius scores at most the bound, whatever else they bring.
    for (const [, weights] of weightings) {
      for (const reach of [0.01, 0.05, 0.1, 0.3, 0.6, 0.95]) {
        for (const seeker of population(400, 7)) {
          const d = haversineKm(seeker.lat, seeker.lng, shift.lat, shift.lng);
          if (d <= reachRadiusKm(seeker.maxDistanceKm, reach, audience) || d > seeker.maxDistanceKm) continue;
          const score =
            audience === 'employer'
              ? scoreCandidate(shift, seeker, context, weights, 'employer').score
              : scoreCandidate(shift, seeker, context, weights).score;
          expect(score).toBeLessThanOrEqual(Math.round(scoreBoundBeyond(reach, weights, audience) * 10) / 10 + 0.05);
        }
      }
    }
  });

  it('a perfect seeker just beyond the reach keeps the walk going; one the bound rules out stops it', () => {
    // Full points but for distance: at reach 0.2 (defaults, 20 distance points) the bound is 96.
    expect(scoreBoundBeyond(0.2, defaultWeights, 'staff')).toBeCloseTo(96, 3);
    expect(mayStillBeat(96, 0.2, defaultWeights, 'staff')).toBe(true);
    expect(mayStillBeat(96.2, 0.2, defaultWeights, 'staff')).toBe(false);
    // What it takes to rule out everyone under 96.2: just past reach 0.2 (96.2 − 0.1 rounding slack).
    expect(reachNeeded(96.2, defaultWeights, 'staff')).toBeGreaterThan(0.195);
    expect(mayStillBeat(96.2, reachNeeded(96.2, defaultWeights, 'staff'), defaultWeights, 'staff')).toBe(false);
    // Nobody can beat 100.1; with distance weighing nothing, only the whole walk rules anyone out.
    expect(reachNeeded(100.2, defaultWeights, 'staff')).toBe(0);
    expect(reachNeeded(50, { ...defaultWeights, distance: 0 }, 'staff')).toBe(1);
    // An employer's kilometres are whole: at reach 0.25 of 10 km the walk reads up to 2.5 km (rounds to 2, fit 0.8).
    expect(reachRadiusKm(10, 0.25, 'employer')).toBe(2.5);
    expect(reachRadiusKm(10, 0.25, 'staff')).toBe(2.5);
    expect(reachRadiusKm(10, 0.3, 'employer')).toBe(3.5);
  });

  for (const [name, weights] of weightings) {
    it.each(['staff', 'employer'] as const)(`returns exactly the exhaustive top 20, in order (${name}, %s)`, async (audience) => {
      for (const seed of [1, 2, 3]) {
        const seekers = population(3000, seed);
        const eligible = seekers.filter((s) => haversineKm(s.lat, s.lng, shift.lat, shift.lng) <= s.maxDistanceKm);
        const calls: [number, number][] = [];
        const options = { shift, context, weights, limit: 20, ring: ringOf(seekers, audience, calls) };
        const walked = audience === 'employer' ? await rankNearestFirst(options, 'employer') : await rankNearestFirst(options);
        const exhaustive =
          audience === 'employer'
            ? rankCandidates(shift, eligible, context, weights, 'employer').slice(0, 20)
            : rankCandidates(shift, eligible, context, weights).slice(0, 20);
        expect(walked.ranked.map((c) => [c.seeker.id, c.score])).toEqual(exhaustive.map((c) => [c.seeker.id, c.score]));
        // Rings follow on from each other, and with distance counting the walk reads fewer than everyone.
        calls.forEach(([from], i) => expect(from).toBe(i === 0 ? -1 : calls[i - 1][1]));
        if (weights.distance > 0 && audience === 'staff') expect(walked.stats.read).toBeLessThan(eligible.length);
      }
    });
  }

  it('returns everyone there is when fewer than the limit are eligible', async () => {
    const seekers = population(30, 4);
    const eligible = seekers.filter((s) => haversineKm(s.lat, s.lng, shift.lat, shift.lng) <= s.maxDistanceKm);
    const walked = await rankNearestFirst({ shift, context, weights: defaultWeights, limit: 100, ring: ringOf(seekers, 'staff') });
    expect(walked.ranked.map((c) => c.seeker.id)).toEqual(rankCandidates(shift, eligible, context).map((c) => c.seeker.id));
    expect(walked.stats.reach).toBe(1);
  });
});
