import type { PayUnit } from '@lingong/domain';

type Translate = (key: string, named?: Record<string, unknown>) => string;

/** The market's zone: every time people read is Asia/Shanghai, whatever the device says. */
export const MARKET_TIME_ZONE = 'Asia/Shanghai';

/** `22000` fen → `220`, `2650` → `26.5`: yuan as people say them. */
export function yuan(fen: number): string {
  return (fen / 100).toFixed(2).replace(/\.?0+$/, '');
}

export function formatPay(t: Translate, pay: { amountFen: number; unit: PayUnit }): string {
  return t(`pay.${pay.unit}`, { amount: yuan(pay.amountFen) });
}

const dayKey = (date: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: MARKET_TIME_ZONE }).format(date);

/** `今天 08:00–17:00`, `12月3日 周四 08:00–17:00`, in market time. */
export function formatShiftTime(t: Translate, locale: string, startsAt: string, endsAt: string, now = new Date()): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  const clock = new Intl.DateTimeFormat(locale, { timeZone: MARKET_TIME_ZONE, hour: '2-digit', minute: '2-digit', hour12: false });
  const tomorrow = new Date(now.getTime() + 86_400_000);
  const day =
    dayKey(start) === dayKey(now)
      ? t('time.today')
      : dayKey(start) === dayKey(tomorrow)
        ? t('time.tomorrow')
        : new Intl.DateTimeFormat(locale, { timeZone: MARKET_TIME_ZONE, month: 'long', day: 'numeric', weekday: 'short' }).format(start);
  return t('time.range', { day, from: clock.format(start), to: clock.format(end) });
}
