import { describe, expect, it } from '@jest/globals';
import { employerParts, staffOnlyParts } from './audience';
import { availabilityPart } from './availability';
import { fairnessPart } from './fairness';
import { distancePart, payPart, reliabilityPart, skillPart } from './parts';
import { rankCandidates } from './rank';
import { scoreCandidate } from './score';
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

/** What staff alone may know of a seeker, each set differently. */
const sensitiveVariants: SeekerForMatching[] = [
  { ...seeker, id: 'w-2', priorityGroup: 'low_income' },
  { ...seeker, id: 'w-3', priorityGroup: 'disability', hoursLast30Days: 0, earningsLast30DaysFen: 0 },
  { ...seeker, id: 'w-4', hoursLast30Days: 200, earningsLast30DaysFen: 4_000_000 },
  { ...seeker, id: 'w-5', expectedDailyPayFen: 60000 },
  { ...seeker, id: 'w-6', expectedDailyPayFen: null, priorityGroup: 'long_term_unemployed' },
];

describe('what an employer reads of a match', () => {
  const seen = scoreCandidate(shift, seeker, context, defaultWeights, 'employer');

  it('has no pay or fairness part, and a score of the other four re-weighted to 100', () => {
    // skill 0.8 × 30, distance 1 × 20, availability 1 × 15, reliability 0.9 × 15, over 80: 30, 25, 18.75, 16.875;
    // the tenth lost to rounding goes to the largest remainder (reliability).
    expect(seen.breakdown).toEqual({ skill: 30, distance: 25, availability: 18.7, reliability: 16.9, pay: null, fairness: null });
    expect(seen.score).toBe(90.6); // 72.5 / 80 = 0.90625
    const sum = employerParts.reduce((total, part) => total + seen.breakdown[part], 0);
    expect(Math.round(sum * 10)).toBe(Math.round(seen.score * 10));
    expect(seen.explanations).toEqual({
      skill: '有搬运装卸经验3年',
      distance: '住处离工作地点不到1公里',
      availability: '班次时间全在本人登记的空闲时段内',
      reliability: '到岗履约记录很好，可靠度90%',
      pay: null,
      fairness: null,
    });
  });

  it.each(sensitiveVariants.map((variant) => [variant.id, variant] as const))(
    'is the same whatever staff alone know (%s): priority group, hours, earnings, expected pay',
    (_id, variant) => {
      expect(scoreCandidate(shift, variant, context, defaultWeights, 'employer')).toEqual(seen);
      // …while the market's score does move, so the test would see a leak.
      expect(scoreCandidate(shift, variant, context).score).not.toBe(scoreCandidate(shift, seeker, context).score);
    },
  );

  it('shows the distance in whole kilometres, and its points are judged from them: 3.6 km and 4.4 km read the same', () => {
    // 0.0324° and 0.0396° of latitude north of the shift: about 3.6 and 4.4 km.
    const a = scoreCandidate(shift, { ...seeker, lat: 27.93 + 0.0324 }, context, defaultWeights, 'employer');
    const b = scoreCandidate(shift, { ...seeker, lat: 27.93 + 0.0396 }, context, defaultWeights, 'employer');
    expect([a.distanceKm, b.distanceKm]).toEqual([4, 4]);
    expect(a.breakdown.distance).toBe(b.breakdown.distance);
    expect(a.explanations.distance).toBe('住处离工作地点约4公里');
    expect(b).toEqual(a);
    // Staff see the tenth of a kilometre.
    expect(scoreCandidate(shift, { ...seeker, lat: 27.93 + 0.0324 }, context).distanceKm).toBe(3.6);
  });

  it('never names a staff-only fact in any wording', () => {
    for (const variant of [seeker, ...sensitiveVariants]) {
      const text = JSON.stringify(scoreCandidate(shift, variant, context, defaultWeights, 'employer'));
      for (const word of ['优先', '低保', '残疾', '失业', '期望', '近30天', '挣', '小时、']) expect(text).not.toContain(word);
    }
  });

  it('ranks by the employer’s own score: fairness and pay do not decide which candidates come first', () => {
    const twins = [
      { ...seeker, id: 'b-needy', priorityGroup: 'low_income' as const, hoursLast30Days: 0, earningsLast30DaysFen: 0 },
      { ...seeker, id: 'a-busy', hoursLast30Days: 300, earningsLast30DaysFen: 6_000_000 },
    ];
    // The market puts the seeker with little work first …
    expect(rankCandidates(shift, twins, context).map((c) => c.seeker.id)).toEqual(['b-needy', 'a-busy']);
    // … the employer sees equal scores, in id order, whatever the input order.
    const forEmployer = rankCandidates(shift, twins, context, defaultWeights, 'employer');
    expect(forEmployer.map((c) => c.seeker.id)).toEqual(['a-busy', 'b-needy']);
    expect(forEmployer[0]!.score).toBe(forEmployer[1]!.score);
    expect(rankCandidates(shift, [...twins].reverse(), context, defaultWeights, 'employer').map((c) => c.seeker.id)).toEqual([
      'a-busy',
      'b-needy',
    ]);
  });

  it('is 0 when only staff-only parts carry weight', () => {
    const onlyFairness = { skill: 0, distance: 0, availability: 0, pay: 1, reliability: 0, fairness: 1 };
    const zero = scoreCandidate(shift, seeker, context, onlyFairness, 'employer');
    expect(zero.score).toBe(0);
    expect(zero.breakdown).toEqual({ skill: 0, distance: 0, availability: 0, reliability: 0, pay: null, fairness: null });
  });

  it('lists exactly the parts staff alone read as hidden', () => {
    expect([...employerParts, ...staffOnlyParts].sort()).toEqual([...matchingParts].sort());
  });
});

