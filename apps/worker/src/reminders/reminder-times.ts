import { LEAST_TIME_TO_ANSWER_MS, marketMidnight } from '@lingong/domain';
import { quietHoursStartBefore, type QuietHours } from '@lingong/sms';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

export interface ReminderRules {
  eveningHour: number;
  confirmByMinutes: number;
  beforeStartMinutes: number;
  /** How long an offer stands (OFFER_MINUTES): one round of offers fits before the quiet hours. */
  offerMinutes: number;
}

/** When a booked seeker hears from us before the work; null for a step that does not apply. */
export interface ReminderTimes {
  /** The evening before: "reply 1 if you are coming". */
  askAt: Date | null;
  /** Still unconfirmed then: the place is released and offered to the next candidate. */
  releaseAt: Date | null;
  /** A last reminder shortly before the start. */
  remindAt: Date | null;
}

/**
 * The reminders of one booking. Someone who booked after the evening question would have gone out
 * has just said yes, so is not asked again (and never released). The release never falls in the
 * quiet hours: for an early shift it moves to the evening before, one offer round before the quiet
 * hours begin (21:30 with 22:00–07:00 and 30-minute offers), so nobody is woken to hear they lost
 * the work and the next candidate's offer goes out that evening, not at 07:00 with an hour left.
 */
export function reminderTimes(startsAt: Date, bookedAt: Date, rules: ReminderRules, quiet: QuietHours | null): ReminderTimes {
  const eveningBefore = new Date(marketMidnight(startsAt).getTime() - DAY_MS + rules.eveningHour * 60 * MINUTE_MS);
  const askAt = eveningBefore > bookedAt && eveningBefore < startsAt ? eveningBefore : null;
  const due = new Date(startsAt.getTime() - rules.confirmByMinutes * MINUTE_MS);
  const quietStart = quietHoursStartBefore(due, quiet);
  const releaseBy = quietStart < due ? new Date(quietStart.getTime() - rules.offerMinutes * MINUTE_MS) : due;
  const releaseAt = askAt && releaseBy.getTime() - askAt.getTime() >= LEAST_TIME_TO_ANSWER_MS ? releaseBy : null;
  const remind = new Date(startsAt.getTime() - rules.beforeStartMinutes * MINUTE_MS);
  return { askAt, releaseAt, remindAt: remind > bookedAt ? remind : null };
}
