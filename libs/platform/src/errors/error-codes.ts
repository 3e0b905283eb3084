/**
 * Every machine-readable `code` an error answer may carry (API.md): what the services throw
 * (DomainException, or the access guard's own answers) and what their readers act on (another
 * service passing a refusal on, the SMS texts, the pages' messages). Plain data with no imports,
 * so the front end can take the type too (`@lingong/error-codes`).
 */
export const errorCodes = [
  'ALREADY_APPLIED',
  'ALREADY_BOOKED',
  'ALREADY_RATED',
  'APPLICATION_NOT_PENDING',
  'BELOW_MINIMUM_WAGE',
  'BOOKING_NOT_COMPLETED',
  'BOOKING_STATUS',
  'CANNOT_DISABLE_SELF',
  'CHECK_IN_TOO_EARLY',
  'DOUBLE_BOOKING',
  'EMPLOYER_EXISTS',
  'EMPLOYER_PROFILE_REQUIRED',
  'EMPLOYER_SUSPENDED',
  'FORBIDDEN',
  'FORBIDDEN_FIELD',
  'GATEWAY_MESSAGE_IN_PROGRESS',
  'IDEMPOTENCY_KEY_REUSED',
  'LOGIN_INVALID',
  'LOGIN_LOCKED',
  'NOT_FOUND',
  'OFFER_CLOSED',
  'OFFER_EXPIRED',
  'OTP_INVALID',
  'OTP_RATE_LIMITED',
  'PART_TIME_HOURS_EXCEEDED',
  'PART_TIME_SETTLEMENT_TOO_LONG',
  'PHONE_IS_SIGN_IN',
  'PLAN_ALREADY_CONFIRMED',
  'PLAN_ASSIGNMENT_INVALID',
  /** Another service refused without saying why (an answer with no code of this list). */
  'REFUSED',
  'RESIDENT_ID_TAKEN',
  'SERVICE_UNAVAILABLE',
  'SHIFT_FULL',
  'SHIFT_NOT_DRAFT',
  'SHIFT_NOT_OPEN',
  'SHIFT_NOT_PENDING',
  'SHIFT_NOT_STARTED',
  'SHIFT_STARTED',
  'SIGN_IN_CHECK_UNAVAILABLE',
  'STAFF_EXISTS',
  'TOKEN_REVOKED',
  'WORKER_EXISTS',
  'WORKER_NOT_ACTIVE',
  'WORKER_PROFILE_REQUIRED',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** For a reader of another service's answer: a code of this list, or not one to act on. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value);
}
