import type { KioskFigures, KioskShift, KioskShiftReading, KioskTrigger } from '@lingong/queue';

/** The services that serve internal routes, each at its ServiceUrlSettings address. */
export type InternalService = 'web' | 'job-posting' | 'worker-profile' | 'matching';

/**
 * One service-to-service route: who serves it, how, and (as types only) what it takes and answers.
 * The serving controller declares `path` (under the global `api` prefix) and returns `Answer`; the
 * calling client builds its request from the same object, so neither end can drift from the other.
 */
export interface InternalRoute<Path extends string = string, Body = unknown, Answer = unknown> {
  readonly service: InternalService;
  readonly method: 'GET' | 'POST';
  /** As Nest declares it: `internal/offers/:id/expire`. */
  readonly path: Path;
  /** Carries the types; never set. */
  readonly types?: { body: Body; answer: Answer };
}

/** What a route takes in its body (`undefined`: none) and what it answers. */
export type InternalBody<R> = R extends InternalRoute<string, infer Body, unknown> ? Body : never;
export type InternalAnswer<R> = R extends InternalRoute<string, unknown, infer Answer> ? Answer : never;

/** `internal/offers/:id/expire` → 'id'. */
export type PathParams<Path extends string> = Path extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParams<Rest>
  : Path extends `${string}:${infer Name}`
    ? Name
    : never;

function route<Body, Answer>() {
  return <Path extends string>(service: InternalService, method: 'GET' | 'POST', path: Path): InternalRoute<Path, Body, Answer> => ({
    service,
    method,
    path,
  });
}

/** A booking as job-posting answers it to the services (its public view has more). */
export interface InternalBooking {
  id: string;
  shiftId: string;
  workerId: string;
  status: string;
  source: string;
}

export interface InternalBookingRequest {
  shiftId: string;
  workerId: string;
  source: 'offer' | 'referral' | 'dispatch';
  /** The offer's id, or a dispatch plan's id with shift and seeker: asking again answers the same booking. */
  idempotencyKey?: string;
}

/** A seeker's SMS answer about their booking, matched to the seeker by matching from the sender's phone. */
export interface SeekerAnswerRequest {
  workerId: string;
}

/** Matching's word on an offer's SMS: send it now (it stands until `expiresAt`), wait until the quiet hours end, or not at all. */
export type OfferSendDecision = { action: 'send'; expiresAt: string } | { action: 'wait'; until: string } | { action: 'none' };
export type OfferSendDecisionFor = { offerId: string } & OfferSendDecision;
/**
 * Offers one `sendOffers` call takes at most. A matching run can make more (a place per head, up to
 * OFFERS_PER_PLACE offers each): the caller sends them in calls of this many.
 */
export const OFFERS_SENT_AT_ONCE = 100;
export type OfferExpiryOutcome = 'expired' | 'accepted' | 'unchanged';

export interface KioskSnapshot {
  shifts: KioskShift[];
  figures: KioskFigures;
  at: string;
}

/** What job-posting erased of a seeker. */
export interface JobPostingSeekerErasure {
  applicationsWithdrawn: number;
  bookingsCancelled: number;
}

/** Every internal route, by what it does. Not forwarded by the front door; only a service token (`@Roles('service')`) is admitted. */
export const internalRoutes = {
  /**
   * A shift opened: the best candidates get offers, which the caller sends at once (they have no
   * `offer.created` events). `offerIds`: those made, then the shift's other pending ones (a run
   * tried again after its sending was cut short); `offered`: how many were made.
   */
  runMatching: route<{ shiftId: string }, { offered: number; offerIds: string[] }>()('matching', 'POST', 'internal/matching/runs'),
  /** Offers about to be sent, in one call: each one's decision, in the order asked. */
  sendOffers: route<{ offerIds: string[] }, { decisions: OfferSendDecisionFor[] }>()('matching', 'POST', 'internal/offers/send'),
  expireOffer: route<undefined, { done: true; outcome: OfferExpiryOutcome }>()('matching', 'POST', 'internal/offers/:id/expire'),
  /** A plan left `confirming`: confirming it again books only what is missing. */
  finishDispatchPlan: route<undefined, object>()('matching', 'POST', 'internal/dispatch/plans/:id/confirm'),
  /** The sweep's: matching recomputes its stored fairness medians when they are a few minutes old. */
  refreshFairnessMedians: route<undefined, { refreshed: boolean }>()('matching', 'POST', 'internal/matching/fairness-medians/refresh'),
  /** The seeker's open offers withdrawn, their phone gone from every offer. */
  eraseSeekerInMatching: route<undefined, { withdrawn: number }>()('matching', 'POST', 'internal/seekers/:id/erasure'),

  book: route<InternalBookingRequest, InternalBooking>()('job-posting', 'POST', 'internal/bookings'),
  requestAttendance: route<undefined, { asking: boolean }>()('job-posting', 'POST', 'internal/bookings/:id/attendance-request'),
  releaseUnconfirmed: route<undefined, { released: boolean }>()('job-posting', 'POST', 'internal/bookings/:id/release-unconfirmed'),
  confirmAttendance: route<SeekerAnswerRequest, InternalBooking>()('job-posting', 'POST', 'internal/bookings/:id/confirm-attendance'),
  cancelForSeeker: route<SeekerAnswerRequest, InternalBooking>()('job-posting', 'POST', 'internal/bookings/:id/cancel'),
  eraseSeekerInJobPosting: route<undefined, JobPostingSeekerErasure>()('job-posting', 'POST', 'internal/seekers/:id/erasure'),
  kioskBoard: route<undefined, KioskSnapshot>()('job-posting', 'GET', 'internal/kiosk/board'),
  kioskReadings: route<KioskTrigger, { items: KioskShiftReading[] }>()('job-posting', 'POST', 'internal/kiosk/readings'),

  /** A reply of T / TD: no more alerts about new gigs. */
  optOutOfAlerts: route<{ phone: string }, { unsubscribed: boolean }>()('worker-profile', 'POST', 'internal/workers/sms-opt-out'),

  /** The seeker's sign-in account and the codes sent to the phone, up to `erasedAt` (ISO with offset). */
  endSeekerSignIn: route<{ phone: string; erasedAt: string }, { accounts: number; codes: number }>()(
    'web',
    'POST',
    'internal/accounts/seeker-erasure',
  ),
} as const;