describe('what a seeker reads of their own match', () => {
  it('the market’s score, in words about themselves', () => {
    const staff = scoreCandidate(shift, seeker, context);
    const own = scoreCandidate(shift, seeker, context, defaultWeights, 'seeker');
    expect({ score: own.score, breakdown: own.breakdown, distanceKm: own.distanceKm }).toEqual({
      score: staff.score,
      breakdown: staff.breakdown,
      distanceKm: staff.distanceKm,
    });
    expect(own.explanations).toEqual({
      skill: '您有搬运装卸经验3年',
      distance: '离您家0公里，在您愿意出行的10公里内',
      availability: '班次时间全在您登记的空闲时段内',
      pay: '时薪25元，这班约200元，低于您的期望日薪250元',
      reliability: '您的到岗履约记录很好，可靠度90%',
      fairness: '您近30天只做了10小时、挣1000元，比一般人少，优先照顾',
    });
  });

  it('says they are on the priority list without naming the group', () => {
    const part = fairnessPart({ ...seeker, priorityGroup: 'low_income' }, context, 'seeker');
    expect(part.text).toBe('您近30天只做了10小时、挣1000元，比一般人少，优先照顾；您在优先照顾名单内，再加照顾');
    expect(part.text).not.toContain('低保');
  });
});

describe('wording per audience, part by part', () => {
  it('skill', () => {
    const cleaning = { ...shift, category: 'cleaning', requiredSkills: [] };
    expect(skillPart(cleaning, { ...seeker, skills: [] }, 'seeker').text).toBe('不要求技能，您暂无保洁经验');
    expect(skillPart(shift, { ...seeker, skills: [] }, 'seeker').text).toBe('您缺少所需技能：搬运装卸');
    expect(skillPart(shift, { ...seeker, skills: [] }, 'employer').text).toBe('缺少所需技能：搬运装卸');
  });

  it('distance', () => {
    expect(distancePart(12.34, 10, 'seeker').text).toBe('离您家12.3公里，超出您愿意出行的10公里');
    expect(distancePart(7, 10, 'employer')).toEqual({ fit: expect.closeTo(0.3, 12), text: '住处离工作地点约7公里' });
  });

  it('availability', () => {
    expect(availabilityPart(shift.startsAt, shift.endsAt, [], 'employer').text).toBe('本人未登记每周空闲时间');
    expect(availabilityPart(shift.startsAt, shift.endsAt, [{ day: 1, start: '12:00', end: '19:00' }], 'seeker').text).toBe(
      '班次8小时中有4小时在您登记的空闲时段内',
    );
  });

  it('pay and reliability', () => {
    expect(payPart(shift, null, 'seeker').text).toBe('时薪25元，这班约200元，您未填期望日薪');
    expect(payPart({ ...shift, payUnit: 'piece', payAmountFen: 50 }, 24000, 'seeker').text).toBe(
      '计件工资（每件0.5元），无法与您的期望日薪比较，按中等计',
    );
    expect(reliabilityPart(0.62, 'employer').text).toBe('到岗履约记录一般，可靠度62%');
    expect(reliabilityPart(0.62, 'seeker').text).toBe('您的到岗履约记录一般，可靠度62%');
  });
});
