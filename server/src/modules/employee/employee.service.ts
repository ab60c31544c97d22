import type { EntityManager } from '@mikro-orm/postgresql';
import { nipInvalid, validateNip, type RecordThing } from '@kinerja/shared';
import { escapeLike, groupBy } from '../../graphql/batching.js';
import { pageConnection, type Connection } from '../../graphql/connection.js';
import { badUserInput } from '../../graphql/errors.js';
import { checkPageSize, decodeCursor } from '../../graphql/pagination.js';
import { readRows } from '../../graphql/read-sql.js';
import type { Agency } from '../agency/agency.entity.js';
import { agencyIdsByCodes } from '../agency/agency.service.js';
import {
  assertMayIdentify,
  employeeScopeCondition,
  isPseudonymised,
  EMPLOYEE_NIP_KEY,
  noSuchRecord,
  notInScope,
  type RequestAccess,
  type Scope,
} from '../access/read-scopes.js';
import { Employee } from './employee.entity.js';
import type { EmployeeFilter, EmployeeOrder } from './employee.types.js';

/** Each order ends with a unique column, so that offsets are stable between pages (`e` the employee, `a` its agency). */
const ORDERS: Record<EmployeeOrder, string> = {
  NAME_ASC: 'e.name asc, e.nip asc',
  NAME_DESC: 'e.name desc, e.nip asc',
  NIP_ASC: 'e.nip asc',
  NIP_DESC: 'e.nip desc',
  AGENCY_ASC: 'a.code asc, e.name asc, e.nip asc',
  PSEUDONYM_ASC: 'e.pseudonym asc',
};

/**
 * Orders a pseudonymised caller may not use: by name, and by NIP (the NIP begins with the birth date, so its order
 * ranks people by age). Within an agency they get the pseudonym order, not the name order.
 */
const IDENTIFYING_ORDERS: ReadonlySet<EmployeeOrder> = new Set(['NAME_ASC', 'NAME_DESC', 'NIP_ASC', 'NIP_DESC']);

function orderFor(scope: Scope, order: EmployeeOrder | null | undefined): string {
  const pseudonymised = isPseudonymised(scope);
  if (order && IDENTIFYING_ORDERS.has(order)) assertMayIdentify(scope, `orderBy: ${order}`);
  if (order === 'AGENCY_ASC' && pseudonymised) return 'a.code asc, e.pseudonym asc';
  return ORDERS[order ?? (pseudonymised ? 'PSEUDONYM_ASC' : 'NAME_ASC')];
}

/** SQL conditions on `employee e` with their `?` parameters, all of which must hold. */
interface Conditions {
  sql: string[];
  params: unknown[];
}

function whereOf(conditions: Conditions): string {
  return conditions.sql.length > 0 ? `where ${conditions.sql.join(' and ')}` : '';
}

/**
 * The `employees` connection: filtered to the caller's scope (`employeeScopeCondition`, the access module's SQL) and
 * ordered in SQL, one page statement (and a count only when `totalCount` is asked). Pseudonymised callers may not
 * search names or NIPs, nor order by them.
 */
