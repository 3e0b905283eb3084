import { Injectable } from '@nestjs/common';
import { ServiceUrlSettings } from '@lingong/config';
import { ServiceTokens } from '@lingong/identity';
import {
  InternalApiClient,
  internalRoutes,
  OFFERS_SENT_AT_ONCE,
  type OfferExpiryOutcome,
  type OfferSendDecisionFor,
} from '@lingong/internal-api';
import type { KioskShiftReading, KioskTrigger } from '@lingong/queue';

export type { OfferExpiryOutcome, OfferSendDecisionFor };

/**
 * What the worker asks of the services that own the data, over their internal routes with a
 * service token: matching runs and expires offers; job-posting asks about and releases bookings;
 * for an erasure, each of job-posting, matching and the front door erases its part. Every call
 * throws on any failure (InternalCallError), so the queue retries with backoff.
 */
@Injectable()
export class ServicesClient {
  private readonly api: InternalApiClient;

  constructor(urls: ServiceUrlSettings, tokens: ServiceTokens) {
    this.api = new InternalApiClient('worker', urls, tokens, 30_000);
  }

  /** A matching run for the shift: the ids of the offers it made. */
  async runMatching(shiftId: string): Promise<string[]> {
    return (await this.api.call(internalRoutes.runMatching, { body: { shiftId } })).offerIds;
  }

  /** Matching decides, for each offer, whether its SMS goes now (and until when it stands), waits for the morning, or not at all. */
  async sendOffers(offerIds: readonly string[]): Promise<OfferSendDecisionFor[]> {
    const decisions: OfferSendDecisionFor[] = [];
    for (let at = 0; at < offerIds.length; at += OFFERS_SENT_AT_ONCE) {
      const offerIdsNow = offerIds.slice(at, at + OFFERS_SENT_AT_ONCE);
      decisions.push(...(await this.api.call(internalRoutes.sendOffers, { body: { offerIds: offerIdsNow } })).decisions);
    }
    return decisions;
  }

  async expireOffer(offerId: string): Promise<OfferExpiryOutcome> {
    return (await this.api.call(internalRoutes.expireOffer, { params: { id: offerId } })).outcome;
  }

  /** A dispatch plan left `confirming`: confirming it again books only what is missing. */
  async finishDispatchPlan(planId: string): Promise<void> {
    await this.api.call(internalRoutes.finishDispatchPlan, { params: { id: planId } });
  }

  /** True while the question stands: the booking is still on and not yet confirmed. */
  /** Matching recomputes its stored fairness medians if they are a few minutes old; whether it did. */
  async refreshFairnessMedians(): Promise<boolean> {
    return (await this.api.call(internalRoutes.refreshFairnessMedians, {})).refreshed;
  }

  async requestAttendance(bookingId: string): Promise<boolean> {
    return (await this.api.call(internalRoutes.requestAttendance, { params: { id: bookingId } })).asking;
  }

  async releaseUnconfirmed(bookingId: string): Promise<boolean> {
    return (await this.api.call(internalRoutes.releaseUnconfirmed, { params: { id: bookingId } })).released;
  }

  /** Pending applications withdrawn, future bookings cancelled, free text cleared. */
  async eraseSeekerInJobPosting(workerId: string): Promise<void> {
    await this.api.call(internalRoutes.eraseSeekerInJobPosting, { params: { id: workerId } });
  }

  /** Open offers withdrawn, the phone gone from every offer. */
  async eraseSeekerInMatching(workerId: string): Promise<void> {
    await this.api.call(internalRoutes.eraseSeekerInMatching, { params: { id: workerId } });
  }

  /** The seeker's sign-in account and the codes sent to the phone, up to the erasure (not a new sign-up's since). */
  async endSeekerSignIn(phone: string, erasedAt: Date): Promise<void> {
    await this.api.call(internalRoutes.endSeekerSignIn, { body: { phone, erasedAt: erasedAt.toISOString() } });
  }

  /** Where the shifts a kiosk trigger concerns stand now (job-posting owns the board's rule). */
  async kioskReadings(trigger: KioskTrigger): Promise<KioskShiftReading[]> {
    return (await this.api.call(internalRoutes.kioskReadings, { body: trigger })).items;
  }
}
