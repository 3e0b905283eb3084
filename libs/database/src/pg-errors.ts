import { QueryFailedError } from 'typeorm';

/** PostgreSQL error codes the domain reacts to. */
export const PgErrorCode = {
  uniqueViolation: '23505',
  exclusionViolation: '23P01',
} as const;

export function isPgError(error: unknown, code: (typeof PgErrorCode)[keyof typeof PgErrorCode]): error is QueryFailedError {
  return error instanceof QueryFailedError && (error.driverError as { code?: string } | undefined)?.code === code;
}

export function pgConstraint(error: QueryFailedError): string | undefined {
  return (error.driverError as { constraint?: string } | undefined)?.constraint;
}
