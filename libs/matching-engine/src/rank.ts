import type { Audience } from './audience';
import { compareIds } from './ids';
import { scoreCandidate, type CandidateScore, type EmployerCandidateScore } from './score';
import type { FairnessContext, SeekerForMatching, ShiftForMatching } from './types';
import { defaultWeights, type MatchingWeights } from './weights';

/** A scored candidate with the seeker it describes, as the caller gave it (phone and all). */
export interface RankedCandidate<S extends SeekerForMatching = SeekerForMatching> extends CandidateScore {
  seeker: S;
}

export interface EmployerRankedCandidate<S extends SeekerForMatching = SeekerForMatching> extends EmployerCandidateScore {
  seeker: S;
}

/**
 * Candidates for one shift, best first by the score `audience` reads. Ties on that score (one
 * decimal) go by seeker id, so the same data always gives the same list, and offers go out in a
 * stable order. Staff (and offers, referrals, dispatch) get the market's order, fairness included,
 * so work spreads; an employer's list is in the order of the employer's own score, so neither
 * which candidates make the cut nor their order can reveal what the employer may not see.
 */
export function rankCandidates<S extends SeekerForMatching>(
  shift: ShiftForMatching,
  seekers: readonly S[],
  context: FairnessContext,
  weights?: MatchingWeights,
  audience?: Exclude<Audience, 'employer'>,
): RankedCandidate<S>[];
export function rankCandidates<S extends SeekerForMatching>(
  shift: ShiftForMatching,
  seekers: readonly S[],
  context: FairnessContext,
  weights: MatchingWeights | undefined,
  audience: 'employer',
): EmployerRankedCandidate<S>[];
export function rankCandidates<S extends SeekerForMatching>(
  shift: ShiftForMatching,
  seekers: readonly S[],
  context: FairnessContext,
  weights: MatchingWeights = defaultWeights,
  audience: Audience = 'staff',
): (RankedCandidate<S> | EmployerRankedCandidate<S>)[] {
  const scored =
    audience === 'employer'
      ? seekers.map((seeker) => ({ seeker, ...scoreCandidate(shift, seeker, context, weights, 'employer') }))
      : seekers.map((seeker) => ({ seeker, ...scoreCandidate(shift, seeker, context, weights, audience) }));
  return scored.sort((a, b) => b.score - a.score || compareIds(a.seeker.id, b.seeker.id));
}
