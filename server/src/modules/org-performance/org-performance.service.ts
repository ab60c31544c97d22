import type { EntityManager } from '@mikro-orm/postgresql';
import { OrgPerformance } from './org-performance.entity.js';

/** An agency and a year: the key of the org-performance loader. */
export interface AgencyYear {
  agencyId: number;
  year: number;
}

/** The OrgPerformance row of each agency and year (null where there is none), in one query. */
export async function orgPerformanceOf(
  em: EntityManager,
  keys: readonly AgencyYear[],
): Promise<(OrgPerformance | null)[]> {
  const rows = await em.find(OrgPerformance, {
    agency: { $in: [...new Set(keys.map((k) => k.agencyId))] },
    year: { $in: [...new Set(keys.map((k) => k.year))] },
  });
  const byKey = new Map(rows.map((row) => [`${row.agency.id}:${row.year}`, row]));
  return keys.map((key) => byKey.get(`${key.agencyId}:${key.year}`) ?? null);
}