export async function findEmployees(
  em: EntityManager,
  access: RequestAccess,
  args: {
    filter?: EmployeeFilter | null;
    first?: number | null;
    after?: string | null;
    orderBy?: EmployeeOrder | null;
    /** Only this agency's employees (Agency.employees). */
    agencyId?: number;
  },
): Promise<Connection<Employee>> {
  const { scope } = access;
  const limit = checkPageSize(args.first);
  const offset = decodeCursor(args.after);
  const { filter } = args;
  const orderBy = orderFor(scope, args.orderBy);
  const conditions: Conditions = { sql: [], params: [] };
  const add = (sql: string, ...params: unknown[]) => {
    conditions.sql.push(sql);
    conditions.params.push(...params);
  };
  const visible = employeeScopeCondition(scope, 'e');
  if (visible) add(visible.sql, ...visible.params);
  if (args.agencyId !== undefined) add('e.agency_id = ?', args.agencyId);
  if (filter?.agencyCodes) {
    add('e.agency_id = any(?)', await agencyIdsByCodes(em, filter.agencyCodes, 'filter.agencyCodes'));
  }
  if (filter?.employmentType) add('e.employment_type = ?', filter.employmentType);
  if (filter?.positionType) add('e.position_type = ?', filter.positionType);
  if (isPseudonymised(scope) && (filter?.employmentType || filter?.positionType)) {
    add('e.id = any(?)', await matchedAsShown(access, filter));
  }
  const search = filter?.search?.trim();
  if (search) {
    assertMayIdentify(scope, 'filter.search');
    const pattern = escapeLike(search);
    add('(e.name ilike ? or e.nip like ?)', `%${pattern}%`, `${pattern}%`);
  }

  // One row more than the page tells whether another follows; the count runs only if `totalCount` is asked.
  const rows = await employeeRows(em, conditions, orderBy, limit + 1, offset);
  return pageConnection(rows, offset, limit, async () => {
    const [{ n }] = await readRows<{ n: number }>(
      em,
      `select count(*)::int as n from employee e ${whereOf(conditions)}`,
      conditions.params,
    );
    return n;
  });
}

/** The columns of an employee row, under the entity's property names (not its row timestamps: no field reads them). */
const EMPLOYEE_COLUMNS = `e.id, e.nip, e.pseudonym, e.name, e.gender, e.employment_type as "employmentType", e.rank,
  e.position, e.position_type as "positionType", e.supervisor_id as "supervisorId", e.active_from as "activeFrom",
  e.active_to as "activeTo", e.version, a.id as "agencyId", a.code as "agencyCode", a.name as "agencyName",
  a.kind as "agencyKind"`;

type EmployeeSqlRow = Omit<Employee, 'agency' | 'supervisor' | 'createdAt' | 'updatedAt'> & {
  supervisorId: number | null;
  agencyId: number;
  agencyCode: string;
  agencyName: string;
  agencyKind: Agency['kind'];
};

/**
 * A page of employees as plain rows shaped like the entity (the supervisor as an `{ id }` reference, the agency whole),
 * in one plain SQL statement (graphql/read-sql.ts): not hydrated into the identity map (hydrating was a quarter of the
 * server's CPU for a list of 50) and not built by the query builder (12-16% of it, docs/benchmarks.md). Everything
 * downstream reads employees by their fields and relation ids only.
 */
async function employeeRows(
  em: EntityManager,
  conditions: Conditions,
  orderBy: string,
  limit: number,
  offset: number,
): Promise<Employee[]> {
  const rows = await readRows<EmployeeSqlRow>(
    em,
    // The agency comes with the row (a page nearly always shows it): one statement instead of two.
    `select ${EMPLOYEE_COLUMNS} from employee e join agency a on a.id = e.agency_id
      ${whereOf(conditions)} order by ${orderBy} limit ? offset ?`,
    [...conditions.params, limit, offset],
  );
  return rows.map(
    (row) =>
      ({
        id: row.id,
        nip: row.nip,
        pseudonym: row.pseudonym,
        name: row.name,
        gender: row.gender,
        employmentType: row.employmentType,
        rank: row.rank,
        position: row.position,
        positionType: row.positionType,
        agency: { id: row.agencyId, code: row.agencyCode, name: row.agencyName, kind: row.agencyKind },
        supervisor: row.supervisorId === null ? null : { id: row.supervisorId },
        activeFrom: row.activeFrom,
        activeTo: row.activeTo,
        version: row.version,
      }) as unknown as Employee,
  );
}

/**
 * For a pseudonymised caller, the employees a filter on generalised attributes may match (docs/privacy.md): those
 * whose value is shown to them (k-anonymity), and those they see in full (own record, direct reports). A filter that
 * would single out people whose value is withheld matches none of them, and `extensions.privacy` says why.
 */
