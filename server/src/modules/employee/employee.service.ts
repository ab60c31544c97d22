import type { FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { validateNip } from '@kinerja/shared';
import { escapeLike, groupBy } from '../../graphql/batching.js';
import { toConnection, type Connection } from '../../graphql/connection.js';
import { badUserInput, notFound } from '../../graphql/errors.js';
import { checkPageSize, decodeCursor } from '../../graphql/pagination.js';
import { agencyIdsByCodes } from '../agency/agency.service.js';
import { Employee } from './employee.entity.js';
import type { EmployeeFilter, EmployeeOrder } from './employee.types.js';

/** Each order ends with a unique column, so that offsets are stable between pages. */
const ORDERS: Record<EmployeeOrder, QueryOrderMap<Employee>> = {
  NAME_ASC: { name: 'asc', nip: 'asc' },
  NAME_DESC: { name: 'desc', nip: 'asc' },
  NIP_ASC: { nip: 'asc' },
  NIP_DESC: { nip: 'desc' },
  AGENCY_ASC: { agency: { code: 'asc' }, name: 'asc', nip: 'asc' },
};

/** The `employees` connection: filtered and ordered in SQL, one count and one page query. */
export async function findEmployees(
  em: EntityManager,
  args: {
    filter?: EmployeeFilter | null;
    first?: number | null;
    after?: string | null;
    orderBy?: EmployeeOrder | null;
  },
): Promise<Connection<Employee>> {
  const limit = checkPageSize(args.first);
  const offset = decodeCursor(args.after);
  const { filter } = args;
  const conditions: FilterQuery<Employee>[] = [];
  if (filter?.agencyCodes) {
    conditions.push({ agency: { $in: await agencyIdsByCodes(em, filter.agencyCodes, 'filter.agencyCodes') } });
  }
  if (filter?.employmentType) conditions.push({ employmentType: filter.employmentType });
  if (filter?.positionType) conditions.push({ positionType: filter.positionType });
  const search = filter?.search?.trim();
  if (search) {
    const pattern = escapeLike(search);
    conditions.push({ $or: [{ name: { $ilike: `%${pattern}%` } }, { nip: { $like: `${pattern}%` } }] });
  }
  const where: FilterQuery<Employee> = conditions.length > 0 ? { $and: conditions } : {};

  const totalCount = await em.count(Employee, where);
  // A limit of 0 would read as "no limit": an empty page needs no query.
  const rows =
    limit === 0 || offset >= totalCount
      ? []
      : await em.find(Employee, where, { orderBy: ORDERS[args.orderBy ?? 'NAME_ASC'], limit, offset });
  return toConnection(rows, offset, totalCount);
}

/**
 * One employee by NIP or by pseudonym (exactly one of the two). A NIP that is not 18 digits is refused with the
 * shared rule's message; NOT_FOUND when nobody has it.
 */
export async function findEmployee(
  em: EntityManager,
  nip: string | null | undefined,
  pseudonym: string | null | undefined,
): Promise<Employee> {
  const hasNip = nip !== null && nip !== undefined;
  const hasPseudonym = pseudonym !== null && pseudonym !== undefined;
  if (hasNip && hasPseudonym) {
    throw badUserInput('pseudonym', 'Give either nip or pseudonym, not both');
  }
  if (hasNip) {
    const check = validateNip(nip);
    if (!check.ok && check.errors.some((e) => e.part === 'length' || e.part === 'digits')) {
      throw badUserInput('nip', check.errors.map((e) => e.message).join('; '));
    }
    const employee = await em.findOne(Employee, { nip });
    if (!employee) throw notFound(`Employee with NIP ${nip}`);
    return employee;
  }
  if (hasPseudonym) {
    const employee = await em.findOne(Employee, { pseudonym });
    if (!employee) throw notFound(`Employee with pseudonym ${pseudonym}`);
    return employee;
  }
  throw badUserInput('nip', 'Give the nip or the pseudonym of the employee');
}

/** Direct reports of each employee (those whose supervisor they are), by name, in one query. */
export async function subordinatesOf(em: EntityManager, ids: readonly number[]): Promise<Employee[][]> {
  const rows = await em.find(Employee, { supervisor: { $in: [...ids] } }, { orderBy: { name: 'asc', nip: 'asc' } });
  const bySupervisor = groupBy(rows, (row) => row.supervisor!.id);
  return ids.map((id) => bySupervisor.get(id) ?? []);
}
