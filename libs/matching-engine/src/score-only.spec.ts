import fc from 'fast-check';
import { priorityGroups } from '@lingong/domain';
import { scoreCandidate, scoreOnly, shiftScorer } from './score';
import type { FairnessContext, SeekerForMatching, ShiftForMatching } from './types';
import { defaultWeights, type MatchingWeights } from './weights';

/** The walk ranks by scoreOnly and explains by scoreCandidate: the two must never disagree on a score. */
const clock = fc.constantFrom('00:00', '06:30', '08:00', '12:00', '17:45', '22:00', '24:00');
const codes = fc.constantFrom('loading', 'cleaning', 'forklift', 'cooking');
const seeker: fc.Arbitrary<SeekerForMatching> = fc.record({
  id: fc.uuid(),
  name: fc.constant('某'),
  lat: fc.double({ min: 27.8, max: 28.1, noNaN: true }),
  lng: fc.double({ min: 120.6, max: 121, noNaN: true }),
  maxDistanceKm: fc.integer({ min: 1, max: 100 }),
  skills: fc.array(fc.record({ code: codes, years: fc.double({ min: 0, max: 30, noNaN: true }) }), { maxLength: 4 }),
  availability: fc.array(fc.record({ day: fc.integer({ min: 1, max: 7 }), start: clock, end: clock }), { maxLength: 5 }),
  expectedDailyPayFen: fc.option(fc.integer({ min: 0, max: 100_000 })),
  reliability: fc.double({ min: 0, max: 1, noNaN: true }),
  hoursLast30Days: fc.double({ min: 0, max: 300, noNaN: true }),
  earningsLast30DaysFen: fc.integer({ min: 0, max: 5_000_000 }),
  priorityGroup: fc.constantFrom(...priorityGroups),
});
const shift: fc.Arbitrary<ShiftForMatching> = fc
  .record({
    start: fc.integer({ min: Date.UTC(2026, 10, 1), max: Date.UTC(2027, 1, 1) }),
    minutes: fc.integer({ min: 30, max: 24 * 60 }),
    lat: fc.double({ min: 27.8, max: 28.1, noNaN: true }),
    lng: fc.double({ min: 120.6, max: 121, noNaN: true }),
    category: codes,
    requiredSkills: fc.array(codes, { maxLength: 2 }),
    payAmountFen: fc.integer({ min: 1, max: 100_000 }),
    payUnit: fc.constantFrom('hour', 'day', 'piece') as fc.Arbitrary<ShiftForMatching['payUnit']>,
  })
  .map(({ start, minutes, ...rest }) => ({
    id: 'shift',
    startsAt: new Date(start),
    endsAt: new Date(start + minutes * 60_000),
    headcount: 3,
    remaining: 3,
    ...rest,
  }));
const context: fc.Arbitrary<FairnessContext> = fc.record({
  medianHoursLast30Days: fc.double({ min: 0, max: 100, noNaN: true }),
  medianEarningsLast30DaysFen: fc.integer({ min: 0, max: 1_000_000 }),
});
const weights: fc.Arbitrary<MatchingWeights> = fc.oneof(
  fc.constant(defaultWeights),
  fc
    .record({
      skill: fc.integer({ min: 0, max: 50 }),
      distance: fc.integer({ min: 0, max: 50 }),
      availability: fc.integer({ min: 0, max: 50 }),
      pay: fc.integer({ min: 0, max: 50 }),
      reliability: fc.integer({ min: 0, max: 50 }),
      fairness: fc.integer({ min: 1, max: 50 }),
    })
    .map((w) => ({ ...w })),
);

describe('scoreOnly', () => {
  it.each(['staff', 'seeker', 'employer'] as const)('is the score scoreCandidate gives, for %s', (audience) => {
    fc.assert(
      fc.property(shift, seeker, context, weights, (s, w, c, weightsUsed) => {
        const full =
          audience === 'employer' ? scoreCandidate(s, w, c, weightsUsed, 'employer') : scoreCandidate(s, w, c, weightsUsed, audience);
        expect(scoreOnly(s, w, c, weightsUsed, audience)).toBe(full.score);
      }),
      { numRuns: 3000 },
    );
  });

  it.each(['staff', 'employer'] as const)(
    'one shift scorer gives each of many seekers their own score, windows shared among them (%s)',
    (audience) => {
      // A scorer remembers each windows array's fit: seekers sharing one, as the pool's do, must still each get their own score.
      const shared = fc
        .array(seeker, { minLength: 1, maxLength: 12 })
        .chain((seekers) =>
          fc
            .array(fc.nat(seekers.length - 1), { minLength: seekers.length, maxLength: seekers.length })
            .map((from) => seekers.map((w, i) => ({ ...w, availability: seekers[from[i]].availability }))),
        );
      fc.assert(
        fc.property(shift, shared, context, weights, (s, seekers, c, weightsUsed) => {
          const score = shiftScorer(s, c, weightsUsed, audience);
          for (const w of seekers) {
            const full = audience === 'employer' ? scoreCandidate(s, w, c, weightsUsed, 'employer') : scoreCandidate(s, w, c, weightsUsed);
            expect(score(w)).toBe(full.score);
          }
        }),
        { numRuns: 500 },
      );
    },
  );
});
