import { Injectable } from '@nestjs/common';
import { ServiceUrlSettings } from '@lingong/config';
import { ServiceTokens } from '@lingong/identity';

/**
 * The front door owns sign-in accounts. When a seeker is erased it removes their account (and the
 * codes sent to the phone), so every token of it is refused from then on. Over web's internal
 * route with a service token; the same call is part of the worker app's erasure flow, which
 * retries it, so a failure here delays the end of the tokens but loses nothing.
 */
@Injectable()
export class SignInAccountsClient {
  constructor(
    private readonly urls: ServiceUrlSettings,
    private readonly tokens: ServiceTokens,
  ) {}

  async endSeekerSignIn(phone: string, erasedAt: Date): Promise<void> {
    const response = await fetch(new URL('/api/internal/accounts/seeker-erasure', this.urls.WEB_URL), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await this.tokens.issue('worker-profile')}` },
      body: JSON.stringify({ phone, erasedAt: erasedAt.toISOString() }),
      signal: AbortSignal.timeout(5_000),
    });
    if (!response.ok) throw new Error(`the front door answered ${response.status}`);
  }
}
