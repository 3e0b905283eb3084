import { Injectable } from '@nestjs/common';
import { ServiceUrlSettings } from '@lingong/config';
import { ServiceTokens } from '@lingong/identity';
import { DomainException, isErrorCode } from '@lingong/platform';

export interface BookingAnswer {
  id: string;
  shiftId: string;
  workerId: string;
  status: string;
  source: string;
}

/** Pauses before asking a repeatable booking again, when job-posting's answer did not arrive. */
const RETRY_PAUSES_MS = [200, 1_000];

/**
 * What matching asks of the services that own the data: job-posting books and takes seekers'
 * answers to the evening question (and answers as it
 * would a person: SHIFT_FULL, DOUBLE_BOOKING…, passed on unchanged), worker-profile records an
 * unsubscribe. Over HTTP with a short-lived service token, on routes the front door does not forward.
 */
@Injectable()
export class BookingsClient {
  constructor(
    private readonly urls: ServiceUrlSettings,
    private readonly tokens: ServiceTokens,
  ) {}

  /**
   * Books through job-posting's one booking path. With an idempotency key (an offer's id, a
   * dispatch plan's assignment) the call is safe to repeat, so an answer lost on the way (a
   * timeout, a dropped connection, job-posting restarting) is asked again before giving up.
   */
  async book(
    shiftId: string,
    workerId: string,
    source: 'offer' | 'referral' | 'dispatch',
    idempotencyKey?: string,
  ): Promise<BookingAnswer> {
    const ask = () =>
      this.post<BookingAnswer>(this.urls.JOB_POSTING_URL, '/api/internal/bookings', { shiftId, workerId, source, idempotencyKey });
    for (const pause of idempotencyKey ? RETRY_PAUSES_MS : []) {
      try {
        return await ask();
      } catch (error) {
        if ((error as DomainException).code !== 'SERVICE_UNAVAILABLE') throw error;
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
    }
    return ask();
  }

  /** A reply of 1 to the evening question: the seeker is coming. */
  async confirmAttendance(bookingId: string, workerId: string): Promise<void> {
    await this.post(this.urls.JOB_POSTING_URL, `/api/internal/bookings/${bookingId}/confirm-attendance`, { workerId });
  }

  /** A reply of 2 to the evening question: the seeker is not coming, and the place opens again. */
  async cancelForSeeker(bookingId: string, workerId: string): Promise<void> {
    await this.post(this.urls.JOB_POSTING_URL, `/api/internal/bookings/${bookingId}/cancel`, { workerId });
  }

  /** A reply of T / TD: worker-profile, which owns the seeker's consent, records the unsubscribe. */
  async optOutOfAlerts(phone: string): Promise<void> {
    await this.post(this.urls.WORKER_PROFILE_URL, '/api/internal/workers/sms-opt-out', { phone });
  }

  private async post<T>(base: string, path: string, payload: object): Promise<T> {
    let response: Response;
    try {
      response = await fetch(new URL(path, base), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await this.tokens.issue('matching')}` },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      throw new DomainException('SERVICE_UNAVAILABLE', `A service is unavailable right now: ${(error as Error).message}`, 409);
    }
    const read = await response.json().then(
      (json: unknown) => ({ json }),
      () => null,
    );
    // An answer cut off half-way says nothing about what happened: as good as no answer.
    if (!read && response.ok) throw new DomainException('SERVICE_UNAVAILABLE', `${path}: the answer was cut off`, 409);
    const body = (read?.json ?? {}) as T & { code?: string; message?: string[] };
    if (response.ok) return body;
    if (response.status >= 500) throw new DomainException('SERVICE_UNAVAILABLE', `${path} answered ${response.status}`, 409);
    const status = [404, 409, 422].includes(response.status) ? (response.status as 404 | 409 | 422) : 409;
    throw new DomainException(
      isErrorCode(body.code) ? body.code : 'REFUSED',
      body.message?.join('; ') ?? `${path} answered ${response.status}`,
      status,
    );
  }
}
