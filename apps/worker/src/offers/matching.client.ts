import { Injectable } from '@nestjs/common';
import { ServiceUrlSettings } from '@lingong/config';
import { ServiceTokens } from '@lingong/identity';

/** Offers are matching's: the worker asks it to run and to expire, over its internal routes. */
@Injectable()
export class MatchingClient {
  constructor(
    private readonly urls: ServiceUrlSettings,
    private readonly tokens: ServiceTokens,
  ) {}

  async run(shiftId: string): Promise<void> {
    await this.post('/api/internal/matching/runs', { shiftId });
  }

  async expire(offerId: string): Promise<void> {
    await this.post(`/api/internal/offers/${offerId}/expire`, {});
  }

  /** Throws on any failure, so the queue retries with backoff. */
  private async post(path: string, body: object): Promise<void> {
    const response = await fetch(new URL(path, this.urls.MATCHING_URL), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await this.tokens.issue('worker')}` },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    if (!response.ok) throw new Error(`matching answered ${response.status} to ${path}`);
  }
}
