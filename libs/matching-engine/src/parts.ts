import type { Audience } from './audience';
import { clamp01, oneDecimal, skillLabel, yuan } from './format';
import type { PartResult, SeekerForMatching, ShiftForMatching } from './types';

/**
 * The plain parts of a match, each a fit in [0, 1] with one Chinese sentence for the audience that
 * reads it: staff read it aloud at the desk, a seeker reads it about themselves ("您"), an
 * employer about a candidate. Fairness and availability, which carry more policy, live in their
 * own files.
 */

const EARTH_RADIUS_KM = 6371.0088; // mean radius (IUGG)

/** Great-circle distance in km: at Longwan's scale (tens of km) the sphere is plenty. */
export function haversineKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Experience counts up to 5 years; holding the skill at all is worth half. */
const SATURATION_YEARS = 5;
export const experienceFit = (years: number) => 0.5 + 0.5 * clamp01(years / SATURATION_YEARS);

function experience(code: string, years: number): string {
  return years >= 1 ? `${skillLabel(code)}经验${oneDecimal(years)}年` : `${skillLabel(code)}技能（经验不满1年）`;
}

/** 0 when a required skill is missing; otherwise the average experience fit over the required skills (or the category). */
export function skillFit(shift: ShiftForMatching, seeker: SeekerForMatching): number {
  return skillFitFor(shift)(seeker);
}

/** skillFit for one shift and many seekers: the shift's distinct skills are worked out once. */
export function skillFitFor(shift: ShiftForMatching): (seeker: SeekerForMatching) => number {
  const { category } = shift;
  if (shift.requiredSkills.length === 0) return (seeker) => experienceFit(Math.max(0, yearsIn(seeker.skills, category)));
  const distinct = [...new Set(shift.requiredSkills)];
  return (seeker) => {
    let sum = 0;
    for (const code of distinct) {
      const years = yearsIn(seeker.skills, code);
      if (years < 0) return 0;
      sum += experienceFit(years);
    }
    return sum / distinct.length;
  };
}

/** The most years held in the skill (at least 0), or −1 when it is not held. */
function yearsIn(skills: SeekerForMatching['skills'], code: string): number {
  let years = -1;
  for (const s of skills) if (s.code === code) years = Math.max(years, 0, s.years);
  return years;
}

/** skillFit, with the sentence that explains it. */
export function skillPart(shift: ShiftForMatching, seeker: SeekerForMatching, audience: Audience = 'staff'): PartResult {
  const you = audience === 'seeker' ? '您' : '';
  const fit = skillFit(shift, seeker);
  const years = new Map<string, number>();
  for (const s of seeker.skills) years.set(s.code, Math.max(years.get(s.code) ?? 0, Math.max(0, s.years)));
  const required = [...new Set(shift.requiredSkills)];
  if (required.length === 0) {
    const y = years.get(shift.category);
    if (y === undefined) return { fit, text: `不要求技能，${you}暂无${skillLabel(shift.category)}经验` };
    return { fit, text: `不要求技能，${you}有${experience(shift.category, y)}` };
  }
  const missing = required.filter((code) => !years.has(code));
  if (missing.length > 0) return { fit, text: `${you}缺少所需技能：${missing.map(skillLabel).join('、')}` };
  return { fit, text: `${you}有${required.map((code) => experience(code, years.get(code) ?? 0)).join('、')}` };
}

/**
 * 1 at the seeker's door, falling linearly to 0 at the distance they said they would travel.
 * An employer is given the distance in whole kilometres only (the caller rounds it, so the fit
 * reveals nothing finer either: a few shifts' distances to 0.1 km would locate a home), and is not
 * told how far the person will travel.
 */
export function distanceFit(distanceKm: number, maxDistanceKm: number): number {
  return maxDistanceKm > 0 ? clamp01(1 - distanceKm / maxDistanceKm) : distanceKm === 0 ? 1 : 0;
}

