/**
 * What a booking promises beyond the hours: when wages fall due and what an employer owes for
 * calling work off late. Pure, so the employer's pages show the same figures the services record.
 */
import type { PayUnit, Settlement } from './catalog';
import { shiftHours } from './labour-law';
import { minimumHourlyWageFen, type MinimumWageTier } from './minimum-wage';

const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 24 * MS_PER_HOUR;

export interface FixedPay {
  payAmountFen: number;
  payUnit: PayUnit;
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
