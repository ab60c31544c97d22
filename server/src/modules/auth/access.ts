import type { EntityManager } from '@mikro-orm/postgresql';
import { forbidden } from '../../graphql/errors.js';
import { PSEUDONYMISED_ROLES, type Role } from './roles.js';
import type { Viewer } from './viewer.js';

/**
 * The access rules of api.md ("Who may see what"), in one place. Resolvers and services ask these functions; none
 * of them decides access on its own.
 *
 * How much of an employee a caller sees:
 * - FULL: everything.
 * - PSEUDONYMOUS: everything but `nip` and `name` (POLICY and ANALYST callers outside their own record).
 * - PROFILE: who the person is (name, position, agency), without scores, results or trainings: the supervisor and
 *   the assessors of a record the caller may see, so an employee sees who assesses them.
 * - NONE: not at all.
 */
export type EmployeeVisibility = 'FULL' | 'PSEUDONYMOUS' | 'PROFILE' | 'NONE';

/** The caller together with the employees that their position makes theirs to see. */
export interface Scope {
  viewer: Viewer;
  /** Direct reports of the caller's employee (supervisor rights for every linked account). */
  directReportIds: ReadonlySet<number>;
  /** Direct and indirect reports (the reporting line of a SUPERVISOR, across agencies). */
  lineIds: ReadonlySet<number>;
}

/** Roles that see every row in full. */
const SEES_EVERYTHING: ReadonlySet<Role> = new Set<Role>(['ADMIN', 'LEADER']);

/** Loads the caller's reporting line: one recursive query per request. */
export async function loadScope(em: EntityManager, viewer: Viewer): Promise<Scope> {
  if (viewer.employeeId === null) return { viewer, directReportIds: new Set(), lineIds: new Set() };
  const rows: { id: number; depth: number }[] = await em.getConnection().execute(
    `with recursive line as (
       select id, 1 as depth from employee where supervisor_id = ?
       union
       select e.id, line.depth + 1 from employee e join line on e.supervisor_id = line.id where line.depth < 20
     )
     select id, min(depth)::int as depth from line group by id`,
    [viewer.employeeId],
  );
  return {
    viewer,
    directReportIds: new Set(rows.filter((row) => row.depth === 1).map((row) => row.id)),
    lineIds: new Set(rows.map((row) => row.id)),
  };
}

/** The employee facts an access decision needs. */
export interface EmployeeRef {
  id: number;
  /** The agency of the employee's current record. */
  agencyId: number;
}

/** Whether the caller has supervisor or own rights over this employee's records (not merely a role-wide view). */
function ownsRecord(scope: Scope, employee: EmployeeRef): boolean {
  const { viewer } = scope;
  if (viewer.employeeId === employee.id) return true;
  if (scope.directReportIds.has(employee.id)) return true;
  if (viewer.role === 'SUPERVISOR' && scope.lineIds.has(employee.id)) return true;
  return viewer.role === 'AGENCY_HEAD' && viewer.agencyId !== null && viewer.agencyId === employee.agencyId;
}

export function employeeVisibility(scope: Scope, employee: EmployeeRef): EmployeeVisibility {
  if (SEES_EVERYTHING.has(scope.viewer.role)) return 'FULL';
  if (ownsRecord(scope, employee)) return 'FULL';
  if (PSEUDONYMISED_ROLES.has(scope.viewer.role)) return 'PSEUDONYMOUS';
  return 'NONE';
}

/** Whether the caller's role shows individual rows only under a pseudonym. */
export function isPseudonymised(scope: Scope): boolean {
  return PSEUDONYMISED_ROLES.has(scope.viewer.role);
}

/**
 * A SQL condition on an `employee` table alias that keeps the rows the caller may see (at least pseudonymously),
 * or null when every row is visible. Used by lists, so that a page and its `totalCount` hold only visible rows.
 */
export function employeeScopeCondition(scope: Scope, alias: string): { sql: string; params: unknown[] } | null {
  const { viewer } = scope;
  if (SEES_EVERYTHING.has(viewer.role) || PSEUDONYMISED_ROLES.has(viewer.role)) return null;
  const ids = [
    ...(viewer.employeeId === null ? [] : [viewer.employeeId]),
    ...(viewer.role === 'SUPERVISOR' ? scope.lineIds : scope.directReportIds),
  ];
  const parts: string[] = [];
  const params: unknown[] = [];
  if (ids.length > 0) {
    parts.push(`${alias}.id in (${ids.map(() => '?').join(', ')})`);
    params.push(...ids);
  }
  if (viewer.role === 'AGENCY_HEAD' && viewer.agencyId !== null) {
    parts.push(`${alias}.agency_id = ?`);
    params.push(viewer.agencyId);
  }
  return { sql: parts.length > 0 ? `(${parts.join(' or ')})` : 'false', params };
}

/** Refuses NIP lookups and name searches for pseudonymised callers (api.md). */
export function assertMayIdentify(scope: Scope, what: string): void {
  if (isPseudonymised(scope)) {
    throw forbidden(`${what} is not available to ${scope.viewer.role} callers: use pseudonyms`);
  }
}

/** Whether the caller may score (draft, submit) this employee's evaluation: their direct supervisor, or ADMIN. */
export function mayAssess(scope: Scope, employee: EmployeeRef): boolean {
  return scope.viewer.role === 'ADMIN' || scope.directReportIds.has(employee.id);
}

/** Whether the caller may finalise evaluations of this agency: its head, or ADMIN. */
export function mayManageAgency(scope: Scope, agencyId: number): boolean {
  const { viewer } = scope;
  return viewer.role === 'ADMIN' || (viewer.role === 'AGENCY_HEAD' && viewer.agencyId === agencyId);
}
