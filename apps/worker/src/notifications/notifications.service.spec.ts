import type { Queue } from 'bullmq';
import type { SmsSettings } from '@lingong/config';
import type { Clock } from '@lingong/platform';
import type { SmsProvider } from '@lingong/sms';
import type { PhoneHasher } from '../erasure/phone-hasher';
import type { NotificationsRepository } from './notifications.repository';
import { strictMock as strict } from '../../../../test/support/strict-mock';
import { NotificationsService } from './notifications.service';

describe('NotificationsService.send', () => {
  const settings = { SMS_SIGNATURE: '【龙湾零工市场】', SMS_QUIET_HOURS: '22:00-07:00' } as SmsSettings;

  function build(now: string) {
    const insertPending = jest.fn((messages: { sendAfter: Date | null }[]) =>
      Promise.resolve(messages.map((message, i) => ({ id: `n${i}`, sendAfter: message.sendAfter }))),
    );
    const addBulk = jest.fn(() => Promise.resolve([]));
    const service = new NotificationsService(
      strict<NotificationsRepository>({ insertPending } as never),
      strict<SmsProvider>({}),
      settings,
      strict<Clock>({ now: () => new Date(now) }),
      strict<Queue<{ notificationId: string }, unknown, 'sms.send'>>({ addBulk } as never),
      strict<PhoneHasher>({ hash: (phone: string) => `hash-of-${phone}` }),
    );
    return { service, insertPending, addBulk };
  }

  it('defers an alert written at 23:00 to 07:00 and signs it', async () => {
    const { service, insertPending, addBulk } = build('2026-12-02T23:00:00+08:00');
    const causedAt = new Date('2026-12-02T22:59:00+08:00');
    await service.send([{ dedupeKey: 'e1:p:alert', phone: '13700000001', kind: 'shift_alert', text: '新零工', urgent: false, causedAt }]);
    expect(insertPending).toHaveBeenCalledWith([
      expect.objectContaining({ text: '【龙湾零工市场】新零工', sendAfter: new Date('2026-12-03T07:00:00+08:00'), causedAt, phoneHash: 'hash-of-13700000001' }),
    ]);
    expect(addBulk).toHaveBeenCalledWith([{ name: 'sms.send', data: { notificationId: 'n0' }, opts: { jobId: 'n0', delay: 8 * 3_600_000 } }]);
  });

  it('sends a sign-in code at once, even at night', async () => {
    const { service, addBulk } = build('2026-12-02T23:00:00+08:00');
    await service.send([{ dedupeKey: 'e2:otp', phone: '13700000001', kind: 'otp', text: '验证码', urgent: true, causedAt: new Date('2026-12-02T23:00:00+08:00') }]);
    expect(addBulk).toHaveBeenCalledWith([{ name: 'sms.send', data: { notificationId: 'n0' }, opts: { jobId: 'n0' } }]);
  });
});
