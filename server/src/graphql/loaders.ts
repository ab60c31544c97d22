import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Agency } from '../modules/agency/agency.entity.js';

/**
 * Batched loaders, one set per request: a nested query over N rows asks the database once per level, not once per row.
 */
export interface Loaders {
  agencyById: DataLoader<number, Agency | null>;
  /** Employees whose current record is in the agency. */
  employeeCountByAgency: DataLoader<number, number>;
}

/** Loads entities by id in one query, answering in the order asked (null where missing). */
function byId<T extends { id: number }>(em: EntityManager, entity: new () => T): DataLoader<number, T | null> {
  return new DataLoader<number, T | null>(async (ids) => {
    const rows = (await em.find(entity, { id: { $in: [...ids] } } as never)) as T[];
    const map = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

export function createLoaders(em: EntityManager): Loaders {
  return {
    agencyById: byId(em, Agency),
    employeeCountByAgency: new DataLoader<number, number>(async (ids) => {
      const rows: { agency_id: number; n: number }[] = await em
        .getConnection()
        .execute('select agency_id, count(*)::int as n from employee where agency_id in (?) group by agency_id', [
          [...ids],
        ]);
      const counts = new Map(rows.map((row) => [row.agency_id, row.n]));
      return ids.map((id) => counts.get(id) ?? 0);
    }),
  };
}
