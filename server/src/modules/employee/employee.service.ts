import type { FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager, QBFilterQuery } from '@mikro-orm/postgresql';
import { nipInvalid, validateNip, type RecordThing } from '@kinerja/shared';
import { escapeLike, groupBy } from '../../graphql/batching.js';
import { pageConnection, type Connection } from '../../graphql/connection.js';
import { badUserInput } from '../../graphql/errors.js';
import { checkPageSize, decodeCursor } from '../../graphql/pagination.js';
import { agencyIdsByCodes } from '../agency/agency.service.js';
import {
  assertMayIdentify,
  employeeScopeFilter,
  isPseudonymised,
  EMPLOYEE_NIP_KEY,
  noSuchRecord,
  notInScope,
  type RequestAccess,
  type Scope,
} from '../access/read-scopes.js';
import { Employee } from './employee.entity.js';
import type { EmployeeFilter, EmployeeOrder } from './employee.types.js';

/** Each order ends with a unique column, so that offsets are stable between pages. */
const ORDERS: Record<EmployeeOrder, QueryOrderMap<Employee>> = {
  NAME_ASC: { name: 'asc', nip: 'asc' },
  NAME_DESC: { name: 'desc', nip: 'asc' },
  NIP_ASC: { nip: 'asc' },
  NIP_DESC: { nip: 'desc' },
  AGENCY_ASC: { agency: { code: 'asc' }, name: 'asc', nip: 'asc' },
  PSEUDONYM_ASC: { pseudonym: 'asc' },
};

/**
 * Orders a pseudonymised caller may not use: by name, and by NIP (the NIP begins with the birth date, so its order
 * ranks people by age). Within an agency they get the pseudonym order, not the name order.
 */
const IDENTIFYING_ORDERS: ReadonlySet<EmployeeOrder> = new Set(['NAME_ASC', 'NAME_DESC', 'NIP_ASC', 'NIP_DESC']);

function orderFor(scope: Scope, order: EmployeeOrder | null | undefined): QueryOrderMap<Employee> {
  const pseudonymised = isPseudonymised(scope);
  if (order && IDENTIFYING_ORDERS.has(order)) assertMayIdentify(scope, `orderBy: ${order}`);
  if (order === 'AGENCY_ASC' && pseudonymised) return { agency: { code: 'asc' }, pseudonym: 'asc' };
  return ORDERS[order ?? (pseudonymised ? 'PSEUDONYM_ASC' : 'NAME_ASC')];
}

/**
 * The `employees` connection: filtered to the caller's scope and ordered in SQL, one count and one page query.
 * Pseudonymised callers may not search names or NIPs, nor order by them.
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
  const conditions: FilterQuery<Employee>[] = [];
  const visible = employeeScopeFilter<Employee>(scope);
  if (visible) conditions.push(visible);
  if (args.agencyId !== undefined) conditions.push({ agency: args.agencyId });
  if (filter?.agencyCodes) {
    conditions.push({ agency: { $in: await agencyIdsByCodes(em, filter.agencyCodes, 'filter.agencyCodes') } });
  }
  if (filter?.employmentType) conditions.push({ employmentType: filter.employmentType });
  if (filter?.positionType) conditions.push({ positionType: filter.positionType });
  if (isPseudonymised(scope) && (filter?.employmentType || filter?.positionType)) {
    conditions.push({ id: { $in: await matchedAsShown(access, filter) } });
  }
  const search = filter?.search?.trim();
  if (search) {
    assertMayIdentify(scope, 'filter.search');
    const pattern = escapeLike(search);
    conditions.push({ $or: [{ name: { $ilike: `%${pattern}%` } }, { nip: { $like: `${pattern}%` } }] });
  }
  const where: FilterQuery<Employee> = conditions.length > 0 ? { $and: conditions } : {};

  // One row more than the page tells whether another follows; the count runs only if `totalCount` is asked.
  const rows = await employeeRows(em, where, orderBy, limit + 1, offset);
  return pageConnection(rows, offset, limit, () => em.count(Employee, where));
}

/**
 * A page of employees as plain rows shaped like the entity (the supervisor as an `{ id }` reference, the agency whole),
 * not hydrated into the
 * identity map: hydrating (references, propagation, registration) was a quarter of the server's CPU for a list of 50
 * (docs/benchmarks.md). Everything downstream reads employees by their fields and relation ids only.
 */
async function employeeRows(
  em: EntityManager,
  where: FilterQuery<Employee>,
  orderBy: QueryOrderMap<Employee>,
  limit: number,
  offset: number,
): Promise<Employee[]> {
  const rows = await em
    .createQueryBuilder(Employee, 'e0')
    .select('e0.*')
    // The agency comes with the row (a page nearly always shows it): one statement instead of two.
    .joinAndSelect('e0.agency', 'a1')
    .where(where as QBFilterQuery<Employee>)
    .orderBy(orderBy)
    .limit(limit)
    .offset(offset)
    .execute<(Omit<Employee, 'supervisor'> & { supervisor: number | null })[]>('all');
  return rows.map(
    (row) =>
      ({
        ...row,
        supervisor: row.supervisor === null ? null : { id: row.supervisor },
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
    employee = await oneEmployeeRow(em, { nip });
    [thing, named] = [EMPLOYEE_NIP_KEY, nip];
  } else {
    employee = await oneEmployeeRow(em, { pseudonym });
    [thing, named] = ['EMPLOYEE_PSEUDONYM', String(pseudonym)];
  }
  if (employee && (await access.visibility(employee)) !== 'NONE') return employee;
  throw employee ? notInScope(thing) : noSuchRecord(access.scope, hasNip ? 'NIP' : 'OTHER', thing, named);
}

/** One employee by a unique key, as a plain row with its agency (like a page's rows): one statement. */
async function oneEmployeeRow(em: EntityManager, where: FilterQuery<Employee>): Promise<Employee | null> {
  return (await employeeRows(em, where, { id: 'asc' }, 1, 0))[0] ?? null;
}

/** Direct reports of each employee (those whose supervisor they are), by name, in one query. */
export async function subordinatesOf(em: EntityManager, ids: readonly number[]): Promise<Employee[][]> {
  const rows = await em.find(Employee, { supervisor: { $in: [...ids] } }, { orderBy: { name: 'asc', nip: 'asc' } });
  const bySupervisor = groupBy(rows, (row) => row.supervisor!.id);
  return ids.map((id) => bySupervisor.get(id) ?? []);
}
