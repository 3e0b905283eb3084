import { describe, expect, it } from '@jest/globals';
import { belowMedianFit, fairnessContextOf, fairnessPart, median } from './fairness';
import { distancePart, haversineKm, payPart, reliabilityPart, skillPart } from './parts';
import { roundToTenths, scoreCandidate } from './score';
import type { FairnessContext, SeekerForMatching, ShiftForMatching } from './types';
import { defaultWeights, matchingParts } from './weights';

// Monday 2026-12-07, 08:00–16:00 in Longwan: 8 hours of loading at 25 yuan an hour (200 yuan).
const shift: ShiftForMatching = {
  id: 'shift-1',
  startsAt: new Date('2026-12-07T08:00:00+08:00'),
  endsAt: new Date('2026-12-07T16:00:00+08:00'),
  lat: 27.93,
  lng: 120.81,
  category: 'loading',
  requiredSkills: ['loading'],
  payAmountFen: 2500,
  payUnit: 'hour',
  headcount: 3,
  remaining: 3,
};

const seeker: SeekerForMatching = {
  id: 'w-1',
  name: '王建国',
  lat: 27.93,
  lng: 120.81,
  maxDistanceKm: 10,
  skills: [{ code: 'loading', years: 3 }],
  availability: [{ day: 1, start: '07:00', end: '19:00' }],
  expectedDailyPayFen: 25000,
  reliability: 0.9,
  hoursLast30Days: 10,
  earningsLast30DaysFen: 100000,
  priorityGroup: 'none',
};

const context: FairnessContext = { medianHoursLast30Days: 40, medianEarningsLast30DaysFen: 200000 };
const CHINESE = /[\u4e00-\u9fff]/;

describe('scoreCandidate, a worked example with the default weights (they add up to 100)', () => {
  const result = scoreCandidate(shift, seeker, context);

  it('scores each part as fit × weight', () => {
    // skill 0.5 + 0.5·3/5 = 0.8 → 24; distance 0 km → 20; availability 8 of 8 hours → 15;
    // pay 200 of 250 yuan → 0.8 → 8; reliability 0.9 → 13.5;
    // fairness ((1 − 10/80) + (1 − 1000/4000)) / 2 = (0.875 + 0.75) / 2 = 0.8125 → 8.125
    expect(result.fit).toEqual({ skill: 0.8, distance: 1, availability: 1, pay: 0.8, reliability: 0.9, fairness: 0.8125 });
    expect(result.breakdown).toEqual({ skill: 24, distance: 20, availability: 15, pay: 8, reliability: 13.5, fairness: 8.1 });
    expect(result.score).toBe(88.6); // 88.625, one decimal
    expect(result.distanceKm).toBe(0);
  });

  it('breakdown points add up to the score', () => {
    const sum = matchingParts.reduce((total, part) => total + result.breakdown[part], 0);
    expect(Math.round(sum * 10)).toBe(Math.round(result.score * 10));
  });

  it('explains every part in one Chinese sentence', () => {
    expect(result.explanations).toEqual({
      skill: '有搬运装卸经验3年',
      distance: '离家0公里，在愿意出行的10公里内',
      availability: '班次时间全在登记的空闲时段内',
      pay: '时薪25元，这班约200元，低于期望日薪250元',
      reliability: '到岗履约记录很好，可靠度90%',
      fairness: '近30天只做了10小时、挣1000元，比一般人少，优先照顾',
    });
    for (const part of matchingParts) {
      expect(result.explanations[part]).toMatch(CHINESE);
      expect(result.explanations[part]).not.toMatch(/[A-Za-z]/);
    }
  });

  it('stays in [0, 100] whatever the weights: a perfect fit is 100, fairness weight 0 takes fairness out', () => {
    const perfect: SeekerForMatching = {
      ...seeker,
      skills: [{ code: 'loading', years: 9 }],
      expectedDailyPayFen: null,
      reliability: 1,
      hoursLast30Days: 0,
      earningsLast30DaysFen: 0,
    };
    expect(
      scoreCandidate(shift, perfect, context, { skill: 7, distance: 1, availability: 1, pay: 3, reliability: 2, fairness: 5 }).score,
    ).toBe(100);
    const noFairness = { ...defaultWeights, fairness: 0 };
    const busy = scoreCandidate(shift, { ...seeker, hoursLast30Days: 200, earningsLast30DaysFen: 5_000_000 }, context, noFairness);
    const idle = scoreCandidate(shift, { ...seeker, hoursLast30Days: 0, earningsLast30DaysFen: 0 }, context, noFairness);
    expect(idle.breakdown.fairness).toBe(0);
    expect(idle.score).toBe(busy.score);
    // (24 + 20 + 15 + 8 + 13.5) / 90 · 100 = 89.444…
    expect(idle.score).toBe(89.4);
  });

  it('rejects a shift that does not end after it starts', () => {
    expect(() => scoreCandidate({ ...shift, endsAt: shift.startsAt }, seeker, context)).toThrow(RangeError);
  });
});

