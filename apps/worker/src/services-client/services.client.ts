import { Injectable } from '@nestjs/common';
import { ServiceUrlSettings } from '@lingong/config';
import { ServiceTokens } from '@lingong/identity';
import type { KioskShiftReading, KioskTrigger } from '@lingong/queue';

/**
 * What the worker asks of the services that own the data, over their internal routes with a
 * service token: matching runs and expires offers; job-posting asks about and releases bookings.
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

  async expireOffer(offerId: string): Promise<void> {
    await this.post(this.urls.MATCHING_URL, `/api/internal/offers/${offerId}/expire`, {});
  }

  /** True while the question stands: the booking is still on and not yet confirmed. */
  async requestAttendance(bookingId: string): Promise<boolean> {
    return (await this.post<{ asking: boolean }>(this.urls.JOB_POSTING_URL, `/api/internal/bookings/${bookingId}/attendance-request`, {})).asking;
  }

  async releaseUnconfirmed(bookingId: string): Promise<boolean> {
    return (await this.post<{ released: boolean }>(this.urls.JOB_POSTING_URL, `/api/internal/bookings/${bookingId}/release-unconfirmed`, {})).released;
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
