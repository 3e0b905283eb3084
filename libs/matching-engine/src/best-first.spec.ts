import { describe, expect, it } from '@jest/globals';
import type { Audience } from './audience';
import { availabilityFit } from './availability';
import { rankBestFirst, scoreCeiling } from './best-first';
import { payFitOfDay, payForTheDayFen, reliabilityFit } from './parts';
import { rankCandidates } from './rank';
import { haversineKm, scoreCandidate } from './score';
import { seededRandom } from './seeded-random';
import type { FairnessContext, SeekerForMatching, ShiftForMatching } from './types';
import { defaultWeights, type MatchingWeights } from './weights';

const dayShift: ShiftForMatching = {
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
/** No skill required, in the evening: the skill part rests on the category, and few are free for all of it. */
const eveningShift: ShiftForMatching = {
  ...dayShift,
  id: 'shift-2',
  startsAt: new Date('2026-12-07T18:00:00+08:00'),
  endsAt: new Date('2026-12-07T23:00:00+08:00'),
  requiredSkills: [],
};
const context: FairnessContext = { medianHoursLast30Days: 8, medianEarningsLast30DaysFen: 24000 };
const windows = [
  [{ day: 1, start: '00:00', end: '24:00' }],
  [{ day: 1, start: '07:00', end: '19:00' }],
  [{ day: 1, start: '12:00', end: '22:00' }],
  [{ day: 1, start: '20:00', end: '24:00' }],
];

/** Seekers around the shifts, most of them near-perfect apart from distance: the case where stopping early is hard. */
function population(n: number, seed: number): SeekerForMatching[] {
  const random = seededRandom(seed);
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)];
  return Array.from({ length: n }, (_, i) => ({
    id: `seeker-${String(i).padStart(5, '0')}`,
    name: '某人',
    lat: dayShift.lat + (random() * 2 - 1) * 0.12,
    lng: dayShift.lng + (random() * 2 - 1) * 0.12,
    maxDistanceKm: pick([1, 3, 5, 8, 10, 15, 20, 30]),
    skills: pick([[{ code: 'loading', years: pick([0, 1, 3, 5, 10]) }], [{ code: 'cleaning', years: 2 }], []]),
    availability: pick(windows),
    expectedDailyPayFen: pick([null, 18000, 24000, 30000]),
    reliability: pick([1, 1, 1, 0.9, 0.6]),
    hoursLast30Days: pick([0, 0, 0, 8, 40]),
    earningsLast30DaysFen: pick([0, 0, 24000, 100000]),
    priorityGroup: pick(['none', 'none', 'none', 'low_income'] as const),
  }));
}

/** What matching's seeker pool knows of each eligible seeker without scoring them. */
function known(shift: ShiftForMatching, seeker: SeekerForMatching): [number, number, number, number, number, number] {
  const holds = (code: string) => seeker.skills.some((skill) => skill.code === code);
  return [
    shift.requiredSkills.length > 0 || holds(shift.category) ? 1 : 0.5,
    haversineKm(seeker.lat, seeker.lng, shift.lat, shift.lng),
    seeker.maxDistanceKm,
    availabilityFit(shift.startsAt, shift.endsAt, seeker.availability),
    payFitOfDay(payForTheDayFen(shift), seeker.expectedDailyPayFen),
    reliabilityFit(seeker.reliability),
  ];
}

const eligibleFor = (shift: ShiftForMatching, seekers: readonly SeekerForMatching[]) =>
  seekers.filter(
    (s) =>
      haversineKm(s.lat, s.lng, shift.lat, shift.lng) <= s.maxDistanceKm &&
      shift.requiredSkills.every((code) => s.skills.some((skill) => skill.code === code)),
  );

function walk(shift: ShiftForMatching, eligible: readonly SeekerForMatching[], weights: MatchingWeights, audience: Audience, limit = 20) {
  const ceiling = scoreCeiling(weights, audience);
  const options = {
    shift,
    context,
    weights,
    limit,
    count: eligible.length,
    ceilings: Float64Array.from(eligible, (s) => ceiling(...known(shift, s))),
    seekerAt: (i: number) => eligible[i],
  };
  return audience === 'employer' ? rankBestFirst(options, 'employer') : rankBestFirst(options, audience);
}

const weightings: [string, MatchingWeights][] = [
  ['default weights', defaultWeights],
  ['distance counting most', { skill: 10, distance: 60, availability: 10, pay: 5, reliability: 10, fairness: 5 }],
  ['distance off', { ...defaultWeights, distance: 0 }],
];

describe('the best-first walk', () => {
  it.each(['staff', 'employer'] as const)('is given ceilings no score passes (%s)', (audience) => {
    for (const [, weights] of weightings) {
      const ceiling = scoreCeiling(weights, audience);
      for (const shift of [dayShift, eveningShift]) {
        for (const seeker of eligibleFor(shift, population(600, 7))) {
          const score =
            audience === 'employer'
              ? scoreCandidate(shift, seeker, context, weights, 'employer').score
              : scoreCandidate(shift, seeker, context, weights).score;
          expect(score).toBeLessThanOrEqual(ceiling(...known(shift, seeker)) + 0.05 + 1e-9);
        }
      }
    }
  });

  for (const [name, weights] of weightings) {
    it.each(['staff', 'employer'] as const)(`returns exactly the exhaustive top 20, in order (${name}, %s)`, (audience) => {
      for (const shift of [dayShift, eveningShift]) {
        for (const seed of [1, 2, 3]) {
          const eligible = eligibleFor(shift, population(3000, seed));
          const walked = walk(shift, eligible, weights, audience);
          const exhaustive =
            audience === 'employer'
              ? rankCandidates(shift, eligible, context, weights, 'employer').slice(0, 20)
              : rankCandidates(shift, eligible, context, weights).slice(0, 20);
          expect(walked.ranked.map((c) => [c.seeker.id, c.score])).toEqual(exhaustive.map((c) => [c.seeker.id, c.score]));
          expect(walked.ranked.map((c) => c.explanations)).toEqual(exhaustive.map((c) => c.explanations));
          // With distance or availability counting, the walk scores far fewer than everyone.
          if (weights.distance > 0) expect(walked.stats.read).toBeLessThan(eligible.length / 2);
        }
      }
    });
  }

  it('returns everyone there is when fewer than the limit are eligible', () => {
    const eligible = eligibleFor(dayShift, population(30, 4));
    const walked = walk(dayShift, eligible, defaultWeights, 'staff', 100);
    expect(walked.ranked.map((c) => c.seeker.id)).toEqual(rankCandidates(dayShift, eligible, context).map((c) => c.seeker.id));
    expect(walked.stats).toEqual({ read: eligible.length, eligible: eligible.length });
  });
});
