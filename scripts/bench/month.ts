import {
  defaultWeights,
  fairnessContextOf,
  gini,
  matchingParts,
  rankCandidates,
  type MatchingPart,
  type MatchingWeights,
} from '@lingong/matching-engine';
import { isEligible, prepareSeeker, prepareShift, type EligibilitySeeker, type EligibilityShift } from './eligibility';
import { MARKET_OFFSET_MS } from '@lingong/domain';

/**
 * A simulated month, in memory: each day a stream of shifts is posted, each is ranked by the
 * engine among the seekers the service would admit (eligibility.ts; "already booked" is "already
 * working that day") and filled top down to its headcount; a seeker takes at most one shift a day. Hours and earnings feed back into
 * `hoursLast30Days` / `earningsLast30DaysFen` and into the day's medians, as they would in the market.
 */

export type SimSeeker = EligibilitySeeker;
export type SimShift = EligibilityShift;

export interface MonthResult {
  hours: number[];
  earningsFen: number[];
  hoursGini: number;
  earningsGini: number;
  places: number;
  filled: number;
  seekersWithWork: number;
  priorityGroupSeekers: number;
  priorityGroupWithWork: number;
  priorityGroupBookings: number;
  scored: number;
  elapsedMs: number;
  /**
   * Mean score of the people chosen, counting every part but fairness at its default weight
   * (rescaled to 0–100): what the employers got, whichever weights chose them.
   */
  chosenScoreWithoutFairness: number;
  /** Share of the seekers whose hours reached at least half of an equal share of all hours worked. */
  atLeastHalfShare: number;
}

/** The yardstick of `chosenScoreWithoutFairness`: fit × default weight over the parts other than fairness. */
function scoreWithoutFairness(fit: Record<MatchingPart, number>): number {
  const parts = matchingParts.filter((part) => part !== 'fairness');
  const weight = parts.reduce((sum, part) => sum + defaultWeights[part], 0);
  return (100 * parts.reduce((sum, part) => sum + fit[part] * defaultWeights[part], 0)) / weight;
}

const DAY_MS = 24 * 3_600_000;

/**
 * The month's shifts, drawn once from the shapes (what the market posts: place, category, skills,
 * time of day, pay, headcount) and moved onto the simulated days, so both runs see the same month.
 */
export function monthOfShifts(
  shapes: readonly SimShift[],
  options: { days: number; perDay: number; start: Date; random: () => number },
): SimShift[][] {
  const firstMidnight = Math.floor((options.start.getTime() + MARKET_OFFSET_MS) / DAY_MS + 1) * DAY_MS - MARKET_OFFSET_MS; // next local midnight
  const month: SimShift[][] = [];
  for (let d = 0; d < options.days; d++) {
    const n = Math.round(options.perDay * (0.9 + 0.2 * options.random())); // ±10% day to day
    const day: SimShift[] = [];
    for (let k = 0; k < n; k++) {
      const shape = shapes[Math.floor(options.random() * shapes.length)];
      const timeOfDay = (shape.startsAt.getTime() + MARKET_OFFSET_MS) % DAY_MS;
      const startsAt = new Date(firstMidnight + d * DAY_MS + timeOfDay);
      const endsAt = new Date(startsAt.getTime() + (shape.endsAt.getTime() - shape.startsAt.getTime()));
      day.push({ ...shape, id: `${shape.id}:${d}:${k}`, startsAt, endsAt, remaining: shape.headcount });
    }
    month.push(day);
  }
  return month;
}

export function simulateMonth(seekersIn: readonly SimSeeker[], month: readonly SimShift[][], weights: MatchingWeights): MonthResult {
  const started = performance.now();
  // Everyone starts the month with none: the month's work is what is measured.
  const seekers = seekersIn.map((s) => ({ ...s, hoursLast30Days: 0, earningsLast30DaysFen: 0 }));
  const prepared = seekers.map((s) => prepareSeeker(s));
  const index = new Map(seekers.map((s, i) => [s.id, i]));
  const hours = new Array<number>(seekers.length).fill(0);
  const earnings = new Array<number>(seekers.length).fill(0);
  let places = 0;
  let filled = 0;
  let scored = 0;
  let priorityGroupBookings = 0;
  let chosenScoreSum = 0;

  for (const day of month) {
    const context = fairnessContextOf(seekers);
    const busy = new Uint8Array(seekers.length);
    for (const shift of day) {
      places += shift.remaining;
      const at = prepareShift(shift);
      const candidates = seekers.filter((s, i) => !busy[i] && isEligible(shift, at, s, prepared[i]));
      scored += candidates.length;
      const chosen = rankCandidates(shift, candidates, context, weights).slice(0, shift.remaining);
      const shiftHours = (shift.endsAt.getTime() - shift.startsAt.getTime()) / 3_600_000;
      // Pay as at check-out (booking-rules.ts): an hourly rate for the hours, a day rate in full; no piece rates are seeded.
      const pay = shift.payUnit === 'hour' ? Math.round(shift.payAmountFen * shiftHours) : shift.payAmountFen;
      for (const c of chosen) {
        const i = index.get(c.seeker.id) as number;
        busy[i] = 1;
        hours[i] += shiftHours;
        earnings[i] += pay;
        filled += 1;
        chosenScoreSum += scoreWithoutFairness(c.fit);
        if (seekers[i].priorityGroup !== 'none') priorityGroupBookings += 1;
      }
    }
    // The day is worked: the last 30 days (all of the simulated month so far) move on.
    seekers.forEach((s, i) => {
      s.hoursLast30Days = hours[i];
      s.earningsLast30DaysFen = earnings[i];
    });
  }

  const equalShare = hours.reduce((sum, h) => sum + h, 0) / seekers.length;
  const priority = seekers.map((s, i) => ({ s, i })).filter(({ s }) => s.priorityGroup !== 'none');
  return {
    hours,
    earningsFen: earnings,
    hoursGini: gini(hours),
    earningsGini: gini(earnings),
    places,
    filled,
    seekersWithWork: hours.filter((h) => h > 0).length,
    priorityGroupSeekers: priority.length,
    priorityGroupWithWork: priority.filter(({ i }) => hours[i] > 0).length,
    priorityGroupBookings,
    scored,
    elapsedMs: performance.now() - started,
    chosenScoreWithoutFairness: filled > 0 ? chosenScoreSum / filled : NaN,
    atLeastHalfShare: hours.filter((h) => h >= equalShare / 2).length / seekers.length,
  };
}
