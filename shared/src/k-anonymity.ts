import { rankGroup, UNKNOWN_KEY, type RankGroup } from './analytics/dimensions.js';
import type { EmploymentType, Gender, PositionType } from './enums.js';

/**
 * k-anonymity of the employee rows that pseudonymised callers (POLICY, ANALYST, the demo's anonymous caller) read
 * (docs/privacy.md). Such a caller sees of a person: the agency, and the attributes below, generalised so that every
 * combination of what they see is shared by at least `k` people (the policy's `suppressionMinGroup`). The position
 * title, the dates of service and the links between people are withheld outright (server side).
 */

/**
 * The rank group of a rank (`III/b` is `III`, every PPPK `PPPK`), by the analytics' one rule (`rankGroup`), or null
 * where that rule says UNKNOWN.
 */
export function rankGroupOf(employmentType: EmploymentType, rank: string | null): RankGroup | null {
  const group = rankGroup(employmentType, rank);
  return group === UNKNOWN_KEY ? null : group;
}

/** What a pseudonymised caller may learn of one person besides the agency, most general first. */
export interface QuasiIdentifiers {
  employmentType: EmploymentType | null;
  positionType: PositionType | null;
  rankGroup: RankGroup | null;
  gender: Gender | null;
}

/** A person as the generalisation reads them: the agency (always shown) and the attributes that may be withheld. */
export interface QuasiIdentifierRow extends QuasiIdentifiers {
  agency: string;
}

/**
 * The attributes in the order they are decided, from the most general to the most specific: a person's employment
 * type is decided among the people of their agency, their position type among those who share the agency and what
 * is shown of the employment type, and so on.
 */
export const GENERALISED_ATTRIBUTES = ['employmentType', 'positionType', 'rankGroup', 'gender'] as const;

/**
 * Generalises the rows so that every combination of shown values is shared by at least `k` rows of its agency.
 *
 * Within one agency, the attributes are decided one after the other (`GENERALISED_ATTRIBUTES`). At each step the
 * people who agree on everything shown so far are split by the attribute's value: a value held by at least `k` of
 * them is shown; the people of smaller values are pooled, and the attribute is withheld (null) for the pool. A pool
 * smaller than `k` (but not empty) takes in the smallest shown value, then the next, until it has `k` people or
 * every value is pooled. Each part is then split by the next attribute the same way.
 *
 * So every set of people who share what is shown has at least `k` members whenever their agency has: a part is
 * never smaller than `k`, and different parts differ in a shown value or in shown-versus-withheld. An agency with
 * fewer than `k` people shows nothing but itself (its head count is public anyway). Ties between equally small
 * values are pooled in the order of the values' names, so the outcome depends only on the rows. Returns the shown
 * attributes of each row, in the rows' order.
 */
export function kAnonymise(rows: readonly QuasiIdentifierRow[], k: number): QuasiIdentifiers[] {
  if (!Number.isInteger(k) || k < 1) throw new Error(`k must be a positive integer, not ${k}`);
  const shown: QuasiIdentifiers[] = rows.map(() => ({
    employmentType: null,
    positionType: null,
    rankGroup: null,
    gender: null,
  }));
  const byAgency = groupIndexes(
    rows.map((_, i) => i),
    (i) => rows[i]!.agency,
  );
  for (const members of byAgency.values()) split(rows, shown, members, 0, k);
  return shown;
}

function split(
  rows: readonly QuasiIdentifierRow[],
  shown: QuasiIdentifiers[],
  members: number[],
  level: number,
  k: number,
): void {
  const attribute = GENERALISED_ATTRIBUTES[level];
  if (attribute === undefined) return;
  const groups = groupIndexes(members, (i) => rows[i]![attribute] ?? '');
  const kept = [...groups.entries()]
    .filter(([, group]) => group.length >= k)
    // Smallest first, ties by value name: the order in which values join the pool.
    .sort(([a, x], [b, y]) => x.length - y.length || a.localeCompare(b));
  let pool = [...groups.values()].filter((group) => group.length < k).flat();
  while (pool.length > 0 && pool.length < k && kept.length > 0) pool = pool.concat(kept.shift()![1]);
  for (const [, group] of kept) {
    for (const i of group) (shown[i] as unknown as Record<string, unknown>)[attribute] = rows[i]![attribute];
    split(rows, shown, group, level + 1, k);
  }
  if (pool.length > 0) split(rows, shown, pool, level + 1, k);
}

function groupIndexes(indexes: readonly number[], keyOf: (i: number) => string): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const i of indexes) {
    const key = keyOf(i);
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  }
  return groups;
}

/** The size of the smallest set of rows that share every shown value and the agency (the k the rows achieve). */
export function smallestGroup(rows: readonly QuasiIdentifierRow[], shown: readonly QuasiIdentifiers[]): number {
  const sizes = new Map<string, number>();
  rows.forEach((row, i) => {
    const s = shown[i]!;
    const key = JSON.stringify([row.agency, s.employmentType, s.positionType, s.rankGroup, s.gender]);
    sizes.set(key, (sizes.get(key) ?? 0) + 1);
  });
  return sizes.size === 0 ? 0 : Math.min(...sizes.values());
}
