/** The market's zone is Asia/Shanghai (UTC+8, no daylight saving). */
const MARKET_OFFSET_MINUTES = 8 * 60;

/** `2026-12-02T08:00:00+08:00`: times in answers carry the market's offset, as people read them. */
export function toMarketIso(date: Date): string {
  const local = new Date(date.getTime() + MARKET_OFFSET_MINUTES * 60_000);
  return `${local.toISOString().slice(0, 19)}+08:00`;
}
