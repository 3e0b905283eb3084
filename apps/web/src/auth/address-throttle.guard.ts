import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import { DomainException } from '@lingong/platform';

/**
 * Caps sign-in requests per network address (OTP_PER_ADDRESS_PER_HOUR): generous, because a whole
 * hall of people may share one connection; the strict limits are per phone.
 */
@Injectable()
export class AddressThrottleGuard extends ThrottlerGuard {
  protected override throwThrottlingException(_: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const wait = Math.max(1, Math.ceil(detail.timeToBlockExpire || detail.timeToExpire));
    throw new DomainException('OTP_RATE_LIMITED', `此网络请求太多，请${wait}秒后再试 / Too many sign-in requests from this address`, 429, {
      retryAfterSeconds: wait,
    });
  }
}
