import { payForWork } from './booking-rules';

const at = (time: string) => new Date(`2026-12-02T${time}:00+08:00`);
const shift = { startsAt: at('08:00'), endsAt: at('17:00') };

describe('payForWork', () => {
  it('pays an hourly rate per minute worked from the start, not from an early check-in', () => {
    // 26 yuan/h, in at 07:40 (start 08:00), out at 12:30: 4.5 h = 117 yuan
    expect(payForWork({ payAmountFen: 2600, payUnit: 'hour' }, shift, at('07:40'), at('12:30'))).toEqual({
      minutesWorked: 270,
      payOwedFen: 11700,
    });
  });

  it('pays a day rate in full and leaves piece rates to the count', () => {
    expect(payForWork({ payAmountFen: 22000, payUnit: 'day' }, shift, at('08:05'), at('17:00'))).toEqual({
      minutesWorked: 535,
      payOwedFen: 22000,
    });
    expect(payForWork({ payAmountFen: 50, payUnit: 'piece' }, shift, at('08:00'), at('10:00')).payOwedFen).toBeNull();
  });

  it('counts a check-out forgotten for a month as 24 hours, so the highest rate still fits an integer column', () => {
    const monthLater = new Date(at('08:00').getTime() + 30 * 86_400_000);
    const paid = payForWork({ payAmountFen: 10_000_000, payUnit: 'hour' }, shift, at('08:00'), monthLater);
    expect(paid).toEqual({ minutesWorked: 24 * 60, payOwedFen: 240_000_000 });
    expect(paid.payOwedFen).toBeLessThan(2 ** 31);
  });
});
