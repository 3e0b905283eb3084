import { carriesPhone } from './events';

describe('carriesPhone', () => {
  it('names the events whose payload holds a phone, and no other', () => {
    expect(['auth.otp_requested', 'sms.reply_refused', 'sms.help_requested', 'worker.erased'].every(carriesPhone)).toBe(true);
    expect(['booking.confirmed', 'offer.created', 'shift.published', 'toString', 'constructor'].some(carriesPhone)).toBe(false);
  });
});