describe('roundToTenths', () => {
  it('shares rounding by largest remainder so the parts add up to the rounded total', () => {
    const six = { skill: 0.06, distance: 0.06, availability: 0.06, pay: 0.06, reliability: 0.06, fairness: 0.06 };
    const { total, rounded } = roundToTenths(six); // 0.36 → 0.4, four parts get 0.1
    expect(total).toBe(0.4);
    expect(Object.values(rounded).filter((v) => v === 0.1)).toHaveLength(4);
    expect(roundToTenths({ ...six, skill: 0.05, distance: 0.05, availability: 0, pay: 0, reliability: 0, fairness: 0 }).rounded.skill).toBe(
      0.1,
    );
  });
});

describe('skill', () => {
  const withSkills = (skills: SeekerForMatching['skills']) => ({ ...seeker, skills });
  it.each([
    ['3 years', [{ code: 'loading', years: 3 }], 0.8, '有搬运装卸经验3年'],
    ['saturates at 5 years', [{ code: 'loading', years: 12 }], 1, '有搬运装卸经验12年'],
    ['under a year counts half', [{ code: 'loading', years: 0 }], 0.5, '有搬运装卸技能（经验不满1年）'],
    ['missing skill is 0', [{ code: 'cleaning', years: 5 }], 0, '缺少所需技能：搬运装卸'],
  ])('%s', (_why, skills, fit, text) => {
    expect(skillPart(shift, withSkills(skills))).toEqual({ fit, text });
  });

  it('averages over several required skills: loading 5 years (1) and driving 0 years (0.5) → 0.75', () => {
    const part = skillPart(
      { ...shift, requiredSkills: ['loading', 'driving'] },
      withSkills([
        { code: 'loading', years: 5 },
        { code: 'driving', years: 0 },
      ]),
    );
    expect(part).toEqual({ fit: 0.75, text: '有搬运装卸经验5年、驾驶技能（经验不满1年）' });
  });

  it('with nothing required, experience in the category counts: cleaning 2 years → 0.7; none → 0.5', () => {
    const cleaning = { ...shift, category: 'cleaning', requiredSkills: [] };
    expect(skillPart(cleaning, withSkills([{ code: 'cleaning', years: 2 }]))).toEqual({ fit: 0.7, text: '不要求技能，有保洁经验2年' });
    expect(skillPart(cleaning, withSkills([]))).toEqual({ fit: 0.5, text: '不要求技能，暂无保洁经验' });
  });
});

describe('distance', () => {
  it('haversine: one degree of latitude is 111.2 km; Beijing to Shanghai about 1067 km', () => {
    expect(haversineKm(27, 120.81, 28, 120.81)).toBeCloseTo(111.195, 2);
    expect(haversineKm(39.9042, 116.4074, 31.2304, 121.4737)).toBeCloseTo(1067, -1);
    expect(haversineKm(27.93, 120.81, 27.93, 120.81)).toBe(0);
  });

  it('falls linearly from 1 at home to 0 at the travel limit: 4.2 of 10 km → 0.58', () => {
    expect(distancePart(4.2, 10)).toEqual({ fit: expect.closeTo(0.58, 12), text: '离家4.2公里，在愿意出行的10公里内' });
    expect(distancePart(12.34, 10)).toEqual({ fit: 0, text: '离家12.3公里，超出愿意出行的10公里' });
    expect(distancePart(0, 0).fit).toBe(1);
  });

  it('scoreCandidate reports the distance to one decimal: 0.045° north is 5.0 km', () => {
    const result = scoreCandidate(shift, { ...seeker, lat: 27.975 }, context);
    expect(result.distanceKm).toBe(5);
    expect(result.fit.distance).toBeCloseTo(1 - 5.0038 / 10, 4);
  });
});

