/** What one drill reports: its counts, and each thing it found wrong (none: it passes). */
export interface DrillResult {
  /** The counts of the verdict line, in order, e.g. `{ sent: 5000, lost: 0 }` → "5000 sent, 0 lost". */
  counts: Record<string, number | string>;
  /** Every broken promise, said plainly; empty when the drill passes. */
  problems: string[];
  /** Extra figures for the record (printed under the verdict, not judged). */
  notes?: string[];
}

export interface Drill {
  name: string;
  /** One sentence: what is done to the market and what must hold. */
  what: string;
  /** Short enough (a minute or two on a small machine) for CI. */
  ci: boolean;
  run(options: DrillOptions): Promise<DrillResult>;
}

export interface DrillOptions {
  /** `--ci`: the smaller sizes CI can afford. */
  ci: boolean;
  /** Progress lines for the terminal (stderr), so the verdicts on stdout stay one line each. */
  log(message: string): void;
}

/** A size from the environment (`DRILL_<NAME>`), else the default for a full run or for CI. */
export function size(name: string, full: number, ci: number, options: DrillOptions): number {
  const given = process.env[`DRILL_${name}`];
  if (given !== undefined && given !== '') {
    const value = Number(given);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`DRILL_${name} must be a positive number, not ${given}`);
    return value;
  }
  return options.ci ? ci : full;
}

/** Adds a problem when `ok` is false. */
export function check(problems: string[], ok: boolean, problem: string): void {
  if (!ok) problems.push(problem);
}

export function formatCounts(counts: DrillResult['counts']): string {
  return Object.entries(counts)
    .map(([what, value]) => `${value} ${what}`)
    .join(', ');
}
