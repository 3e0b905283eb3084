import type { AuthSettings, RuntimeSettings } from '@lingong/config';
import { sealText } from '@lingong/identity';
import { strictMock } from '../../../../test/support/strict-mock';
import { DevSmsController } from './dev-sms.controller';
import type { DevSmsRepository, InboxRow } from './dev-sms.repository';

describe('DevSmsController', () => {
  const secret = 'local-development-secret-change-me-0123456789';
  const code: InboxRow = {
    phone: '13700000001',
    text: '【龙湾零工市场】您的登录验证码是******，5分钟内有效。',
    sealedCode: sealText(secret, '123456'),
    createdAt: new Date('2026-12-01T01:00:00Z'),
    status: 'sent',
  };
  const local = { ip: '127.0.0.1', socket: { remoteAddress: '127.0.0.1' } } as never;
  const controller = (runtime: Partial<RuntimeSettings>, inbox: Partial<DevSmsRepository> = {}) =>
    new DevSmsController(
      strictMock<DevSmsRepository>(inbox),
      { NODE_ENV: 'development', DEV_SMS_INBOX: true, ...runtime } as RuntimeSettings,
      {
        JWT_SECRET: secret,
      } as AuthSettings,
    );

  it('shows a phone’s messages, the sign-in code unsealed, to this machine when switched on', async () => {
    const inbox = controller({}, { latestTo: () => Promise.resolve([code]) });
    expect(await inbox.list({ phone: code.phone }, local)).toEqual({
      items: [
        {
          phone: code.phone,
          text: '【龙湾零工市场】您的登录验证码是123456，5分钟内有效。',
          createdAt: '2026-12-01T09:00:00+08:00',
          status: 'sent',
        },
      ],
    });
  });

  it.each([
    ['switched off', { DEV_SMS_INBOX: false }, local],
    ['in production, whichever file set NODE_ENV', { NODE_ENV: 'production' as const }, local],
    ['asked from another machine', {}, { ip: '192.168.1.20', socket: { remoteAddress: '192.168.1.20' } }],
    ['asked through a proxy for another machine', {}, { ip: '192.168.1.20', socket: { remoteAddress: '127.0.0.1' } }],
  ])('is not there when %s', async (_when, runtime, request) => {
    await expect(controller(runtime).list({ phone: code.phone }, request as never)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
