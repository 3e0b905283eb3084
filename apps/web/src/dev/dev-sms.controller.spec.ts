import type { RuntimeSettings } from '@lingong/config';
import type { DataSource } from 'typeorm';
import { strictMock } from '../../../../test/support/strict-mock';
import { DevSmsController } from './dev-sms.controller';

describe('DevSmsController', () => {
  const sent = { phone: '13700000001', text: '【龙湾零工市场】您的登录验证码是123456', created_at: new Date('2026-12-01T01:00:00Z'), status: 'sent' };
  const controller = (nodeEnv: RuntimeSettings['NODE_ENV'], dataSource: DataSource) => new DevSmsController(dataSource, { NODE_ENV: nodeEnv } as RuntimeSettings);

  it('reads a phone’s messages outside production', async () => {
    const dataSource = strictMock<DataSource>({ query: () => Promise.resolve([sent]) });
    expect(await controller('development', dataSource).list({ phone: sent.phone })).toEqual({
      items: [{ phone: sent.phone, text: sent.text, createdAt: '2026-12-01T09:00:00+08:00', status: 'sent' }],
    });
  });

  it('is not there in production (sign-in codes are among the messages), whichever file set NODE_ENV', async () => {
    const dataSource = strictMock<DataSource>({});
    await expect(controller('production', dataSource).list({ phone: sent.phone })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
