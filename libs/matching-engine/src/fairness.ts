import type { Audience } from './audience';
import { clamp01, oneDecimal, priorityGroupLabel, yuan } from './format';
import type { FairnessContext, PartResult, SeekerForMatching } from './types';

/**
 * Fairness spreads the work (DESIGN.md, "Matching"): it lifts people who have had little work in
 * the last 30 days, judged against the median seeker, and people in a priority group that staff
 * set with their consent, so nobody is left behind. Its weight is a setting; 0 turns it off.
 */

/** Priority groups get this much on top, capped at 1. */
export const PRIORITY_GROUP_BONUS = 0.3;

/** 1 with no work, 0.5 at the median, 0 from twice the median; with a median of 0, only "none" counts. */
export function belowMedianFit(value: number, median: number): number {
  if (median > 0) return clamp01(1 - value / (2 * median));
  return value > 0 ? 0 : 1;
}

/**
 * Staff read the facts (hours, earnings, the group by name). The seeker reads their own hours and
 * earnings and that they are on the market's priority list, without the group's name: the page
 * may be read over their shoulder, and their own profile does not show it either. An employer
 * never reads this part (see `Audience`), so there is no employer wording.
 */
/** Below the median hours and pay of the last 30 days counts up; a priority group adds PRIORITY_GROUP_BONUS. */
export function fairnessFit(seeker: SeekerForMatching, context: FairnessContext): number {
  const base =
    (belowMedianFit(Math.max(0, seeker.hoursLast30Days), context.medianHoursLast30Days) +
      belowMedianFit(Math.max(0, seeker.earningsLast30DaysFen), context.medianEarningsLast30DaysFen)) /
    2;
  return clamp01(base + (seeker.priorityGroup === 'none' ? 0 : PRIORITY_GROUP_BONUS));
}

export function fairnessPart(
  seeker: SeekerForMatching,
  context: FairnessContext,
  audience: Exclude<Audience, 'employer'> = 'staff',
): PartResult {
  const hours = Math.max(0, seeker.hoursLast30Days);
  const earnings = Math.max(0, seeker.earningsLast30DaysFen);
  const base = (belowMedianFit(hours, context.medianHoursLast30Days) + belowMedianFit(earnings, context.medianEarningsLast30DaysFen)) / 2;
  const group = seeker.priorityGroup === 'none' ? null : seeker.priorityGroup;
  const fit = fairnessFit(seeker, context);

  const you = audience === 'seeker' ? '您' : '';
  const done = `${oneDecimal(hours)}小时、挣${yuan(earnings)}元`;
  const work =
    base > 0.5 + 1e-9
      ? `${you}近30天只做了${done}，比一般人少，优先照顾`
      : base < 0.5 - 1e-9
        ? `${you}近30天做了${done}，比一般人多，不额外照顾`
        : `${you}近30天做了${done}，与一般人相当`;
  if (!group) return { fit, text: work };
  return {
    fit,
    text: audience === 'seeker' ? `${work}；您在优先照顾名单内，再加照顾` : `${work}；属优先群体（${priorityGroupLabel(group)}），再加照顾`,
  };
}

/** The medians fairness needs, from the active seekers' last 30 days (the matching service passes them in). */
export function fairnessContextOf(
  seekers: readonly Pick<SeekerForMatching, 'hoursLast30Days' | 'earningsLast30DaysFen'>[],
): FairnessContext {
  return {
    medianHoursLast30Days: median(seekers.map((s) => s.hoursLast30Days)),
    medianEarningsLast30DaysFen: median(seekers.map((s) => s.earningsLast30DaysFen)),
  };
}

/** Median of the values (mean of the middle two for an even count); 0 for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
