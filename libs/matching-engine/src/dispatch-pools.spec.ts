import { describe, expect, it } from '@jest/globals';
import { solveAssignment, type AssignmentInput } from './assignment';
import { dispatchPoolSizes } from './dispatch-pools';
import { availabilityFit } from './availability';
import { payFitOfDay, payForTheDayFen, reliabilityFit } from './parts';
import { rankBestFirst, scoreCeiling } from './best-first';
import type { RankedCandidate } from './rank';
import { haversineKm, scoreCandidate } from './score';
import type { FairnessContext, SeekerForMatching, ShiftForMatching } from './types';
import { defaultWeights } from './weights';
import { seededRandom } from './seeded-random';

const context: FairnessContext = { medianHoursLast30Days: 8, medianEarningsLast30DaysFen: 24000 };
const centre = { lat: 27.95, lng: 120.75 };

function shiftAt(id: string, random: () => number, hours: [string, string], remaining: number): ShiftForMatching {
  return {
    id,
    startsAt: new Date(`2026-12-07T${hours[0]}:00+08:00`),
    endsAt: new Date(`2026-12-07T${hours[1]}:00+08:00`),
    lat: centre.lat + (random() * 2 - 1) * 0.03,
    lng: centre.lng + (random() * 2 - 1) * 0.03,
    category: 'loading',
    requiredSkills: ['loading'],
    payAmountFen: 24000,
    payUnit: 'day',
    headcount: remaining,
    remaining,
  };
}

function population(n: number, random: () => number): SeekerForMatching[] {
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)];
  return Array.from({ length: n }, (_, i) => ({
    id: `seeker-${String(i).padStart(5, '0')}`,
    name: '某人',
    lat: centre.lat + (random() * 2 - 1) * 0.12,
    lng: centre.lng + (random() * 2 - 1) * 0.12,
    maxDistanceKm: pick([1, 3, 5, 8, 10, 15, 20]),
    skills: [{ code: 'loading', years: pick([0, 1, 3, 5, 10]) }],
    availability: pick([
      [{ day: 1, start: '00:00', end: '24:00' }],
      [{ day: 1, start: '07:00', end: '13:00' }],
      [{ day: 1, start: '12:00', end: '22:00' }],
    ]),
    expectedDailyPayFen: pick([null, 18000, 24000, 30000]),
    reliability: pick([1, 1, 0.9, 0.6]),
    hoursLast30Days: pick([0, 0, 8, 40]),
    earningsLast30DaysFen: pick([0, 24000, 100000]),
    priorityGroup: pick(['none', 'none', 'low_income'] as const),
  }));
}

const eligibleFor = (shift: ShiftForMatching, s: SeekerForMatching) => haversineKm(s.lat, s.lng, shift.lat, shift.lng) <= s.maxDistanceKm;

/** Each shift's pool by the best-first walk over these seekers, as matching's seeker pool walks it. */
function walkedPools(shifts: readonly ShiftForMatching[], seekers: readonly SeekerForMatching[], sizes: ReadonlyMap<string, number>) {
  const pools = new Map<string, RankedCandidate[]>();
  const ceiling = scoreCeiling(defaultWeights, 'staff');
  for (const shift of shifts) {
    const eligible = seekers.filter((s) => eligibleFor(shift, s));
    const ceilings = Float64Array.from(eligible, (s) =>
      ceiling(
        1,
        haversineKm(s.lat, s.lng, shift.lat, shift.lng),
        s.maxDistanceKm,
        availabilityFit(shift.startsAt, shift.endsAt, s.availability),
        payFitOfDay(payForTheDayFen(shift), s.expectedDailyPayFen),
        reliabilityFit(s.reliability),
      ),
    );
    const walk = {
      shift,
      context,
      weights: defaultWeights,
      limit: sizes.get(shift.id)!,
      count: eligible.length,
      ceilings,
      seekerAt: (i: number) => eligible[i],
    };
    pools.set(shift.id, rankBestFirst(walk, 'staff').ranked);
  }
  return pools;
}

