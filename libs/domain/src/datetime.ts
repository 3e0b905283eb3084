/** True when year/month/day (month 1-12) name a real Gregorian calendar day. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one; UTC avoids DST gaps.
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/**
 * ISO 8601 date-time with an explicit offset (`Z` or `±hh:mm`), e.g. `2024-05-01T08:00:00+08:00`.
 * Checked field by field because V8's Date.parse accepts impossible days such as Feb 30.
 */
export function isIsoDateTimeWithOffset(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_WITH_OFFSET.exec(value);
  if (!m) return false;
  const [, y, mo, d, h, mi, s = '0', oh = '0', om = '0'] = m;
  return isCalendarDate(+y, +mo, +d) && +h <= 23 && +mi <= 59 && +s <= 59 && +oh <= 23 && +om <= 59 && Number.isFinite(Date.parse(value));
}

/**
 * The instants a date in this market may name: 2000-01-01 up to (not including) 2100-01-01 UTC.
 * Anything outside is a typo or an attack, and some of it (year 0, year 275760) is out of
 * PostgreSQL's range, where it would fail deep inside a query instead of at validation.
 */
export const MARKET_ERA = { from: Date.UTC(2000, 0, 1), until: Date.UTC(2100, 0, 1) } as const;

export function isWithinMarketEra(ms: number): boolean {
  return Number.isFinite(ms) && ms >= MARKET_ERA.from && ms < MARKET_ERA.until;
}

/** `2027-06-30`: a calendar day that exists (not `2027-02-30`) within the market's era. */
export function isCalendarDay(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [year, month, day] = [+value.slice(0, 4), +value.slice(5, 7), +value.slice(8, 10)];
  return isCalendarDate(year, month, day) && isWithinMarketEra(Date.UTC(year, month - 1, day));
}
