/**
 * How long one shift may last. A gig is hours, not months: a job over days is several shifts. The
 * bound also keeps every check that walks a shift day by day or week by week (part-time hours,
 * availability) small, whatever a client sends.
 */
export const MAX_SHIFT_HOURS = 24;

const MS_PER_HOUR = 3_600_000;

/** True when [startsAt, endsAt) lasts no longer than MAX_SHIFT_HOURS (an end before the start is another check's problem). */
export function isWithinShiftLength(startsAt: Date, endsAt: Date): boolean {
  return endsAt.getTime() - startsAt.getTime() <= MAX_SHIFT_HOURS * MS_PER_HOUR;
}
