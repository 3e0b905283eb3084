import { compareIds } from './ids';
import { scoreCandidate, type CandidateScore } from './score';
import type { FairnessContext, SeekerForMatching, ShiftForMatching } from './types';
import { defaultWeights, type MatchingWeights } from './weights';

/** A scored candidate with the seeker it describes, as the caller gave it (phone and all). */
export interface RankedCandidate<S extends SeekerForMatching = SeekerForMatching> extends CandidateScore {
  seeker: S;
}

/**
 * Candidates for one shift, best first. Ties on the score people see (one decimal) go by seeker id,
 * so the same data always gives the same list, and offers go out in a stable order.
 */
export function rankCandidates<S extends SeekerForMatching>(
  shift: ShiftForMatching,
  seekers: readonly S[],
  context: FairnessContext,
  weights: MatchingWeights = defaultWeights,
): RankedCandidate<S>[] {
  return seekers
    .map((seeker) => ({ seeker, ...scoreCandidate(shift, seeker, context, weights) }))
    .sort((a, b) => b.score - a.score || compareIds(a.seeker.id, b.seeker.id));
}
