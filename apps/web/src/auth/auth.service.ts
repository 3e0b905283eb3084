import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthSettings } from '@lingong/config';
import { sealText, type AccessTokenClaims, type AccountRole } from '@lingong/identity';
import { recordEvent } from '@lingong/outbox';
import { Clock, DomainException } from '@lingong/platform';
import type { Account } from '../accounts/account.entity';
import { AccountsRepository } from '../accounts/accounts.repository';
import { dummyPasswordHash, verifyPassword } from '../accounts/password';
import { OtpRepository } from './otp.repository';
import { StaffSignInFailuresRepository } from './staff-sign-in-failures.repository';
import { otpRules, secondsUntilNextCode } from './otp-rules';

export interface SignedIn {
  accessToken: string;
  account: { id: string; phone: string; role: AccountRole };
}

const invalidCode = () => new DomainException('OTP_INVALID', '验证码不正确或已过期 / The code is wrong or has expired', 401);

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly otps: OtpRepository,
    private readonly accounts: AccountsRepository,
    private readonly staffFailures: StaffSignInFailuresRepository,
    private readonly jwt: JwtService,
    private readonly clock: Clock,
    private readonly settings: AuthSettings,
  ) {}

  /** Sends a sign-in code by SMS (through the outbox, so a Redis outage delays it rather than losing it). */
  async requestCode(phone: string, requestedFrom: string | null) {
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      await this.otps.lockPhone(manager, phone);
      const recent = await this.otps.sendTimesSince(manager, phone, new Date(now.getTime() - 86_400_000));
      const wait = secondsUntilNextCode(recent, now);
      if (wait > 0) {
        throw new DomainException('OTP_RATE_LIMITED', `验证码发送太频繁，请${wait}秒后再试 / Try again in ${wait} s`, 429, {
          retryAfterSeconds: wait,
        });
      }
      const code = String(randomInt(0, 10 ** otpRules.digits)).padStart(otpRules.digits, '0');
      const otp = await this.otps.create(manager, {
        phone,
        codeHash: this.hash(phone, code),
        expiresAt: new Date(now.getTime() + otpRules.validMinutes * 60_000),
        requestedFrom,
        createdAt: now,
      });
      const sealedCode = sealText(this.settings.JWT_SECRET, code);
      await recordEvent(manager, 'auth.otp_requested', { otpId: otp.id, phone, sealedCode, expiresInMinutes: otpRules.validMinutes });
      return { sent: true as const, retryAfterSeconds: otpRules.windows[0].seconds };
    });
  }

  /** Checks the latest code for the phone; five wrong tries spend it. */
  async signInWithCode(phone: string, code: string, role: AccountRole): Promise<SignedIn> {
    const now = this.clock.now();
    const outcome = await this.dataSource.transaction(async (manager) => {
      await this.otps.lockPhone(manager, phone);
      const otp = await this.otps.latestFor(manager, phone);
      if (!otp || otp.consumedAt || otp.expiresAt <= now || otp.attempts >= otpRules.maxAttempts) return null;
      const matches = this.sameHash(otp.codeHash, this.hash(phone, code));
      await this.otps.recordAttempt(manager, otp.id, matches ? now : null);
      return matches ? this.accounts.findOrCreate(manager, phone, role) : null;
    });
    if (!outcome) throw invalidCode();
    return this.issue(outcome);
  }

  /**
   * A staff password, with a lock per phone after repeated failures (staff-lockout.ts). A phone
   * without a staff account is answered with the same work, the same lock and the same words, so
   * neither the answer nor its time tells whether the phone is staff.
   */
  async signInStaff(phone: string, password: string): Promise<SignedIn> {
    const attempt = await this.staffFailures.reserveAttempt(phone, this.clock.now());
    if (!attempt.allowed) {
      const wait = Math.max(1, Math.ceil((attempt.lockedUntil.getTime() - this.clock.now().getTime()) / 1000));
      const minutes = Math.ceil(wait / 60);
      throw new DomainException(
        'LOGIN_LOCKED',
        `尝试次数过多，请${minutes}分钟后再试 / Too many failed sign-ins; try again in ${minutes} min`,
        429,
        {
          retryAfterSeconds: wait,
        },
      );
    }
    const account = await this.accounts.findWithPassword(phone, ['admin', 'staff']);
    const matches = await verifyPassword(password, account?.passwordHash ?? (await dummyPasswordHash()));
    if (!account || !matches) throw new DomainException('LOGIN_INVALID', '手机号或密码不正确 / Phone or password is wrong', 401);
    await this.staffFailures.clear(phone);
    return this.issue(account);
  }

  private async issue(account: Account): Promise<SignedIn> {
    const claims: AccessTokenClaims = { sub: account.id, phone: account.phone, role: account.role, gen: account.tokenGeneration };
    return {
      accessToken: await this.jwt.signAsync(claims),
      account: { id: account.id, phone: account.phone, role: account.role },
    };
  }

  /** Keyed hash: a leaked table does not reveal live codes. */
  private hash(phone: string, code: string): string {
    return createHmac('sha256', this.settings.JWT_SECRET).update(`${phone}:${code}`).digest('hex');
  }

  private sameHash(a: string, b: string): boolean {
    return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
  }
}
