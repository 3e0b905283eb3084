import { carriesPhone, eventPriority } from './events';

describe('carriesPhone', () => {
  it('names the events whose payload holds a phone, and no other', () => {
    expect(['auth.otp_requested', 'sms.reply_refused', 'sms.help_requested', 'worker.erased'].every(carriesPhone)).toBe(true);
    expect(['booking.confirmed', 'offer.created', 'shift.published', 'toString', 'constructor'].some(carriesPhone)).toBe(false);
  });
});

describe('eventPriority', () => {
  it('puts publishing behind the events that send someone an SMS now', () => {
    expect(eventPriority('shift.published')).toBeGreaterThan(0);
    expect(['auth.otp_requested', 'offer.created', 'sms.reply_refused', 'booking.cancelled'].map(eventPriority)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
