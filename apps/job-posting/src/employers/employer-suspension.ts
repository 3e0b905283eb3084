import { DomainException } from '@lingong/platform';

/**
 * Suspension is a filter, not a shift status: a suspended employer's shifts keep their lifecycle
 * (bookings already made run to completion) but leave the board and take no new bookings.
 */
export const employerSuspendedSql = (shiftAlias: string) =>
  // The few suspended employers are read once per statement (the employers_suspended index), not
  // probed per shift: a board page walks its index in order and stops after a page of rows.
  `(${shiftAlias}.employer_id = ANY (ARRAY(SELECT e.id FROM employers e WHERE e.suspended_at IS NOT NULL)))`;

/** What a seeker hears when applying to or being booked on a suspended employer's shift. */
export const employerSuspendedForSeekers = () =>
  new DomainException('EMPLOYER_SUSPENDED', '该用工方已被暂停，暂不能报名 / This employer is suspended', 409);
