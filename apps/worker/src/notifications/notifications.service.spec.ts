import type { AuthSettings, SmsSettings } from '@lingong/config';
import type { Clock } from '@lingong/platform';
import { sealText } from '@lingong/identity';
import { CODE_PLACEHOLDER, SmsTemporaryFailure, type SmsProvider } from '@lingong/sms';
import type { PhoneHasher } from '../erasure/phone-hasher';
import type { NotificationsRepository } from './notifications.repository';
import { strictMock as strict } from '../../../../test/support/strict-mock';
import { NotificationsService, type BulkSmsQueue, type UrgentSmsQueue } from './notifications.service';
import { UrgentWork } from './urgent-work';

describe('NotificationsService.send', () => {
  const settings = { SMS_SIGNATURE: '【龙湾零工市场】', SMS_QUIET_HOURS: '22:00-07:00' } as SmsSettings;

  function build(now: string) {
    const insertPending = jest.fn((messages: { sendAfter: Date | null; urgent: boolean; batchId?: string }[]) =>
      Promise.resolve(
        messages.map((message, i) => ({
          id: `n${i}`,
          sendAfter: message.sendAfter,
          urgent: message.urgent,
          batchId: message.batchId ?? null,
        })),
      ),
    );
    const addBulk = jest.fn(() => Promise.resolve([]));
    const addUrgent = jest.fn(() => Promise.resolve([]));
    const service = new NotificationsService(
      strict<NotificationsRepository>({ insertPending } as never),
      strict<SmsProvider>({}),
      settings,
      strict<Clock>({ now: () => new Date(now) }),
      strict<BulkSmsQueue>({ addBulk } as never),
      strict<UrgentSmsQueue>({ addBulk: addUrgent } as never),
      strict<PhoneHasher>({ hash: (phone: string) => `hash-of-${phone}` }),
      strict<AuthSettings>({}),
      new UrgentWork(),
    );
    return { service, insertPending, addBulk, addUrgent };
  }

  it('defers an alert written at 23:00 to 07:00 and signs it', async () => {
    const { service, insertPending, addBulk } = build('2026-12-02T23:00:00+08:00');
    const causedAt = new Date('2026-12-02T22:59:00+08:00');
    await service.send([{ dedupeKey: 'e1:p:alert', phone: '13700000001', kind: 'shift_alert', text: '新零工', urgent: false, causedAt }]);
    expect(insertPending).toHaveBeenCalledWith([
      expect.objectContaining({
        text: '【龙湾零工市场】新零工',
        sendAfter: new Date('2026-12-03T07:00:00+08:00'),
        causedAt,
        phoneHash: 'hash-of-13700000001',
      }),
    ]);
    expect(addBulk).toHaveBeenCalledWith([
      { name: 'sms.send', data: { notificationId: 'n0' }, opts: { jobId: 'n0', delay: 8 * 3_600_000 } },
    ]);
  });

  it('sends a sign-in code at once, even at night, on the urgent queue', async () => {
    const { service, addBulk, addUrgent } = build('2026-12-02T23:00:00+08:00');
    await service.send([
      {
        dedupeKey: 'e2:otp',
        phone: '13700000001',
        kind: 'otp',
        text: '验证码',
        urgent: true,
        causedAt: new Date('2026-12-02T23:00:00+08:00'),
      },
    ]);
    expect(addUrgent).toHaveBeenCalledWith([{ name: 'sms.send', data: { notificationId: 'n0' }, opts: { jobId: 'n0' } }]);
    expect(addBulk).not.toHaveBeenCalled();
  });

  it('writes a batch’s messages for its job to send, queueing none of its own', async () => {
    const { service, insertPending, addBulk, addUrgent } = build('2026-12-02T10:00:00+08:00');
    const causedAt = new Date('2026-12-02T09:59:00+08:00');
    const alert = (phone: string) => ({
      dedupeKey: `e3:${phone}:shift_alert`,
      phone,
      kind: 'shift_alert',
      text: '新零工',
      urgent: false,
      causedAt,
    });
    const cap = { perDay: 5, eventId: 'e3' };
    expect(await service.writeBatch('alerts-e3', [alert('13700000001'), alert('13700000002')], cap)).toBe(2);
    // The cap goes with the rows: the repository applies it as it writes them.
    expect(insertPending).toHaveBeenCalledWith(
      [expect.objectContaining({ batchId: 'alerts-e3', sendAfter: null }), expect.objectContaining({ batchId: 'alerts-e3' })],
      cap,
    );
    expect(addBulk).not.toHaveBeenCalled();
    expect(addUrgent).not.toHaveBeenCalled();
  });
});

