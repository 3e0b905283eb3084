import { describe, expect, it } from '@jest/globals';
import { rankCandidates } from './rank';
import type { FairnessContext, SeekerForMatching, ShiftForMatching } from './types';
import { defaultWeights } from './weights';

const shift: ShiftForMatching = {
  id: 'shift-1',
  startsAt: new Date('2026-12-07T08:00:00+08:00'),
  endsAt: new Date('2026-12-07T16:00:00+08:00'),
  lat: 27.93,
  lng: 120.81,
  category: 'warehouse',
  requiredSkills: [],
  payAmountFen: 20000,
  payUnit: 'day',
  headcount: 2,
  remaining: 2,
};

const base: Omit<SeekerForMatching, 'id' | 'name'> = {
  lat: 27.95,
  lng: 120.82,
  maxDistanceKm: 10,
  skills: [{ code: 'warehouse', years: 2 }],
  availability: [{ day: 1, start: '07:00', end: '18:00' }],
  expectedDailyPayFen: 18000,
  reliability: 0.85,
  hoursLast30Days: 40,
  earningsLast30DaysFen: 200000,
  priorityGroup: 'none',
};

const context: FairnessContext = { medianHoursLast30Days: 40, medianEarningsLast30DaysFen: 200000 };

describe('rankCandidates', () => {
  // Identical but for the last 30 days; the low earner has the LATER id, so only fairness can lift them.
  const wellPaid: SeekerForMatching = { ...base, id: 'a-well-paid', name: '李明', hoursLast30Days: 120, earningsLast30DaysFen: 700000 };
  const lowEarner: SeekerForMatching = { ...base, id: 'b-low-earner', name: '陈芳', hoursLast30Days: 4, earningsLast30DaysFen: 10000 };

  it('fairness ranks a seeker with little recent work above an otherwise identical well-paid one', () => {
    const ranked = rankCandidates(shift, [wellPaid, lowEarner], context, defaultWeights);
    expect(ranked.map((c) => c.seeker.id)).toEqual(['b-low-earner', 'a-well-paid']);
    expect(ranked[0].score).toBeGreaterThan(ranked[1].score);
    expect(ranked[0].breakdown.fairness).toBeGreaterThan(ranked[1].breakdown.fairness);
    expect(ranked[0].explanations.fairness).toContain('优先照顾');
  });

  it('with fairness weight 0 the effect is gone: equal scores, ordered by id', () => {
    const ranked = rankCandidates(shift, [lowEarner, wellPaid], context, { ...defaultWeights, fairness: 0 });
    expect(ranked.map((c) => c.seeker.id)).toEqual(['a-well-paid', 'b-low-earner']);
    expect(ranked[0].score).toBe(ranked[1].score);
    expect(ranked.map((c) => c.breakdown.fairness)).toEqual([0, 0]);
  });

  it('a priority group lifts a seeker at the median above an identical one outside it', () => {
    const plain: SeekerForMatching = { ...base, id: 'a', name: '甲' };
    const priority: SeekerForMatching = { ...base, id: 'b', name: '乙', priorityGroup: 'long_term_unemployed' };
    expect(rankCandidates(shift, [plain, priority], context).map((c) => c.seeker.id)).toEqual(['b', 'a']);
  });

  it('sorts best first and the order does not depend on the input order', () => {
    const near: SeekerForMatching = { ...base, id: 'near', name: '近', lat: 27.93, lng: 120.81 };
    const far: SeekerForMatching = { ...base, id: 'far', name: '远', lat: 27.99, lng: 120.71 };
    const twin: SeekerForMatching = { ...near, id: 'near-twin' };
    const forward = rankCandidates(shift, [far, twin, near], context).map((c) => c.seeker.id);
    const backward = rankCandidates(shift, [near, twin, far], context).map((c) => c.seeker.id);
    expect(forward).toEqual(['near', 'near-twin', 'far']);
    expect(backward).toEqual(forward);
  });

  it('returns nothing for nobody', () => {
    expect(rankCandidates(shift, [], context)).toEqual([]);
  });
});
