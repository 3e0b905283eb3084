import { compareIds } from './ids';
import { scoreCandidate, type CandidateScore } from './score';
import type { FairnessContext, SeekerForMatching, ShiftForMatching } from './types';
import { defaultWeights, type MatchingWeights } from './weights';

/** A scored candidate with the seeker it describes (the caller adds what the API shows, e.g. the masked phone). */
export interface RankedCandidate extends CandidateScore {
  seeker: SeekerForMatching;
}

/**
 * Candidates for one shift, best first. Ties on the score people see (one decimal) go by seeker id,
 * so the same data always gives the same list, and offers go out in a stable order.
 */
export function rankCandidates(
  shift: ShiftForMatching,
  seekers: readonly SeekerForMatching[],
  context: FairnessContext,
  weights: MatchingWeights = defaultWeights,
): RankedCandidate[] {
  return seekers
    .map((seeker) => ({ seeker, ...scoreCandidate(shift, seeker, context, weights) }))
    .sort((a, b) => b.score - a.score || compareIds(a.seeker.id, b.seeker.id));
}
