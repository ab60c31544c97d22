import type { AnalyticsNote } from './notes.js';
import { compareKeys } from './ranks.js';

/**
 * Small-group suppression of aggregates (docs/analytics.md, "Suppression"): a small group's mean is personal data,
 * so callers who may not see every figure get null numbers for any group built on fewer distinct employees than the
 * policy's `suppressionMinGroup`, and, against differencing, a second sibling is suppressed with a lone suppressed one.
 */

/**
 * Who is asking, as far as suppression cares. FULL: ADMIN and LEADER see every figure. AGENCY_HEAD: every figure of
 * their own agency, suppression elsewhere. RESTRICTED: POLICY, ANALYST, the demo's anonymous caller, and SUPERVISOR
 * and EMPLOYEE callers reading city-wide aggregates.
 */
export type AggregateCaller = { kind: 'FULL' } | { kind: 'AGENCY_HEAD'; agencyCode: string } | { kind: 'RESTRICTED' };

/** The roles (and the demo's anonymous caller) that aggregateCallerFor maps onto an AggregateCaller. */
export const AGGREGATE_CALLER_ROLES = [
  'ADMIN',
  'LEADER',
  'AGENCY_HEAD',
  'POLICY',
  'ANALYST',
  'SUPERVISOR',
  'EMPLOYEE',
  'ANONYMOUS',
] as const;
export type AggregateCallerRole = (typeof AGGREGATE_CALLER_ROLES)[number];

/** The suppression class of a role; an agency head needs the code of the agency they head. */
export function aggregateCallerFor(role: AggregateCallerRole, agencyCode?: string | null): AggregateCaller {
  switch (role) {
    case 'ADMIN':
    case 'LEADER':
      return { kind: 'FULL' };
    case 'AGENCY_HEAD':
      if (agencyCode === undefined || agencyCode === null || agencyCode === '') {
        throw new RangeError('agencyCode is required for an AGENCY_HEAD caller (the agency whose figures they see)');
      }
      return { kind: 'AGENCY_HEAD', agencyCode };
    case 'POLICY':
    case 'ANALYST':
    case 'SUPERVISOR':
    case 'EMPLOYEE':
    case 'ANONYMOUS':
      return { kind: 'RESTRICTED' };
    default:
      throw new RangeError(`role "${String(role)}" is not one of ${AGGREGATE_CALLER_ROLES.join(', ')}`);
  }
}

/**
 * Whether the caller sees a group's figures whatever its size. `groupAgencyCode` is the one agency all of the group's
 * data comes from (the group is keyed by that agency, or the whole answer is restricted to it), or null when the
 * group spans several agencies.
 */
export function isSuppressionExempt(caller: AggregateCaller, groupAgencyCode: string | null): boolean {
  switch (caller.kind) {
    case 'FULL':
      return true;
    case 'AGENCY_HEAD':
      return groupAgencyCode !== null && groupAgencyCode === caller.agencyCode;
    case 'RESTRICTED':
      return false;
  }
}

/** One group of an answer, as suppression sees it. */
export interface SuppressionGroup {
  /** The group's key, one value per dimension of the answer, in the same dimension order for every group. */
  keys: readonly string[];
  /** Distinct employees whose data the group is built on (the unit is employees, not scores or evaluations). */
  nEmployees: number;
  /** The one agency the group's data comes from, or null/absent when it spans several (see isSuppressionExempt). */
  agencyCode?: string | null;
}

export interface SuppressionDecision {
  suppressed: boolean;
  /** Why the group is suppressed; null when it is not. */
  note: AnalyticsNote | null;
}

/**
 * Decides, for every group of ONE answer (same order as given), whether it is suppressed.
 * 1. A group the caller is not exempt from with fewer than `minGroup` distinct employees: SMALL_GROUP.
 * 2. Second-group rule: siblings are groups whose keys agree on every dimension but one (for each dimension in turn).
 *    Wherever exactly one sibling of a set of two or more is suppressed, the not yet suppressed, non-exempt sibling
 *    with the fewest employees (ties: the lowest key on the varying dimension, compareKeys) is suppressed too:
 *    SECOND_GROUP. Suppressing one group can leave exactly one suppressed in another of its sibling sets, so the rule
 *    is applied again until nothing changes (it only ever adds suppression, so it ends). Sets are visited by
 *    dimension, then by their shared keys in compareKeys order, so the outcome is fixed.
 */
export function decideSuppression(
  groups: readonly SuppressionGroup[],
  caller: AggregateCaller,
  minGroup: number,
): SuppressionDecision[] {
  if (!Number.isInteger(minGroup) || minGroup < 1) {
    throw new RangeError(`minGroup must be a whole number of at least 1, got ${minGroup}`);
  }
  const width = groups[0]?.keys.length ?? 0;
  const seen = new Set<string>();
  for (const [i, g] of groups.entries()) {
    if (g.keys.length !== width) {
      throw new RangeError(`groups[${i}].keys has ${g.keys.length} values; the first group has ${width}`);
    }
    if (!Number.isInteger(g.nEmployees) || g.nEmployees < 0) {
      throw new RangeError(`groups[${i}].nEmployees must be a whole number of at least 0, got ${g.nEmployees}`);
    }
    const id = joinKeys(g.keys);
    if (seen.has(id)) throw new RangeError(`groups[${i}].keys ${JSON.stringify(g.keys)} appears twice`);
    seen.add(id);
  }

  const exempt = groups.map((g) => isSuppressionExempt(caller, g.agencyCode ?? null));
  const decisions: SuppressionDecision[] = groups.map((g, i) =>
    !exempt[i] && g.nEmployees < minGroup
      ? { suppressed: true, note: { code: 'SMALL_GROUP', params: { min: minGroup } } }
      : { suppressed: false, note: null },
  );

  const siblingSets: { dimension: number; members: number[] }[] = [];
  for (let dimension = 0; dimension < width; dimension++) {
    const byRest = new Map<string, number[]>();
    groups.forEach((g, i) => {
      const rest = joinKeys(g.keys.filter((_, d) => d !== dimension));
      const members = byRest.get(rest);
      if (members === undefined) byRest.set(rest, [i]);
      else members.push(i);
    });
    for (const rest of [...byRest.keys()].sort(compareKeys)) {
      const members = byRest.get(rest) as number[];
      if (members.length >= 2) siblingSets.push({ dimension, members });
    }
  }

  let changed = true;
  while (changed) {
    changed = false;
    for (const { dimension, members } of siblingSets) {
      if (members.filter((i) => decisions[i]?.suppressed).length !== 1) continue;
      const candidates = members
        .filter((i) => !decisions[i]?.suppressed && !exempt[i])
        .sort(
          (a, b) =>
            (groups[a] as SuppressionGroup).nEmployees - (groups[b] as SuppressionGroup).nEmployees ||
            compareKeys(
              (groups[a] as SuppressionGroup).keys[dimension] as string,
              (groups[b] as SuppressionGroup).keys[dimension] as string,
            ),
        );
      const next = candidates[0];
      if (next === undefined) continue;
      decisions[next] = { suppressed: true, note: { code: 'SECOND_GROUP', params: { min: minGroup } } };
      changed = true;
    }
  }
  return decisions;
}

/** Keys joined with a separator that no code or enum name contains. */
function joinKeys(keys: readonly string[]): string {
  return keys.join('\u0000');
}
