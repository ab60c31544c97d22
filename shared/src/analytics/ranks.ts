import { roundForComparison } from '../rounding.js';

/** An agency (or any other keyed group) to be ranked by its mean. */
export interface RankInput {
  key: string;
  /** The group's mean, known even when the group is suppressed (ranks are computed among all groups first). */
  mean: number;
  suppressed: boolean;
}

export interface RankedRow {
  key: string;
  /** 1 = highest mean; null for a suppressed group. */
  rank: number | null;
}

/**
 * Competition ranks by mean, highest first, as docs/analytics.md ("Ranks") defines them: means are compared after
 * roundForComparison, a group's rank is 1 + the number of groups with a strictly higher mean, so ties share the
 * smaller rank (1, 2, 2, 4). Ranks are computed among ALL groups, the suppressed ones included; then a suppressed
 * group's rank becomes null and it is listed after the ranked ones. Ranked groups come in rank order (ties by key),
 * suppressed ones by key, never by their hidden mean (the order would give the mean away).
 */
export function rankByMean(groups: readonly RankInput[]): RankedRow[] {
  const seen = new Set<string>();
  for (const [i, g] of groups.entries()) {
    if (seen.has(g.key)) throw new RangeError(`groups[${i}].key "${g.key}" appears twice`);
    seen.add(g.key);
    if (!Number.isFinite(g.mean)) throw new RangeError(`groups[${i}].mean must be a finite number, got ${g.mean}`);
  }
  const rounded = groups.map((g) => roundForComparison(g.mean));
  const withRank = groups.map((g, i) => ({
    key: g.key,
    suppressed: g.suppressed,
    rank: 1 + rounded.filter((r) => r > (rounded[i] as number)).length,
  }));
  const ranked = withRank
    .filter((g) => !g.suppressed)
    .sort((a, b) => a.rank - b.rank || compareKeys(a.key, b.key))
    .map((g) => ({ key: g.key, rank: g.rank as number | null }));
  const hidden = withRank
    .filter((g) => g.suppressed)
    .sort((a, b) => compareKeys(a.key, b.key))
    .map((g) => ({ key: g.key, rank: null }));
  return [...ranked, ...hidden];
}

/**
 * The order of keys everywhere in analytics: by UTF-16 code units, which for the ASCII codes and enum names used as
 * keys is PostgreSQL's `COLLATE "C"` byte order (never a locale's order, which differs between machines).
 */
export function compareKeys(a: string, b: string): number {
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}
