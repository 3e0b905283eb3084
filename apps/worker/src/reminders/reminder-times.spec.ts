import { parseQuietHours } from '@lingong/sms';
import { reminderTimes } from './reminder-times';

const at = (local: string) => new Date(`${local}+08:00`);
const rules = { eveningHour: 18, confirmByMinutes: 180, beforeStartMinutes: 120, offerMinutes: 30 };
const quiet = parseQuietHours('22:00-07:00');

describe('reminderTimes', () => {
  it('asks at 18:00 the evening before, releases 3 hours before the start, reminds 2 hours before', () => {
    expect(reminderTimes(at('2026-12-03T14:00:00'), at('2026-12-01T10:00:00'), rules, quiet)).toEqual({
      askAt: at('2026-12-02T18:00:00'),
      releaseAt: at('2026-12-03T11:00:00'),
      remindAt: at('2026-12-03T12:00:00'),
    });
  });

  it('moves a release that would fall in the quiet hours to one offer round before 22:00 the evening before', () => {
    // 08:00 start: three hours before is 05:00, in the quiet hours; released at 21:30, its place is offered again before 22:00.
    expect(reminderTimes(at('2026-12-03T08:00:00'), at('2026-12-01T10:00:00'), rules, quiet).releaseAt).toEqual(at('2026-12-02T21:30:00'));
    expect(reminderTimes(at('2026-12-03T08:00:00'), at('2026-12-01T10:00:00'), { ...rules, offerMinutes: 60 }, quiet).releaseAt).toEqual(
      at('2026-12-02T21:00:00'),
    );
    // 10:00 start: released at 07:00, when offers may go out again; nothing moves.
    expect(reminderTimes(at('2026-12-03T10:00:00'), at('2026-12-01T10:00:00'), rules, quiet).releaseAt).toEqual(at('2026-12-03T07:00:00'));
    // Without quiet hours it stays at 05:00.
    expect(reminderTimes(at('2026-12-03T08:00:00'), at('2026-12-01T10:00:00'), rules, null).releaseAt).toEqual(at('2026-12-03T05:00:00'));
  });

  it('does not ask (nor release) someone who booked after the evening question', () => {
    const times = reminderTimes(at('2026-12-03T08:00:00'), at('2026-12-02T19:30:00'), rules, quiet);
    expect(times).toEqual({ askAt: null, releaseAt: null, remindAt: at('2026-12-03T06:00:00') });
  });

  it('asks but does not release when under an hour would be left to answer', () => {
    const times = reminderTimes(
      at('2026-12-03T00:30:00'),
      at('2026-12-01T10:00:00'),
      { ...rules, eveningHour: 21, confirmByMinutes: 200 },
      null,
    );
    // Asked 21:00, release would be 21:10.
    expect(times.askAt).toEqual(at('2026-12-02T21:00:00'));
    expect(times.releaseAt).toBeNull();
  });

  it('skips the last reminder when the booking is made closer to the start than that', () => {
    expect(reminderTimes(at('2026-12-03T14:00:00'), at('2026-12-03T13:00:00'), rules, quiet)).toEqual({
      askAt: null,
      releaseAt: null,
      remindAt: null,
    });
  });

  it('reads the evening before in market time across the UTC date line', () => {
    // 07:30 market time is 23:30 UTC the day before.
    expect(reminderTimes(at('2026-12-03T07:30:00'), at('2026-12-01T10:00:00'), rules, quiet).askAt).toEqual(at('2026-12-02T18:00:00'));
  });
});
