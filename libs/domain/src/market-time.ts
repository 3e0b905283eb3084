/** The market's zone is Asia/Shanghai (UTC+8, no daylight saving): every "day" and "hour" people speak of is in it. */
export const MARKET_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 24 * 3_600_000;

/** Instants written lately: a page of shifts repeats a few start and end times, and every answer writes them. */
const writtenIso = new Map<number, string>();
const WRITTEN_KEPT = 10_000;

/** `2026-12-02T08:00:00+08:00`: times in answers carry the market's offset, as people read them. */
export function toMarketIso(date: Date): string {
  const time = date.getTime();
  let iso = writtenIso.get(time);
  if (iso === undefined) {
    iso = `${new Date(time + MARKET_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
    if (writtenIso.size >= WRITTEN_KEPT) writtenIso.clear();
    writtenIso.set(time, iso);
  }
  return iso;
}

/** Midnight, market time, of the day `at` falls in (as an instant). */
export function marketMidnight(at: Date): Date {
  return new Date(Math.floor((at.getTime() + MARKET_OFFSET_MS) / DAY_MS) * DAY_MS - MARKET_OFFSET_MS);
}

/** Minutes since market midnight. */
export function marketMinuteOfDay(at: Date): number {
  return Math.floor((at.getTime() - marketMidnight(at).getTime()) / 60_000);
}
