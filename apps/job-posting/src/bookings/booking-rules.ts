import { MAX_SHIFT_HOURS, type FixedPay } from '@lingong/domain';

/**
 * Minutes worked and pay owed at check-out, from the pay fixed at booking. Time before the
 * shift's start is not paid; an hourly rate is paid per started minute, a day rate in full.
 * A piece rate is settled from the pieces counted, which the employer enters: null here.
 * A check-out forgotten for days counts no more than the longest shift (MAX_SHIFT_HOURS): the time
 * is the employer's to record, not an open meter, and pay × time stays within an integer column.
 */
export function payForWork(pay: FixedPay, shift: { startsAt: Date }, checkedInAt: Date, checkedOutAt: Date) {
  const from = Math.max(checkedInAt.getTime(), shift.startsAt.getTime());
  const minutesWorked = Math.min(MAX_SHIFT_HOURS * 60, Math.max(0, Math.ceil((checkedOutAt.getTime() - from) / 60_000)));
  const payOwedFen =
    pay.payUnit === 'hour' ? Math.round((pay.payAmountFen * minutesWorked) / 60) : pay.payUnit === 'day' ? pay.payAmountFen : null;
  return { minutesWorked, payOwedFen };
}
