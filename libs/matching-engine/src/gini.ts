/**
 * Gini coefficient of hours or earnings across active seekers: how fairness is measured (DESIGN.md,
 * "Matching"; `hoursGini`, `earningsGini` in the figures). 0 is perfectly even; the population
 * formula on n values tops out at (n − 1) / n when one person has everything.
 *
 *   G = Σᵢ (2i − n − 1) · xᵢ / (n · Σ x),   x sorted ascending, i = 1..n
 *
 * `zeros` counts further people with nothing, without listing them: most active seekers work no
 * hours in a given week, and a series of weekly figures should not sort them all every time.
 * They sort first, so they only shift the ranks of the others.
 */
export function gini(values: readonly number[], zeros = 0): number {
  for (const v of values) {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new RangeError('gini takes finite values ≥ 0');
  }
  if (!Number.isInteger(zeros) || zeros < 0) throw new RangeError('zeros must be an integer ≥ 0');
  const n = values.length + zeros;
  const total = values.reduce((a, b) => a + b, 0);
  if (n === 0 || total === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  let weighted = 0;
  for (let i = 0; i < sorted.length; i++) weighted += (2 * (zeros + i + 1) - n - 1) * sorted[i];
  return weighted / (n * total);
}
