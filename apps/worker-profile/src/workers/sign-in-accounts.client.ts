import { Injectable } from '@nestjs/common';
import { ServiceUrlSettings } from '@lingong/config';
import { ServiceTokens } from '@lingong/identity';
import { InternalApiClient, internalRoutes } from '@lingong/internal-api';

/**
 * The front door owns sign-in accounts. When a seeker is erased it removes their account (and the
 * codes sent to the phone), so every token of it is refused from then on. Over web's internal
 * route with a service token; the same call is part of the worker app's erasure flow, which
 * retries it, so a failure here delays the end of the tokens but loses nothing.
 */
@Injectable()
export class SignInAccountsClient {
  private readonly api: InternalApiClient;

  constructor(urls: ServiceUrlSettings, tokens: ServiceTokens) {
    this.api = new InternalApiClient('worker-profile', urls, tokens, 5_000);
  }

  async endSeekerSignIn(phone: string, erasedAt: Date): Promise<void> {
    await this.api.call(internalRoutes.endSeekerSignIn, { body: { phone, erasedAt: erasedAt.toISOString() } });
  }
}
