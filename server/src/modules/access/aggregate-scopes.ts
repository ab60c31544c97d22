import {
  aggregateCallerFor,
  decideSuppression,
  isSuppressionExempt,
  type AggregateCaller,
  type ScoringPolicy,
  type SuppressionDecision,
  type SuppressionGroup,
} from '@kinerja/shared';
import type { Viewer } from './viewer.js';

/**
 * Aggregate scopes: which aggregate figures (means, counts, distributions over a group of employees) a caller sees
 * in full, and which are suppressed because the group is small (docs/access.md, "Aggregates and small groups").
 * The rules themselves are pure and live in `shared/` (`analytics/suppression.ts`: who is exempt, the minimum group,
 * the second-group rule against differencing); this file maps the request's caller onto them and applies the policy
 * in force, so that the analytics read models ask one place and none decides suppression on its own.
 */

/**
 * The caller's suppression class: ADMIN and LEADER see every figure; an agency head every figure of their own agency
 * (`ownAgencyCode`, the code of the agency the account heads); everyone else, the anonymous demo caller included, gets
 * small groups suppressed. An agency head whose account names no agency is treated as everyone else (fail closed).
 */
export function aggregateCallerOf(
  viewer: Pick<Viewer, 'role' | 'anonymous'>,
  ownAgencyCode: string | null,
): AggregateCaller {
  if (viewer.anonymous) return aggregateCallerFor('ANONYMOUS');
  if (viewer.role === 'AGENCY_HEAD' && !ownAgencyCode) return { kind: 'RESTRICTED' };
  return aggregateCallerFor(viewer.role, viewer.role === 'AGENCY_HEAD' ? ownAgencyCode : null);
}

/** One aggregate as access sees it: how many distinct employees it is built on, and whose they are. */
export interface AggregateGroup {
  /** Distinct employees behind the figure (not scores, not evaluations). */
  employees: number;
  /** The one agency all of the group's data comes from, or null for a city-wide group or one spanning agencies. */
  agencyCode: string | null;
}

/**
 * Whether an aggregate over this many distinct employees must be suppressed for the caller under the policy in force
 * (`suppressionMinGroup`), before the second-group rule (see `suppressAggregates` for a whole answer).
 */
export function mustSuppressAggregate(
  caller: AggregateCaller,
  group: AggregateGroup,
  policy: Pick<ScoringPolicy, 'suppressionMinGroup'>,
): boolean {
  return !isSuppressionExempt(caller, group.agencyCode) && group.employees < policy.suppressionMinGroup;
}

/** The suppression of every group of one answer under the policy in force, the second-group rule included. */
export function suppressAggregates(
  caller: AggregateCaller,
  groups: readonly SuppressionGroup[],
  policy: Pick<ScoringPolicy, 'suppressionMinGroup'>,
): SuppressionDecision[] {
  return decideSuppression(groups, caller, policy.suppressionMinGroup);
}
