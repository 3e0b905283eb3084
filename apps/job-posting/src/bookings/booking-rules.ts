import { MAX_SHIFT_HOURS, minimumHourlyWageFen, shiftHours, type MinimumWageTier, type PayUnit, type Settlement } from '@lingong/domain';

const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 24 * MS_PER_HOUR;

export interface FixedPay {
  payAmountFen: number;
  payUnit: PayUnit;
}

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
  const payOwedFen = pay.payUnit === 'hour' ? Math.round((pay.payAmountFen * minutesWorked) / 60) : pay.payUnit === 'day' ? pay.payAmountFen : null;
  return { minutesWorked, payOwedFen };
}

/** When wages are due: daily the next day, weekly within seven days, on completion the next day. */
export function settleBy(settlement: Settlement, completedAt: Date): Date {
  const days = settlement === 'weekly' ? 7 : 1;
  return new Date(completedAt.getTime() + days * MS_PER_DAY);
}

export function isWithinHoursOfStart(now: Date, startsAt: Date, hours: number): boolean {
  return startsAt.getTime() - now.getTime() < hours * MS_PER_HOUR;
}

/**
 * What an employer owes a booked seeker for cancelling late (DESIGN.md): `hours` of pay at the
 * booking's rate, never more than the whole shift's pay and never below the minimum wage.
 */
export function lateCancellationCompensation(
  pay: FixedPay,
  shift: { startsAt: Date; endsAt: Date },
  hours: number,
  tier: MinimumWageTier,
): number {
  const length = shiftHours(shift.startsAt, shift.endsAt);
  const owedHours = Math.min(hours, length);
  const minimum = minimumHourlyWageFen(tier, shift.startsAt);
  const hourly = pay.payUnit === 'hour' ? pay.payAmountFen : pay.payUnit === 'day' ? pay.payAmountFen / length : minimum;
  return Math.round(Math.max(hourly, minimum) * owedHours);
}
