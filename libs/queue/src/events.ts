/**
 * Domain events: written to the outbox in the transaction that makes the change, then relayed to
 * the `domain-events` queue with the event id as job id. Payloads carry ids, not state: handlers
 * re-read the rows they act on, so a retried job is safe.
 */
export interface DomainEventPayloads {
  'shift.published': { shiftId: string };
  /** An employer or staff called the shift off (its bookings are cancelled in the same transaction). */
  'shift.cancelled': { shiftId: string };
  /** The clock moved an open or filled shift past its start: it takes no more bookings and leaves the board. */
  'shift.started': { shiftId: string };
  /** Staff suspended the employer: its shifts leave the board until it is reinstated. */
  'employer.suspended': { employerId: string };
  'employer.reinstated': { employerId: string };
  /** The code is sealed (libs/identity sealText): the outbox row and the queued job never hold it in the clear. */
  'auth.otp_requested': { otpId: string; phone: string; sealedCode: string; expiresInMinutes: number };
  'booking.confirmed': { bookingId: string };
  /** Also when the market released it for want of a confirmation (`cancelledBy: market`). */
  'booking.cancelled': { bookingId: string };
  /** The seeker said they are coming (a reply of 1 to the evening question, or on the page). */
  'booking.attendance_confirmed': { bookingId: string };
  /** A shift offered to a seeker: the worker sends the SMS and schedules the expiry. */
  'offer.created': { offerId: string };
  /** A seeker said yes after the shift filled: they get a polite SMS instead of a booking. */
  'offer.too_late': { offerId: string };
  /** A yes by SMS that could not be booked (e.g. an overlapping booking): the sender is told why. */
  'sms.reply_refused': { phone: string; code: string };
  /** An SMS reply that answered nothing: the sender gets a short help text. */
  'sms.help_requested': { phone: string };
  /** The gateway's word on a sent message. */
  'sms.delivery_reported': { providerMessageId: string; status: 'delivered' | 'failed' };
  /**
   * A seeker's data erased (by themselves or at the desk); the worker app has every service erase
   * its part. Carries the phone because the profile no longer does (null only for a profile that
   * had none): the relay strips it from the outbox row, and the job is removed once the flow is done.
   */
  'worker.erased': { workerId: string; phone: string | null; erasedAt: string };
}

export type DomainEventType = keyof DomainEventPayloads;

export interface DomainEvent<T extends DomainEventType = DomainEventType> {
  eventId: string;
  type: T;
  payload: DomainEventPayloads[T];
  occurredAt: string;
}

/** An event of any type, discriminated by `type`: a switch on it narrows `payload`, with no casts. */
export type AnyDomainEvent = { [T in DomainEventType]: DomainEvent<T> }[DomainEventType];

type CarryingPhone = { [T in DomainEventType]: 'phone' extends keyof DomainEventPayloads[T] ? T : never }[DomainEventType];

/**
 * Events whose payload holds a phone (every one must be listed: the type says which). The relay
 * strips the phone from their outbox rows once they are on the queue, and their jobs are removed
 * once done, so a phone lasts only as long as the work that needs it.
 */
const phoneCarriers: Readonly<Record<CarryingPhone, true>> = {
  'auth.otp_requested': true,
  'sms.reply_refused': true,
  'sms.help_requested': true,
  'worker.erased': true,
};

export function carriesPhone(type: string): boolean {
  return Object.hasOwn(phoneCarriers, type);
}

/**
 * Events whose handling may wait behind the others on the `domain-events` queue (BullMQ takes jobs
 * without a priority before prioritized ones): during a storm of publishing, the events that send
 * someone an SMS now (an offer, a sign-in code, an answer to a reply) are not queued behind it.
 */
const backgroundEvents: ReadonlySet<string> = new Set<DomainEventType>(['shift.published']);
const BACKGROUND_PRIORITY = 10;

/** The BullMQ priority of an event's job: none (first) unless it is background work. */
export function eventPriority(type: string): number | undefined {
  return backgroundEvents.has(type) ? BACKGROUND_PRIORITY : undefined;
}
