import type { JwtService } from '@nestjs/jwt';
import type { AuthSettings } from '@lingong/config';
import type { Clock } from '@lingong/platform';
import type { DataSource } from 'typeorm';
import { strictMock } from '../../../../test/support/strict-mock';
import type { Account } from '../accounts/account.entity';
import type { AccountsRepository } from '../accounts/accounts.repository';
import { dummyPasswordHash, verifyPassword } from '../accounts/password';
import { AuthService } from './auth.service';
import type { OtpRepository } from './otp.repository';
import type { StaffSignInFailuresRepository } from './staff-sign-in-failures.repository';

jest.mock('../accounts/password', () => ({
  verifyPassword: jest.fn(() => Promise.resolve(false)),
  dummyPasswordHash: jest.fn(() => Promise.resolve('scrypt$dummy-salt$dummy-key')),
}));

describe('AuthService.signInStaff', () => {
  const now = new Date('2026-12-01T10:00:00+08:00');
  const staff = { id: 'a1', phone: '13900000001', role: 'staff', passwordHash: 'scrypt$real-salt$real-key' } as Account;

  function service(found: Account | null) {
    return new AuthService(
      strictMock<DataSource>({}),
      strictMock<OtpRepository>({}),
      strictMock<AccountsRepository>({ findWithPassword: () => Promise.resolve(found) }),
      strictMock<StaffSignInFailuresRepository>({
        reserveAttempt: () => Promise.resolve({ allowed: true as const, record: { failures: 1, lockedUntil: null, lastFailedAt: now } }),
      }),
      strictMock<JwtService>({}),
      strictMock<Clock>({ now: () => now }),
      strictMock<AuthSettings>({}),
    );
  }

  beforeEach(() => jest.mocked(verifyPassword).mockClear());

  it('checks the password against the staff account’s hash', async () => {
    await expect(service(staff).signInStaff(staff.phone, 'guess')).rejects.toMatchObject({ code: 'LOGIN_INVALID' });
    expect(jest.mocked(verifyPassword).mock.calls).toEqual([['guess', staff.passwordHash]]);
  });

  it('does the same scrypt work for a phone with no staff account, against a dummy hash, and answers alike', async () => {
    await expect(service(null).signInStaff('13900009999', 'guess')).rejects.toMatchObject({ code: 'LOGIN_INVALID', status: 401 });
    expect(jest.mocked(verifyPassword).mock.calls).toEqual([['guess', await dummyPasswordHash()]]);
  });
});