describe('pay', () => {
  it('hourly pay is judged per day: 25 yuan × 8 hours = 200 against 250 expected → 0.8', () => {
    expect(payPart(shift, 25000).fit).toBeCloseTo(0.8, 12);
    expect(payPart(shift, 20000)).toEqual({ fit: 1, text: '时薪25元，这班约200元，不低于期望日薪200元' });
  });

  it('a day rate is taken as is; a piece rate is neutral; no expectation is a full fit', () => {
    const daily = { ...shift, payUnit: 'day' as const, payAmountFen: 18000 };
    expect(payPart(daily, 24000)).toEqual({ fit: 0.75, text: '日薪180元，低于期望日薪240元' });
    expect(payPart({ ...shift, payUnit: 'piece', payAmountFen: 50 }, 24000)).toEqual({
      fit: 0.5,
      text: '计件工资（每件0.5元），无法与期望日薪比较，按中等计',
    });
    expect(payPart(daily, null)).toEqual({ fit: 1, text: '日薪180元，本人未填期望日薪' });
  });
});

describe('reliability', () => {
  it('is taken as given, clamped to [0, 1]', () => {
    expect(reliabilityPart(0.62)).toEqual({ fit: 0.62, text: '到岗履约记录一般，可靠度62%' });
    expect(reliabilityPart(1.4).fit).toBe(1);
    expect(reliabilityPart(-0.2)).toEqual({ fit: 0, text: '到岗履约记录较差，可靠度0%' });
  });
});

describe('fairness', () => {
  it('is 1 with no work, 0.5 at the median, 0 from twice the median', () => {
    expect(belowMedianFit(0, 40)).toBe(1);
    expect(belowMedianFit(40, 40)).toBe(0.5);
    expect(belowMedianFit(60, 40)).toBe(0.25);
    expect(belowMedianFit(80, 40)).toBe(0);
    expect(belowMedianFit(500, 40)).toBe(0);
    expect([belowMedianFit(0, 0), belowMedianFit(3, 0)]).toEqual([1, 0]); // a median of 0: only "no work" is lifted
  });

  it('averages hours and earnings: 6 hours (median 40) and 300 yuan (median 2000) → (0.925 + 0.925) / 2', () => {
    const part = fairnessPart({ ...seeker, hoursLast30Days: 6, earningsLast30DaysFen: 30000 }, context);
    expect(part.fit).toBeCloseTo(0.925, 12);
    expect(part.text).toBe('近30天只做了6小时、挣300元，比一般人少，优先照顾');
  });

  it('adds 0.3 for a priority group, capped at 1', () => {
    const atMedian = { ...seeker, hoursLast30Days: 40, earningsLast30DaysFen: 200000 };
    expect(fairnessPart(atMedian, context)).toEqual({ fit: 0.5, text: '近30天做了40小时、挣2000元，与一般人相当' });
    const lowIncome = fairnessPart({ ...atMedian, priorityGroup: 'low_income' }, context);
    expect(lowIncome.fit).toBeCloseTo(0.8, 12);
    expect(lowIncome.text).toBe('近30天做了40小时、挣2000元，与一般人相当；属优先群体（低保等低收入家庭），再加照顾');
    expect(fairnessPart({ ...seeker, hoursLast30Days: 0, earningsLast30DaysFen: 0, priorityGroup: 'disability' }, context).fit).toBe(1);
    expect(fairnessPart({ ...seeker, hoursLast30Days: 100, earningsLast30DaysFen: 900000 }, context).text).toBe(
      '近30天做了100小时、挣9000元，比一般人多，不额外照顾',
    );
  });

  it('medians come from the active seekers', () => {
    expect(median([])).toBe(0);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    const seekers = [
      { hoursLast30Days: 0, earningsLast30DaysFen: 0 },
      { hoursLast30Days: 10, earningsLast30DaysFen: 30000 },
      { hoursLast30Days: 50, earningsLast30DaysFen: 90000 },
    ];
    expect(fairnessContextOf(seekers)).toEqual({ medianHoursLast30Days: 10, medianEarningsLast30DaysFen: 30000 });
  });
});
