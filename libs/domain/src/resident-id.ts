import { isCalendarDate } from './datetime';
import { toMarketIso } from './market-time';

// GB 11643-1999: ISO 7064 MOD 11-2 weights and check characters.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
const SHAPE = /^\d{17}[\dX]$/;

/** Check character for the first 17 digits of a resident identity number. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** Upper-cased 18-character ID if it passes the GB 11643-1999 check and birth-date rules, else null. */
export function normalizeResidentId(id: string, now: Date = new Date()): string | null {
  if (typeof id !== 'string') return null;
  const v = id.trim().toUpperCase();
  if (!SHAPE.test(v)) return null;
  const birth = v.slice(6, 14);
  const [y, m, d] = [+birth.slice(0, 4), +birth.slice(4, 6), +birth.slice(6, 8)];
  if (y < 1900 || !isCalendarDate(y, m, d)) return null;
  // Birth dates are civil dates in China (UTC+8), so "today" is taken there, not in server time.
  const today = toMarketIso(now).slice(0, 10).replace(/-/g, '');
  if (birth > today) return null;
  return residentIdCheckChar(v) === v[17] ? v : null;
}

export function isValidResidentId(id: string, now?: Date): boolean {
  return normalizeResidentId(id, now) !== null;
}

/** Last four characters of a valid ID (for display / matching), or null if invalid. */
export function residentIdLastFour(id: string): string | null {
  const v = normalizeResidentId(id);
  return v === null ? null : v.slice(-4);
}
