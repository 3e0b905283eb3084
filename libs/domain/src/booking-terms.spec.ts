import { isWithinHoursOfStart, lateCancellationCompensation, settleBy } from './booking-terms';

const at = (time: string) => new Date(`2026-12-02T${time}:00+08:00`);
const shift = { startsAt: at('08:00'), endsAt: at('17:00') };

describe('lateCancellationCompensation', () => {
  it('owes 4 hours at the hourly rate', () => {
    expect(lateCancellationCompensation({ payAmountFen: 2600, payUnit: 'hour' }, shift, 4, 1)).toBe(10400);
  });

  it('turns a day rate into hours of the shift: 270 yuan for 9 h is 30/h, so 4 h = 120 yuan', () => {
    expect(lateCancellationCompensation({ payAmountFen: 27000, payUnit: 'day' }, shift, 4, 1)).toBe(12000);
  });

  it('never owes less than the minimum wage per hour, nor more hours than the shift', () => {
    expect(lateCancellationCompensation({ payAmountFen: 30, payUnit: 'piece' }, shift, 4, 1)).toBe(9600);
    const short = { startsAt: at('08:00'), endsAt: at('11:00') };
    expect(lateCancellationCompensation({ payAmountFen: 3000, payUnit: 'hour' }, short, 4, 1)).toBe(9000);
  });
});

describe('deadlines', () => {
  it('is late within the window before the start', () => {
    expect(isWithinHoursOfStart(at('00:00'), at('08:00'), 12)).toBe(true);
    expect(isWithinHoursOfStart(new Date('2026-12-01T19:59:00+08:00'), at('08:00'), 12)).toBe(false);
  });

  it('settles daily pay the next day and weekly pay within seven days', () => {
    expect(settleBy('daily', at('17:00')).toISOString()).toBe(new Date('2026-12-03T17:00:00+08:00').toISOString());
    expect(settleBy('weekly', at('17:00')).toISOString()).toBe(new Date('2026-12-09T17:00:00+08:00').toISOString());
  });
});