async function matchedAsShown(access: RequestAccess, filter: EmployeeFilter): Promise<number[]> {
  const shown = await access.generalised();
  const ids: number[] = [];
  for (const [id, values] of shown) {
    if (filter.employmentType && values.employmentType !== filter.employmentType) continue;
    if (filter.positionType && values.positionType !== filter.positionType) continue;
    ids.push(id);
  }
  const { viewer } = access.scope;
  if (viewer.employeeId !== null) ids.push(viewer.employeeId);
  ids.push(...access.scope.directReportIds);
  access.privacyNotes.add(
    `filter.employmentType and filter.positionType match, for ${viewer.role} callers, the values as they are shown: ` +
      `people whose value is withheld (fewer than ${access.minGroup} of their agency would share it, k-anonymity, ` +
      'docs/privacy.md) are not matched.',
  );
  return ids;
}

/**
 * One employee by NIP or by pseudonym (exactly one of the two), if the caller may see them. A NIP that is not 18
 * digits is refused with the shared rule's message; pseudonymised callers may not look up by NIP.
 *
 * Outside the caller's scope the answer is FORBIDDEN, and for a caller who does not see every row it is the same
 * FORBIDDEN whether the employee exists or not: a stranger learns nothing about which NIPs exist. Callers who see
 * every row (ADMIN, LEADER, POLICY, ANALYST) get NOT_FOUND for a NIP or pseudonym nobody has.
 */
export async function findVisibleEmployee(
  em: EntityManager,
  access: RequestAccess,
  nip: string | null | undefined,
  pseudonym: string | null | undefined,
): Promise<Employee> {
  const hasNip = nip !== null && nip !== undefined;
  const hasPseudonym = pseudonym !== null && pseudonym !== undefined;
  if (hasNip && hasPseudonym) {
    throw badUserInput('pseudonym', { code: 'EMPLOYEE_KEY', params: { given: 'BOTH' } });
  }
  if (!hasNip && !hasPseudonym) throw badUserInput('nip', { code: 'EMPLOYEE_KEY', params: { given: 'NONE' } });
  let employee: Employee | null;
  let thing: RecordThing;
  let named: string;
  if (hasNip) {
    assertMayIdentify(access.scope, 'employee(nip)');
    const check = validateNip(nip);
    if (!check.ok && check.errors.some((e) => e.part === 'length' || e.part === 'digits')) {
      throw badUserInput('nip', nipInvalid(check.errors));
    }
    employee = await oneEmployeeRow(em, 'e.nip = ?', nip);
    [thing, named] = [EMPLOYEE_NIP_KEY, nip];
  } else {
    employee = await oneEmployeeRow(em, 'e.pseudonym = ?', pseudonym);
    [thing, named] = ['EMPLOYEE_PSEUDONYM', String(pseudonym)];
  }
  if (employee && (await access.visibility(employee)) !== 'NONE') return employee;
  throw employee ? notInScope(thing) : noSuchRecord(access.scope, hasNip ? 'NIP' : 'OTHER', thing, named);
}

/** One employee by a unique key, as a plain row with its agency (like a page's rows): one statement. */
async function oneEmployeeRow(em: EntityManager, condition: string, key: unknown): Promise<Employee | null> {
  return (await employeeRows(em, { sql: [condition], params: [key] }, 'e.id asc', 1, 0))[0] ?? null;
}

/** Direct reports of each employee (those whose supervisor they are), by name, in one query. */
export async function subordinatesOf(em: EntityManager, ids: readonly number[]): Promise<Employee[][]> {
  const rows = await em.find(Employee, { supervisor: { $in: [...ids] } }, { orderBy: { name: 'asc', nip: 'asc' } });
  const bySupervisor = groupBy(rows, (row) => row.supervisor!.id);
  return ids.map((id) => bySupervisor.get(id) ?? []);
}
