import type { EmploymentType } from '../enums.js';

/**
 * Group keys of the analytics dimensions that are computed rather than copied (docs/analytics.md, "What every figure
 * counts"): rank group and period. Other keys are codes or enum names as stored.
 */

/** The key of a group whose attribute is empty on the employee's record. */
export const UNKNOWN_KEY = 'UNKNOWN';
/** The PREDIKAT key of an evaluation without a predikat. */
export const NO_PREDIKAT_KEY = 'NONE';

/** Rank groups: PNS by golongan I..IV; every PPPK in one group. */
export const RANK_GROUPS = ['I', 'II', 'III', 'IV', 'PPPK'] as const;
export type RankGroup = (typeof RANK_GROUPS)[number];

/**
 * The rank group of an employee's current record: `PPPK` for every PPPK whatever their golongan; for a PNS the
 * golongan of `I/a` .. `IV/e` (the part before the slash); UNKNOWN when the employment type is empty, or a PNS has no
 * rank or one that is not a PNS golongan.
 */
export function rankGroup(employmentType: EmploymentType | null, rank: string | null): RankGroup | typeof UNKNOWN_KEY {
  if (employmentType === 'PPPK') return 'PPPK';
  if (employmentType !== 'PNS' || rank === null) return UNKNOWN_KEY;
  const match = /^(IV|III|II|I)\/[a-e]$/.exec(rank);
  return match === null ? UNKNOWN_KEY : (match[1] as RankGroup);
}

/** The PERIOD key of a quarter: `2025-Q1`. */
export function periodKey(year: number, quarter: number): string {
  if (!Number.isInteger(year) || !Number.isInteger(quarter) || quarter < 1 || quarter > 4) {
    throw new RangeError(`period must be a whole year and a quarter 1-4, got ${year} and ${quarter}`);
  }
  return `${year}-Q${quarter}`;
}