const dispatchShifts = (shifts: readonly ShiftForMatching[]) =>
  shifts.map((s) => ({ id: s.id, startsAt: s.startsAt, endsAt: s.endsAt, headcount: s.remaining }));

describe('dispatch pools from the best-first walk', () => {
  it('sizes a pool by the places it competes with, between the floor and 3 × its own places', () => {
    const random = seededRandom(1);
    const sizes = dispatchPoolSizes([
      shiftAt('a', random, ['08:00', '12:00'], 2), // overlaps b: 2 + 5 = 7 → the floor
      shiftAt('b', random, ['11:00', '15:00'], 5), // overlaps a and c: 5 + 2 + 30 = 37, capped at 15 → the floor
      shiftAt('c', random, ['14:00', '18:00'], 30), // overlaps b: 30 + 5 = 35, within 3 × 30
      shiftAt('d', random, ['18:00', '22:00'], 8), // overlaps nothing (c ends as it starts): 8 → the floor
      shiftAt('e', random, ['18:00', '22:00'], 10), // overlaps d: 10 + 8 = 18 → the floor
    ]);
    expect(Object.fromEntries(sizes)).toEqual({ a: 20, b: 20, c: 35, d: 20, e: 20 });
  });

  it('plans the same total as every eligible seeker would, where the pools are large enough', () => {
    for (const seed of [11, 12, 13]) {
      const random = seededRandom(seed);
      // Morning shifts all overlap each other, as do the afternoon's: each shift's competitors are its half-day's places.
      const shifts = [
        ...Array.from({ length: 4 }, (_, i) => shiftAt(`am-${i}`, random, ['08:00', '12:00'], 1 + Math.floor(random() * 3))),
        ...Array.from({ length: 2 }, (_, i) => shiftAt(`pm-${i}`, random, ['13:00', '18:00'], 11 + Math.floor(random() * 2))),
      ];
      const seekers = population(2500, random);
      const sizes = dispatchPoolSizes(shifts);
      // Sized to lose nothing (the afternoon's pools above the floor, at their competitors' places).
      for (const shift of shifts) {
        const competing = shifts.filter((o) => o.startsAt.getTime() === shift.startsAt.getTime()).reduce((n, o) => n + o.remaining, 0);
        expect(sizes.get(shift.id)).toBeGreaterThanOrEqual(competing);
      }
      expect(Math.max(...sizes.values())).toBeGreaterThan(20);

      const pools = walkedPools(shifts, seekers, sizes);
      const pooled: AssignmentInput = {
        shifts: dispatchShifts(shifts),
        seekers: [...new Set([...pools.values()].flatMap((pool) => pool.map((c) => c.seeker.id)))].map((id) => ({ id })),
        scores: new Map([...pools].map(([shiftId, pool]) => [shiftId, new Map(pool.map((c) => [c.seeker.id, c.score]))])),
      };
      const exhaustive: AssignmentInput = {
        shifts: dispatchShifts(shifts),
        seekers,
        scores: new Map(
          shifts.map((shift) => [
            shift.id,
            new Map(
              seekers.filter((s) => eligibleFor(shift, s)).map((s) => [s.id, scoreCandidate(shift, s, context, defaultWeights).score]),
            ),
          ]),
        ),
      };
      const fromPools = solveAssignment(pooled);
      const fromEveryone = solveAssignment(exhaustive);
      expect(fromPools.totalScore).toBeCloseTo(fromEveryone.totalScore, 6);
      expect(fromPools.unfilled).toEqual(fromEveryone.unfilled);

      // Each pool is the shift's exhaustive top, far fewer than everyone eligible.
      for (const shift of shifts) {
        const ranked = [...exhaustive.scores.get(shift.id)!].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
        expect(pools.get(shift.id)!.map((c) => c.seeker.id)).toEqual(ranked.slice(0, sizes.get(shift.id)).map(([id]) => id));
        expect(ranked.length).toBeGreaterThan(3 * sizes.get(shift.id)!);
      }
    }
  });
});
