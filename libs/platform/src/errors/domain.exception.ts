import type { ErrorCode } from './error-codes';

/** HTTP statuses a business rule may answer with; the filter maps codes to them. */
export type DomainStatus = 401 | 403 | 404 | 409 | 422 | 429;

/**
 * A broken business rule, with a machine-readable code from API.md (`SHIFT_FULL`, `OTP_INVALID`…)
 * and a message a person can read. Services throw it; the API filter and queue processors map it.
 */
export class DomainException extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly status: DomainStatus = 409,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainException';
  }
}

export class NotFoundDomainException extends DomainException {
  constructor(what: string) {
    super('NOT_FOUND', `${what} not found`, 404);
  }
}
