import { Injectable } from '@nestjs/common';
import { ServiceUrlSettings } from '@lingong/config';
import { ServiceTokens } from '@lingong/identity';
import type { KioskShiftReading, KioskTrigger } from '@lingong/queue';

export type OfferSendDecision = { action: 'send'; expiresAt: string } | { action: 'wait'; until: string } | { action: 'none' };
export type OfferExpiryOutcome = 'expired' | 'accepted' | 'unchanged';

/**
 * What the worker asks of the services that own the data, over their internal routes with a
 * service token: matching runs and expires offers; job-posting asks about and releases bookings;
 * for an erasure, each of job-posting, matching and the front door erases its part.
 */
@Injectable()
export class ServicesClient {
  constructor(
    private readonly urls: ServiceUrlSettings,
    private readonly tokens: ServiceTokens,
  ) {}

  async runMatching(shiftId: string): Promise<void> {
    await this.post(this.urls.MATCHING_URL, '/api/internal/matching/runs', { shiftId });
  }

  /** Matching decides whether the offer's SMS goes now (and until when it stands), waits for the morning, or not at all. */
  sendOffer(offerId: string): Promise<OfferSendDecision> {
    return this.post<OfferSendDecision>(this.urls.MATCHING_URL, `/api/internal/offers/${offerId}/send`, {});
  }

  async expireOffer(offerId: string): Promise<OfferExpiryOutcome> {
    return (await this.post<{ outcome: OfferExpiryOutcome }>(this.urls.MATCHING_URL, `/api/internal/offers/${offerId}/expire`, {})).outcome;
  }

  /** A dispatch plan left `confirming`: confirming it again books only what is missing. */
  async finishDispatchPlan(planId: string): Promise<void> {
    await this.post(this.urls.MATCHING_URL, `/api/internal/dispatch/plans/${planId}/confirm`, {});
  }

  /** True while the question stands: the booking is still on and not yet confirmed. */
  /** Matching recomputes its stored fairness medians if they are a few minutes old; whether it did. */
  async refreshFairnessMedians(): Promise<boolean> {
    return (await this.post<{ refreshed: boolean }>(this.urls.MATCHING_URL, '/api/internal/matching/fairness-medians/refresh', {}))
      .refreshed;
  }

  async requestAttendance(bookingId: string): Promise<boolean> {
    return (await this.post<{ asking: boolean }>(this.urls.JOB_POSTING_URL, `/api/internal/bookings/${bookingId}/attendance-request`, {}))
      .asking;
  }

  async releaseUnconfirmed(bookingId: string): Promise<boolean> {
    return (
      await this.post<{ released: boolean }>(this.urls.JOB_POSTING_URL, `/api/internal/bookings/${bookingId}/release-unconfirmed`, {})
    ).released;
  }

  /** Pending applications withdrawn, future bookings cancelled, free text cleared. */
  async eraseSeekerInJobPosting(workerId: string): Promise<void> {
    await this.post(this.urls.JOB_POSTING_URL, `/api/internal/seekers/${workerId}/erasure`, {});
  }

  /** Open offers withdrawn, the phone gone from every offer. */
  async eraseSeekerInMatching(workerId: string): Promise<void> {
    await this.post(this.urls.MATCHING_URL, `/api/internal/seekers/${workerId}/erasure`, {});
  }

  /** The seeker's sign-in account and the codes sent to the phone, up to the erasure (not a new sign-up's since). */
  async endSeekerSignIn(phone: string, erasedAt: Date): Promise<void> {
    await this.post(this.urls.WEB_URL, '/api/internal/accounts/seeker-erasure', { phone, erasedAt: erasedAt.toISOString() });
  }

  /** Where the shifts a kiosk trigger concerns stand now (job-posting owns the board's rule). */
  async kioskReadings(trigger: KioskTrigger): Promise<KioskShiftReading[]> {
    return (await this.post<{ items: KioskShiftReading[] }>(this.urls.JOB_POSTING_URL, '/api/internal/kiosk/readings', trigger)).items;
  }

  /** Throws on any failure, so the queue retries with backoff. */
  private async post<T>(base: string, path: string, body: object): Promise<T> {
    const response = await fetch(new URL(path, base), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await this.tokens.issue('worker')}` },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    return (await response.json()) as T;
  }
}
