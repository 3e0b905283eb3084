import { earliestSendTime, isSameDayChange, parseQuietHours, quietHoursStartBefore } from './quiet-hours';

const at = (local: string) => new Date(`${local}+08:00`);

describe('earliestSendTime', () => {
  it('sends at once during the day', () => {
    expect(earliestSendTime(at('2026-12-02T07:00:00'), false)).toEqual(at('2026-12-02T07:00:00'));
    expect(earliestSendTime(at('2026-12-02T21:59:59'), false)).toEqual(at('2026-12-02T21:59:59'));
  });

  it('defers a non-urgent message at 22:30 to 07:00 the next morning', () => {
    expect(earliestSendTime(at('2026-12-02T22:30:00'), false)).toEqual(at('2026-12-03T07:00:00'));
  });

  it('defers one at 03:00 to 07:00 the same morning, across the UTC date line', () => {
    expect(earliestSendTime(at('2026-12-03T03:00:00'), false)).toEqual(at('2026-12-03T07:00:00'));
    expect(earliestSendTime(at('2026-12-03T07:59:00'), false)).toEqual(at('2026-12-03T07:59:00'));
  });

  it('never defers an urgent message', () => {
    expect(earliestSendTime(at('2026-12-02T23:15:00'), true)).toEqual(at('2026-12-02T23:15:00'));
  });
});

describe('isSameDayChange', () => {
  it('treats work starting within 24 hours as same-day', () => {
    expect(isSameDayChange(at('2026-12-02T22:00:00'), at('2026-12-03T08:00:00'))).toBe(true);
    expect(isSameDayChange(at('2026-12-02T07:00:00'), at('2026-12-04T08:00:00'))).toBe(false);
  });
});

describe('parseQuietHours', () => {
  it('reads a window, or off', () => {
    expect(parseQuietHours('22:00-07:00')).toEqual({ fromMinute: 1320, untilMinute: 420 });
    expect(parseQuietHours('off')).toBeNull();
    expect(() => parseQuietHours('late')).toThrow(/HH:MM-HH:MM/);
  });

  it('defers within a window that does not cross midnight to its end', () => {
    const lunch = parseQuietHours('12:00-13:30');
    expect(earliestSendTime(at('2026-12-02T12:10:00'), false, lunch)).toEqual(at('2026-12-02T13:30:00'));
    expect(earliestSendTime(at('2026-12-02T13:30:00'), false, lunch)).toEqual(at('2026-12-02T13:30:00'));
  });

  it('sends at once when quiet hours are off', () => {
    expect(earliestSendTime(at('2026-12-02T23:00:00'), false, null)).toEqual(at('2026-12-02T23:00:00'));
  });
});

describe('quietHoursStartBefore', () => {
  const quiet = parseQuietHours('22:00-07:00');

  it('leaves a daytime moment as it is', () => {
    const at = new Date('2026-12-02T10:00:00+08:00');
    expect(quietHoursStartBefore(at, quiet)).toEqual(at);
  });

  it('moves 04:00 back to 22:00 the evening before, and 23:00 to 22:00 the same evening', () => {
    expect(quietHoursStartBefore(new Date('2026-12-02T04:00:00+08:00'), quiet)).toEqual(new Date('2026-12-01T22:00:00+08:00'));
    expect(quietHoursStartBefore(new Date('2026-12-02T23:00:00+08:00'), quiet)).toEqual(new Date('2026-12-02T22:00:00+08:00'));
  });

  it('counts the start of the window as quiet and its end as not', () => {
    expect(quietHoursStartBefore(new Date('2026-12-02T22:00:00+08:00'), quiet)).toEqual(new Date('2026-12-02T22:00:00+08:00'));
    expect(quietHoursStartBefore(new Date('2026-12-02T07:00:00+08:00'), quiet)).toEqual(new Date('2026-12-02T07:00:00+08:00'));
  });

  it('changes nothing when quiet hours are off', () => {
    const at = new Date('2026-12-02T03:00:00+08:00');
    expect(quietHoursStartBefore(at, null)).toEqual(at);
  });
});
