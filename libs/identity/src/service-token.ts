import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { AccessTokenClaims } from './account';

/**
 * Tokens for app-to-app calls (matching asking job-posting to book someone). Short-lived, role
 * `service`; internal routes are not forwarded by the front door, and only `@Roles('service')` admits them.
 */
@Injectable()
export class ServiceTokens {
  constructor(private readonly jwt: JwtService) {}

  issue(service: string): Promise<string> {
    const claims: AccessTokenClaims = { sub: `service:${service}`, phone: '', role: 'service' };
    return this.jwt.signAsync(claims, { expiresIn: 60 });
  }
}
