import { normalizeResidentId } from '@lingong/domain';

export type ResidentIdProgress =
  { state: 'empty' } | { state: 'short'; left: number } | { state: 'valid'; id: string } | { state: 'invalid' };

/**
 * A resident ID as the desk types it, judged at each keystroke by the rule of libs/domain
 * (GB 11643): nothing while empty, how many characters are left while digits are still coming,
 * and at 18 (or on anything that cannot become one) whether it is valid. Spaces are ignored; a
 * lower-case x is the check character X.
 */
export function residentIdProgress(typed: string, now?: Date): ResidentIdProgress {
  const compact = typed.replace(/\s/g, '');
  if (!compact) return { state: 'empty' };
  if (compact.length < 18 && /^\d*$/.test(compact)) return { state: 'short', left: 18 - compact.length };
  const id = normalizeResidentId(compact, now);
  return id ? { state: 'valid', id } : { state: 'invalid' };
}
