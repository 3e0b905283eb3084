/**
 * Zhejiang's minimum wages, in ONE place. Money is integer fen.
 *
 * Each entry is one provincial notice; a new notice is one more entry at the end of
 * `ZHEJIANG_MINIMUM_WAGES`. Which tier applies to the market is a setting (Longwan district has
 * been tier 1), not something this table decides.
 */

/** Zhejiang's three minimum-wage tiers (档); each county or district is placed in one. */
export type MinimumWageTier = 1 | 2 | 3;

export const minimumWageTiers: readonly MinimumWageTier[] = [1, 2, 3];

/** Longwan district, Wenzhou, is in tier 1 (the default for the market's tier setting). */
export const LONGWAN_MINIMUM_WAGE_TIER: MinimumWageTier = 1;

export interface MinimumWageRates {
  /** Monthly minimum wage for full-time work, fen. */
  readonly monthlyFen: number;
  /** Minimum hourly wage for part-time (非全日制) work, fen. */
  readonly hourlyFen: number;
}

export interface MinimumWageSchedule {
  /** First day in force, ISO 8601 with the market's offset. */
  readonly effectiveFrom: string;
  /** The notice that set these figures. */
  readonly source: string;
  readonly tiers: Readonly<Record<MinimumWageTier, MinimumWageRates>>;
}

/** Oldest first. Add a new notice as a new entry; never edit one that has been in force. */
export const ZHEJIANG_MINIMUM_WAGES: readonly MinimumWageSchedule[] = [
  {
    effectiveFrom: '2025-01-01T00:00:00+08:00',
    source:
      '浙江省人民政府关于调整全省最低工资标准的通知 (Zhejiang provincial government notice adjusting minimum wages, effective 2025-01-01)',
    tiers: {
      1: { monthlyFen: 249_000, hourlyFen: 2_400 },
      2: { monthlyFen: 226_000, hourlyFen: 2_200 },
      3: { monthlyFen: 201_000, hourlyFen: 2_000 },
    },
  },
];

/**
 * The schedule in force on `on` (default: now): the latest entry whose `effectiveFrom` is not after
 * it; before the earliest entry, the earliest. Throws RangeError for an invalid date.
 */
export function minimumWageScheduleOn(on: Date = new Date()): MinimumWageSchedule {
  const at = on.getTime();
  if (!Number.isFinite(at)) throw new RangeError('minimumWageScheduleOn: invalid date');
  const byDate = [...ZHEJIANG_MINIMUM_WAGES].sort((a, b) => Date.parse(a.effectiveFrom) - Date.parse(b.effectiveFrom));
  let current = byDate[0];
  for (const entry of byDate) {
    if (Date.parse(entry.effectiveFrom) <= at) current = entry;
  }
  return current;
}

function ratesFor(tier: MinimumWageTier, on: Date | undefined): MinimumWageRates {
  const rates = minimumWageScheduleOn(on).tiers[tier] as MinimumWageRates | undefined;
  if (!rates) throw new RangeError(`Unknown minimum wage tier: ${String(tier)} (expected 1, 2 or 3)`);
  return rates;
}

/** Minimum hourly wage for part-time work in `tier` on `on` (default: now), in fen. */
export function minimumHourlyWageFen(tier: MinimumWageTier, on?: Date): number {
  return ratesFor(tier, on).hourlyFen;
}

/** Monthly minimum wage in `tier` on `on` (default: now), in fen. */
export function minimumMonthlyWageFen(tier: MinimumWageTier, on?: Date): number {
  return ratesFor(tier, on).monthlyFen;
}
