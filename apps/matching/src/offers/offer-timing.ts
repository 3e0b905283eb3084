import { earliestSendTime, type QuietHours } from '@lingong/sms';

const MINUTE_MS = 60_000;

/** No offer goes out later than this before the start: too little time to answer and get there. */
export const LAST_OFFER_BEFORE_START_MS = 30 * MINUTE_MS;

/**
 * When an offer made at `now` may be sent: at once, or at the end of the quiet hours it falls in
 * (22:00–07:00 by default). An offer is an invitation, not a change to work someone holds, so it
 * waits for the morning like an alert.
 */
export function offerSendTime(now: Date, quiet: QuietHours | null): Date {
  return earliestSendTime(now, false, quiet);
}

/** Whether an offer sent at `sendAt` still leaves time before the start. */
export function stillWorthOffering(sendAt: Date, startsAt: Date): boolean {
  return startsAt.getTime() - sendAt.getTime() >= LAST_OFFER_BEFORE_START_MS;
}

/**
 * An offer's time to answer counts from its send: `offerMinutes`, but never more than a quarter of
 * the time left before the start, so the next candidates can still be asked.
 */
export function offerExpiry(sentAt: Date, startsAt: Date, offerMinutes: number): Date {
  const stands = Math.min(offerMinutes * MINUTE_MS, (startsAt.getTime() - sentAt.getTime()) / 4);
  return new Date(sentAt.getTime() + Math.max(0, stands));
}
