import { parseQuietHours } from '@lingong/sms';
import { offerExpiry, offerSendTime, stillWorthOffering } from './offer-timing';

const at = (local: string) => new Date(`${local}+08:00`);
const quiet = parseQuietHours('22:00-07:00');

describe('offer timing', () => {
  it('sends an offer made in the day at once, and one made in the quiet hours at 07:00', () => {
    expect(offerSendTime(at('2026-12-02T21:59:00'), quiet)).toEqual(at('2026-12-02T21:59:00'));
    expect(offerSendTime(at('2026-12-02T22:00:00'), quiet)).toEqual(at('2026-12-03T07:00:00'));
    expect(offerSendTime(at('2026-12-03T03:10:00'), quiet)).toEqual(at('2026-12-03T07:00:00'));
    expect(offerSendTime(at('2026-12-03T03:10:00'), null)).toEqual(at('2026-12-03T03:10:00'));
  });

  it('counts the time to answer from the send, at most a quarter of what is left before the start', () => {
    // Made at 23:00 for 14:00 tomorrow: sent at 07:00, answerable until 07:30.
    expect(offerExpiry(at('2026-12-03T07:00:00'), at('2026-12-03T14:00:00'), 30)).toEqual(at('2026-12-03T07:30:00'));
    // For an 08:00 shift the 07:00 offer stands 15 minutes: a quarter of the hour left.
    expect(offerExpiry(at('2026-12-03T07:00:00'), at('2026-12-03T08:00:00'), 30)).toEqual(at('2026-12-03T07:15:00'));
  });

  it('offers nothing that would go out within 30 minutes of the start', () => {
    expect(stillWorthOffering(at('2026-12-03T07:00:00'), at('2026-12-03T07:29:00'))).toBe(false);
    expect(stillWorthOffering(at('2026-12-03T07:00:00'), at('2026-12-03T07:30:00'))).toBe(true);
    // A shift starting at 06:00 is not offered at 23:00: its offer could only go out at 07:00.
    expect(stillWorthOffering(offerSendTime(at('2026-12-02T23:00:00'), quiet), at('2026-12-03T06:00:00'))).toBe(false);
  });
});
