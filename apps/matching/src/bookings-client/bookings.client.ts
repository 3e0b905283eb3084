import { Injectable } from '@nestjs/common';
import { ServiceUrlSettings } from '@lingong/config';
import { ServiceTokens } from '@lingong/identity';
import { DomainException } from '@lingong/platform';

export interface BookingAnswer {
  id: string;
  shiftId: string;
  workerId: string;
  status: string;
  source: string;
}

/**
 * Bookings belong to job-posting: matching asks it to book, over HTTP with a service token, and
 * gets the same answers a person would (SHIFT_FULL, DOUBLE_BOOKING…), passed on unchanged.
 */
@Injectable()
export class BookingsClient {
  constructor(
    private readonly urls: ServiceUrlSettings,
    private readonly tokens: ServiceTokens,
  ) {}

  async book(shiftId: string, workerId: string, source: 'offer' | 'referral' | 'dispatch'): Promise<BookingAnswer> {
    let response: Response;
    try {
      response = await fetch(new URL('/api/internal/bookings', this.urls.JOB_POSTING_URL), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await this.tokens.issue('matching')}` },
        body: JSON.stringify({ shiftId, workerId, source }),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      throw new DomainException('JOB_POSTING_UNAVAILABLE', `Bookings are unavailable right now: ${(error as Error).message}`, 409);
    }
    const body = (await response.json().catch(() => ({}))) as BookingAnswer & { code?: string; message?: string[] };
    if (response.ok) return body;
    const status = [404, 409, 422].includes(response.status) ? (response.status as 404 | 409 | 422) : 409;
    throw new DomainException(body.code ?? 'BOOKING_REFUSED', body.message?.join('; ') ?? `job-posting answered ${response.status}`, status);
  }
}
