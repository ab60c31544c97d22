import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput } from '../../graphql/errors.js';
import { readRows } from '../../graphql/read-sql.js';
import { Agency, type AgencyRow } from './agency.entity.js';

/**
 * Every agency by code, as plain rows shaped like the entity (27 rows: hydrating them bought nothing), with the
 * number of employees whose current record is in each when `withEmployeeCount` (the `employeeCount` field reads it
 * from the row; the same count as its loader, in the same statement: docs/benchmarks.md), in plain SQL (graphql/read-sql.ts).
 */
export async function agencyRows(em: EntityManager, options: { withEmployeeCount: boolean }): Promise<AgencyRow[]> {
  const count = options.withEmployeeCount
    ? ', (select count(*) from employee e where e.agency_id = a.id)::int as "employeeCount"'
    : '';
  return readRows<AgencyRow>(
    em,
    `select a.id, a.code, a.name, a.kind, a.created_at as "createdAt", a.updated_at as "updatedAt"${count}
         from agency a order by a.code`,
  );
}

/**
 * The ids of the agencies with these codes, for filters. An unknown code is refused (BAD_USER_INPUT on `field`)
 * rather than matching nothing, so that a typing error in an analyst's query does not read as "no data".
 */
export async function agencyIdsByCodes(em: EntityManager, codes: readonly string[], field: string): Promise<number[]> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return [];
  const agencies = await em.find(Agency, { code: { $in: unique } });
  const known = new Set(agencies.map((a) => a.code));
  const unknown = unique.filter((code) => !known.has(code));
  if (unknown.length > 0) {
    throw badUserInput(field, `Unknown agency code${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`);
  }
  return agencies.map((a) => a.id);
}