describe('NotificationsService.deliver', () => {
  const secret = 'local-development-secret-change-me-0123456789';
  const stored = {
    id: 'n1',
    phone: '13700000001',
    kind: 'otp',
    attempts: 1,
    status: 'sending',
    text: `【龙湾零工市场】您的登录验证码是${CODE_PLACEHOLDER}，5分钟内有效。`,
  };

  function build(sealedCode: string) {
    const send = jest.fn(() => Promise.resolve({ providerMessageId: 'gw-1' }));
    const markSent = jest.fn(() => Promise.resolve());
    const markFailed = jest.fn(() => Promise.resolve());
    const service = new NotificationsService(
      strict<NotificationsRepository>({ claim: () => Promise.resolve([{ ...stored, sealedCode }]), markSent, markFailed } as never),
      strict<SmsProvider>({ name: 'http', send } as never),
      { SMS_SIGNATURE: '【龙湾零工市场】', SMS_QUIET_HOURS: 'off' } as SmsSettings,
      strict<Clock>({ now: () => new Date('2026-12-02T10:00:00+08:00') }),
      strict<BulkSmsQueue>({}),
      strict<UrgentSmsQueue>({}),
      strict<PhoneHasher>({}),
      { JWT_SECRET: secret } as AuthSettings,
      new UrgentWork(),
    );
    return { service, send, markSent, markFailed };
  }

  it('puts the sealed sign-in code into the text only as it is sent', async () => {
    const { service, send, markSent } = build(sealText(secret, '482916'));
    await service.deliver('n1');
    expect(send).toHaveBeenCalledWith({ id: 'n1', phone: '13700000001', text: '【龙湾零工市场】您的登录验证码是482916，5分钟内有效。' });
    expect(markSent).toHaveBeenCalledWith('http', [{ id: 'n1', providerMessageId: 'gw-1' }]);
  });

  it('fails for good a code sealed under another JWT_SECRET, sending nothing', async () => {
    const { service, send, markFailed } = build(sealText('another-secret-of-at-least-32-characters', '482916'));
    await expect(service.deliver('n1')).rejects.toThrow(/cannot be unsealed/);
    expect(send).not.toHaveBeenCalled();
    expect(markFailed).toHaveBeenCalledWith('n1', expect.stringMatching(/cannot be unsealed/), true);
  });
});

describe('NotificationsService.deliverBatch', () => {
  function build(pending: { id: string; sendAfter: Date | null }[], failing: Record<string, Error> = {}) {
    const send = jest.fn(({ id }: { id: string }) =>
      failing[id] ? Promise.reject(failing[id]) : Promise.resolve({ providerMessageId: `gw-${id}` }),
    );
    const markSent = jest.fn(() => Promise.resolve());
    const markFailed = jest.fn(() => Promise.resolve());
    const claim = jest.fn((claimed: string[]) =>
      Promise.resolve(
        claimed.map((id) => ({
          id,
          phone: '13700000001',
          kind: 'shift_alert',
          attempts: 1,
          status: 'sending',
          text: '新零工',
          sealedCode: null,
        })),
      ),
    );
    const service = new NotificationsService(
      strict<NotificationsRepository>({
        pendingInBatch: () => Promise.resolve(pending.map((m) => ({ ...m, urgent: false, batchId: 'b' }))),
        claim,
        markSent,
        markFailed,
      } as never),
      strict<SmsProvider>({ name: 'http', send } as never),
      { SMS_SIGNATURE: '', SMS_QUIET_HOURS: 'off' } as SmsSettings,
      strict<Clock>({ now: () => new Date('2026-12-02T10:00:00+08:00') }),
      strict<BulkSmsQueue>({}),
      strict<UrgentSmsQueue>({}),
      strict<PhoneHasher>({}),
      strict<AuthSettings>({}),
      new UrgentWork(),
    );
    return { service, send, claim, markSent, markFailed };
  }
  const ids = (count: number) => Array.from({ length: count }, (_, i) => ({ id: `n${i}`, sendAfter: null }));

  it('sends every message of the batch; a refused one is final for itself alone', async () => {
    const { service, send, markSent, markFailed } = build(ids(10), { n3: new Error('refused') });
    await expect(service.deliverBatch('b')).resolves.toBeNull();
    expect(send).toHaveBeenCalledTimes(10);
    const receipts = markSent.mock.calls.flatMap((call) => (call as unknown as [string, { id: string }[]])[1].map((r) => r.id));
    expect(receipts.sort()).toEqual(
      ids(10)
        .map((m) => m.id)
        .filter((id) => id !== 'n3')
        .sort(),
    );
    expect(markFailed).toHaveBeenCalledWith('n3', 'refused', true);
  });

  it('claims and marks sent many messages in a statement each, not two per message', async () => {
    const { service, send, claim, markSent } = build(ids(120));
    await expect(service.deliverBatch('b')).resolves.toBeNull();
    expect(send).toHaveBeenCalledTimes(120);
    expect(claim.mock.calls.map(([claimed]) => claimed.length)).toEqual([50, 50, 20]);
    expect(markSent).toHaveBeenCalledTimes(3);
  });

  it('ends the try at a temporary failure and throws, so the job is tried again', async () => {
    const { service, send, markFailed } = build(ids(50), { n0: new SmsTemporaryFailure('SMS gateway answered 503') });
    await expect(service.deliverBatch('b')).rejects.toThrow(/503/);
    expect(markFailed).toHaveBeenCalledWith('n0', 'SMS gateway answered 503', false);
    expect(send.mock.calls.length).toBeLessThan(50);
  });

  it('sends nothing before the quiet hours end, and says when to try again', async () => {
    const morning = new Date('2026-12-03T07:00:00+08:00');
    const { service, send } = build([{ id: 'n0', sendAfter: morning }]);
    await expect(service.deliverBatch('b')).resolves.toEqual(morning);
    expect(send).not.toHaveBeenCalled();
  });
});