export function distancePart(distanceKm: number, maxDistanceKm: number, audience: Audience = 'staff'): PartResult {
  const km = oneDecimal(distanceKm);
  const max = oneDecimal(maxDistanceKm);
  const fit = distanceFit(distanceKm, maxDistanceKm);
  const within = distanceKm <= maxDistanceKm;
  switch (audience) {
    case 'staff':
      return { fit, text: within ? `离家${km}公里，在愿意出行的${max}公里内` : `离家${km}公里，超出愿意出行的${max}公里` };
    case 'seeker':
      return { fit, text: within ? `离您家${km}公里，在您愿意出行的${max}公里内` : `离您家${km}公里，超出您愿意出行的${max}公里` };
    case 'employer':
      return { fit, text: distanceKm < 1 ? '住处离工作地点不到1公里' : `住处离工作地点约${Math.round(distanceKm)}公里` };
  }
}

/**
 * The shift's pay for the day against what the seeker expects a day: an hourly rate times the
 * shift's hours, a day rate as is; piece rates cannot be compared, so they count as neutral (0.5).
 * Expected pay is staff's and the seeker's own: an employer never reads this part.
 */
export function payFit(shift: ShiftForMatching, expectedDailyPayFen: number | null): number {
  return payFitOfDay(payForTheDayFen(shift), expectedDailyPayFen);
}

/** The shift's pay for a day in fen (an hourly rate times its hours), or null for piece rates. */
export function payForTheDayFen(shift: ShiftForMatching): number | null {
  if (shift.payUnit === 'piece') return null;
  const hours = (shift.endsAt.getTime() - shift.startsAt.getTime()) / 3_600_000;
  return shift.payUnit === 'hour' ? shift.payAmountFen * hours : shift.payAmountFen;
}

/** payFit from the day's pay (`payForTheDayFen`). */
export function payFitOfDay(dayFen: number | null, expectedDailyPayFen: number | null): number {
  if (dayFen === null) return 0.5;
  const expected = expectedDailyPayFen !== null && expectedDailyPayFen > 0 ? expectedDailyPayFen : null;
  if (expected === null) return 1;
  return dayFen >= expected ? 1 : clamp01(dayFen / expected);
}

/** payFit, with the sentence that explains it. */
export function payPart(
  shift: ShiftForMatching,
  expectedDailyPayFen: number | null,
  audience: Exclude<Audience, 'employer'> = 'staff',
): PartResult {
  const fit = payFit(shift, expectedDailyPayFen);
  const hours = (shift.endsAt.getTime() - shift.startsAt.getTime()) / 3_600_000;
  const expected = expectedDailyPayFen !== null && expectedDailyPayFen > 0 ? expectedDailyPayFen : null;
  const your = audience === 'seeker' ? '您的' : '';
  const wanted = expected === null ? '' : `${your}期望日薪${yuan(expected)}元`;
  let dayFen: number;
  let offer: string;
  switch (shift.payUnit) {
    case 'piece':
      return { fit, text: `计件工资（每件${yuan(shift.payAmountFen)}元），无法与${your}期望日薪比较，按中等计` };
    case 'hour':
      dayFen = shift.payAmountFen * hours;
      offer = `时薪${yuan(shift.payAmountFen)}元，这班约${yuan(dayFen)}元`;
      break;
    case 'day':
      dayFen = shift.payAmountFen;
      offer = `日薪${yuan(dayFen)}元`;
      break;
  }
  if (expected === null) return { fit, text: `${offer}，${audience === 'seeker' ? '您' : '本人'}未填期望日薪` };
  return { fit, text: `${offer}，${dayFen >= expected ? '不低于' : '低于'}${wanted}` };
}

/** Reliability comes from the booking history (completions, late cancellations, no-shows). */
export const reliabilityFit = (reliability: number): number => clamp01(reliability);

export function reliabilityPart(reliability: number, audience: Audience = 'staff'): PartResult {
  const fit = reliabilityFit(reliability);
  const pct = Math.round(fit * 100);
  const word = fit >= 0.9 ? '很好' : fit >= 0.7 ? '良好' : fit >= 0.5 ? '一般' : '较差';
  return { fit, text: `${audience === 'seeker' ? '您的' : ''}到岗履约记录${word}，可靠度${pct}%` };
}
