import { DomainException } from '@lingong/platform';

/**
 * Suspension is a filter, not a shift status: a suspended employer's shifts keep their lifecycle
 * (bookings already made run to completion) but leave the board and take no new bookings.
 */
export const employerSuspendedSql = (shiftAlias: string) =>
  `EXISTS (SELECT 1 FROM employers e WHERE e.id = ${shiftAlias}.employer_id AND e.suspended_at IS NOT NULL)`;

/** What a seeker hears when applying to or being booked on a suspended employer's shift. */
export const employerSuspendedForSeekers = () =>
  new DomainException('EMPLOYER_SUSPENDED', '该用工方已被暂停，暂不能报名 / This employer is suspended', 409);
