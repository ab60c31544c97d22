import type { ScoringPolicy } from '@kinerja/shared';
import type { Role } from './roles.js';
import type { Viewer } from './viewer.js';

/**
 * Aggregate scopes: which aggregate figures (means, counts, distributions over a group of employees) a caller sees
 * in full, and which are suppressed because the group is small (docs/security.md, "Aggregates and small groups").
 * A small group's mean is personal data: for the callers below, an aggregate built on fewer distinct employees than
 * the policy's `suppressionMinGroup` is suppressed (its numbers null, `suppressed` true). The unit is distinct
 * employees, never scores or evaluations, whatever the grouping.
 *
 * - ADMIN and LEADER see every figure.
 * - An agency head sees every figure of their own agency; other groups are suppressed when small.
 * - Everyone else (POLICY, ANALYST, the anonymous demo caller, SUPERVISOR and EMPLOYEE reading city-wide aggregates)
 *   gets small groups suppressed.
 *
 * The analytics read models ask these functions; none decides suppression on its own.
 */

/** Roles that see every aggregate figure, whatever the group's size. */
const SEES_EVERY_FIGURE: ReadonlySet<Role> = new Set<Role>(['ADMIN', 'LEADER']);

/** One aggregate as access sees it: how many distinct employees it is built on, and whose they are. */
export interface AggregateGroup {
  /** Distinct employees behind the figure (not scores, not evaluations). */
  employees: number;
  /** The agency when every employee of the group is in one agency (a group by agency, or filtered to one); null for
   * a city-wide group or one that spans agencies. */
  agencyId: number | null;
}

/** Whether the caller must get this aggregate suppressed: it is built on too few employees for them to see it. */
export function mustSuppressAggregate(
  viewer: Pick<Viewer, 'role' | 'agencyId'>,
  group: AggregateGroup,
  policy: Pick<ScoringPolicy, 'suppressionMinGroup'>,
): boolean {
  if (SEES_EVERY_FIGURE.has(viewer.role)) return false;
  if (viewer.role === 'AGENCY_HEAD' && viewer.agencyId !== null && group.agencyId === viewer.agencyId) return false;
  return group.employees < policy.suppressionMinGroup;
}

/** A group of one answer, with the siblings it is compared with (groups that share every other key). */
export interface SiblingGroup {
  /** The group's own key among its siblings (e.g. the agency code when grouping by agency). */
  key: string;
  employees: number;
  suppressed: boolean;
}

/**
 * Against differencing: when a parent total is shown and exactly one of its children is suppressed, its figures
 * would follow from the total minus the others. So among siblings, when exactly one is suppressed, the sibling with
 * the fewest employees (ties: the lowest key) is suppressed as well. Returns the keys to suppress, the first one
 * included; the groups are not changed.
 */
export function suppressedSiblings(siblings: readonly SiblingGroup[]): Set<string> {
  const suppressed = new Set(siblings.filter((group) => group.suppressed).map((group) => group.key));
  if (suppressed.size !== 1) return suppressed;
  const next = siblings
    .filter((group) => !group.suppressed)
    .sort((a, b) => a.employees - b.employees || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))[0];
  if (next) suppressed.add(next.key);
  return suppressed;
}
