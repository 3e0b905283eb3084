import type { PayUnit, PriorityGroup } from '@lingong/domain';

/**
 * What the engine needs to know about a shift, as plain data: the matching service reads it from
 * the database and the engine never does. Times are instants; the engine reads them in the
 * market's zone (Asia/Shanghai, UTC+8, no daylight saving).
 */
export interface ShiftForMatching {
  id: string;
  startsAt: Date;
  endsAt: Date;
  lat: number;
  lng: number;
  /** A category code (`loading`, …); also the skill that counts when no skill is required. */
  category: string;
  requiredSkills: string[];
  payAmountFen: number;
  payUnit: PayUnit;
  headcount: number;
  /** Places still open (headcount less bookings). */
  remaining: number;
}

/** One weekly window: `day` 1 (Monday) … 7 (Sunday), `start`/`end` local `HH:MM` (`24:00` allowed). */
export interface WeeklyWindow {
  day: number;
  start: string;
  end: string;
}

export interface SeekerForMatching {
  id: string;
  name: string;
  lat: number;
  lng: number;
  maxDistanceKm: number;
  skills: { code: string; years: number }[];
  /** Local windows; one whose end is not after its start runs overnight (`22:00`–`06:00`). */
  availability: WeeklyWindow[];
  expectedDailyPayFen: number | null;
  /** 0..1, from completions, late cancellations and no-shows. */
  reliability: number;
  hoursLast30Days: number;
  earningsLast30DaysFen: number;
  priorityGroup: PriorityGroup;
}

/** Medians across active seekers: fairness judges each person's recent work against them. */
export interface FairnessContext {
  medianHoursLast30Days: number;
  medianEarningsLast30DaysFen: number;
}

/** A part's fit in [0, 1] before weighting, and the one Chinese sentence that explains it. */
export interface PartResult {
  fit: number;
  text: string;
}
