import { Injectable } from '@nestjs/common';
import { ServiceUrlSettings } from '@lingong/config';
import { ServiceTokens } from '@lingong/identity';
import {
  InternalApiClient,
  InternalCallError,
  internalRoutes,
  type InternalBooking,
  type InternalRequest,
  type InternalRoute,
  type InternalAnswer,
} from '@lingong/internal-api';
import { DomainException, isErrorCode } from '@lingong/platform';

export type BookingAnswer = InternalBooking;

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
  private readonly api: InternalApiClient;

  constructor(urls: ServiceUrlSettings, tokens: ServiceTokens) {
    this.api = new InternalApiClient('matching', urls, tokens, 10_000);
  }

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
    const ask = () => this.call(internalRoutes.book, { body: { shiftId, workerId, source, idempotencyKey } });
    for (const pause of idempotencyKey ? RETRY_PAUSES_MS : []) {
      try {
        return await ask();
      } catch (error) {
        if (!(error instanceof DomainException) || error.code !== 'SERVICE_UNAVAILABLE') throw error;
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
    }
    return ask();
  }

  /** A reply of 1 to the evening question: the seeker is coming. */
  async confirmAttendance(bookingId: string, workerId: string): Promise<void> {
    await this.call(internalRoutes.confirmAttendance, { params: { id: bookingId }, body: { workerId } });
  }

  /** A reply of 2 to the evening question: the seeker is not coming, and the place opens again. */
  async cancelForSeeker(bookingId: string, workerId: string): Promise<void> {
    await this.call(internalRoutes.cancelForSeeker, { params: { id: bookingId }, body: { workerId } });
  }

  /** A reply of T / TD: worker-profile, which owns the seeker's consent, records the unsubscribe. */
  async optOutOfAlerts(phone: string): Promise<void> {
    await this.call(internalRoutes.optOutOfAlerts, { body: { phone } });
  }

  /**
   * A refusal is passed on as job-posting gave it (its code and status, as it would answer a
   * person); no answer, a cut-off one or a failure on its side is SERVICE_UNAVAILABLE.
   */
  private async call<R extends InternalRoute>(route: R, request: InternalRequest<R>): Promise<InternalAnswer<R>> {
    try {
      return await this.api.call(route, request);
    } catch (error) {
      if (!(error instanceof InternalCallError)) throw error;
      if (error.status === null)
        throw new DomainException('SERVICE_UNAVAILABLE', `A service is unavailable right now: ${error.message}`, 409);
      if (error.cutOff || error.status >= 500) throw new DomainException('SERVICE_UNAVAILABLE', error.message, 409);
      const status = [404, 409, 422].includes(error.status) ? (error.status as 404 | 409 | 422) : 409;
      throw new DomainException(isErrorCode(error.code) ? error.code : 'REFUSED', error.messages?.join('; ') ?? error.message, status);
    }
  }
}
