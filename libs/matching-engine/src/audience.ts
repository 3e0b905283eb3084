import type { MatchingPart } from './weights';

/**
 * Who reads a match, which decides what it may say (DESIGN.md, "Personal information"):
 * - `staff` read every part in full, the sensitive facts behind fairness and pay included;
 * - `seeker` read their own score, in the second person, with their own facts and nobody else's;
 * - `employer` read only the parts about the shift and the person's record with employers (skill,
 *   distance in whole kilometres, availability, reliability). Priority group, income, earnings,
 *   hours and expected pay are staff's alone, so the pay and fairness parts are never shown to
 *   an employer, and the employer's score is made without them: a score that included them would
 *   let an employer derive them by comparing candidates.
 */
export type Audience = 'staff' | 'seeker' | 'employer';

/** The parts an employer never sees, in any form: they rest on expected pay, work done lately and priority group. */
export const staffOnlyParts = ['pay', 'fairness'] as const satisfies readonly MatchingPart[];
export type StaffOnlyPart = (typeof staffOnlyParts)[number];
export type EmployerPart = Exclude<MatchingPart, StaffOnlyPart>;
export const employerParts: readonly EmployerPart[] = ['skill', 'distance', 'availability', 'reliability'];
