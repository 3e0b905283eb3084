import { AuthSettings, BootstrapAdminSettings, DatabaseSettings, RedisSettings, RuntimeSettings, SmsSettings } from './settings';
import { loadSettings } from './load-settings';

describe('loadSettings', () => {
  it('applies defaults and converts numbers and booleans', () => {
    const loaded = loadSettings([DatabaseSettings, RuntimeSettings], { DATABASE_PORT: '5433', LOG_PRETTY: 'false' });
    expect(loaded.get(DatabaseSettings)).toMatchObject({ DATABASE_HOST: '127.0.0.1', DATABASE_PORT: 5433 });
    expect(loaded.get(RuntimeSettings)).toMatchObject({ LOG_PRETTY: false, NODE_ENV: 'development' });
  });

  it('stops with one message naming every bad or missing setting', () => {
    expect(() => loadSettings([DatabaseSettings, RedisSettings, AuthSettings], { DATABASE_PORT: 'five', REDIS_PORT: '70000' })).toThrow(
      /Invalid settings; see \.env\.example:\n.*DATABASE_PORT must be an integer number.*\n.*REDIS_PORT must not be greater than 65535.*\n.*JWT_SECRET must be at least 32 characters/s,
    );
  });

  it('shows what was given, never a secret', () => {
    expect(() => loadSettings([RedisSettings, AuthSettings], { REDIS_PORT: 'abc', JWT_SECRET: 'hunter2' })).toThrow(
      /REDIS_PORT must be an integer number \(got "abc"\)[\s\S]*JWT_SECRET must be at least 32 characters \(got a value, not shown\)/,
    );
  });

  it('treats an empty value as unset, so the default applies', () => {
    const loaded = loadSettings([RedisSettings], { REDIS_PASSWORD: '', QUEUE_PREFIX: '' });
    const redis = loaded.get(RedisSettings) as RedisSettings;
    expect(redis.REDIS_PASSWORD).toBeUndefined();
    expect(redis.QUEUE_PREFIX).toBe('lingong');
  });

  it('refuses in production a secret left at its published example value, and only there', () => {
    const examples = { JWT_SECRET: 'local-development-secret-change-me-0123456789', BOOTSTRAP_ADMIN_PASSWORD: 'lingong-admin-2026' };
    const env = { ...examples, BOOTSTRAP_ADMIN_PHONE: '13900000000' };
    expect(() => loadSettings([AuthSettings, BootstrapAdminSettings], { ...env, NODE_ENV: 'production' }, examples)).toThrow(
      /JWT_SECRET must be changed from the example value in production[\s\S]*BOOTSTRAP_ADMIN_PASSWORD must be changed from the example value in production/,
    );
    expect(() =>
      loadSettings([AuthSettings, BootstrapAdminSettings], { ...env, NODE_ENV: 'development', HOST: '127.0.0.1' }, examples),
    ).not.toThrow();
    const own = {
      ...env,
      NODE_ENV: 'production',
      JWT_SECRET: 'a-production-secret-of-at-least-32-characters',
      BOOTSTRAP_ADMIN_PASSWORD: 'another-one',
    };
    expect(() => loadSettings([AuthSettings, BootstrapAdminSettings], own, examples)).not.toThrow();
  });

  it('names a bad admin phone and a missing SMS gateway setting at start, with the rest', () => {
    const env = {
      BOOTSTRAP_ADMIN_PHONE: '12345',
      BOOTSTRAP_ADMIN_PASSWORD: 'long-enough',
      SMS_PROVIDER: 'http',
      SMS_HTTP_URL: 'http://gateway.local/send',
    };
    expect(() => loadSettings([BootstrapAdminSettings, SmsSettings], env, {})).toThrow(
      /BOOTSTRAP_ADMIN_PHONE must be a mainland mobile number[\s\S]*SMS_HTTP_KEY_ID is required when SMS_PROVIDER=http[\s\S]*SMS_HTTP_SECRET is required when SMS_PROVIDER=http/,
    );
    const ok = loadSettings(
      [BootstrapAdminSettings, SmsSettings],
      { ...env, BOOTSTRAP_ADMIN_PHONE: '+86 139-0000-0000', SMS_PROVIDER: 'log' },
      {},
    );
    expect((ok.get(BootstrapAdminSettings) as BootstrapAdminSettings).BOOTSTRAP_ADMIN_PHONE).toBe('13900000000');
  });

  it('takes the example secrets outside production only when the app listens on loopback', () => {
    const examples = { JWT_SECRET: 'local-development-secret-change-me-0123456789' };
    for (const HOST of ['127.0.0.1', '::1', 'localhost']) {
      expect(() => loadSettings([AuthSettings], { ...examples, NODE_ENV: 'development', HOST }, examples)).not.toThrow();
    }
    for (const HOST of ['0.0.0.0', '192.168.1.20', '::', undefined]) {
      expect(() => loadSettings([AuthSettings], { ...examples, NODE_ENV: 'development', HOST }, examples)).toThrow(
        /JWT_SECRET is the published example value: set your own, or listen on loopback only \(HOST=127\.0\.0\.1\)/,
      );
    }
    expect(() =>
      loadSettings([AuthSettings], { JWT_SECRET: 'my-own-secret-of-at-least-32-characters', HOST: '0.0.0.0' }, examples),
    ).not.toThrow();
  });

  it('keeps the development SMS inbox off unless switched on, and refuses it in production', () => {
    expect((loadSettings([RuntimeSettings], {}).get(RuntimeSettings) as RuntimeSettings).DEV_SMS_INBOX).toBe(false);
    expect((loadSettings([RuntimeSettings], { DEV_SMS_INBOX: 'true' }).get(RuntimeSettings) as RuntimeSettings).DEV_SMS_INBOX).toBe(true);
    expect(() => loadSettings([RuntimeSettings], { DEV_SMS_INBOX: 'true', NODE_ENV: 'production' })).toThrow(
      /DEV_SMS_INBOX must be false when NODE_ENV=production/,
    );
  });
});
