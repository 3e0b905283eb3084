/** The market's zone is Asia/Shanghai (UTC+8, no daylight saving): every "day" and "hour" people speak of is in it. */
export const MARKET_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 24 * 3_600_000;

/** `2026-12-02T08:00:00+08:00`: times in answers carry the market's offset, as people read them. */
export function toMarketIso(date: Date): string {
  const local = new Date(date.getTime() + MARKET_OFFSET_MS);
  return `${local.toISOString().slice(0, 19)}+08:00`;
}

/** Midnight, market time, of the day `at` falls in (as an instant). */
export function marketMidnight(at: Date): Date {
  return new Date(Math.floor((at.getTime() + MARKET_OFFSET_MS) / DAY_MS) * DAY_MS - MARKET_OFFSET_MS);
}

/** Minutes since market midnight. */
export function marketMinuteOfDay(at: Date): number {
  return Math.floor((at.getTime() - marketMidnight(at).getTime()) / 60_000);
}
