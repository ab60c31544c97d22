import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { byId } from '../../graphql/batching.js';
import { Employee } from './employee.entity.js';
import { subordinatesOf } from './employee.service.js';

export interface EmployeeLoaders {
  employeeById: DataLoader<number, Employee | null>;
  /** Employees whose current record is in the agency. */
  employeeCountByAgency: DataLoader<number, number>;
  /** Direct reports of an employee. */
  subordinatesByEmployee: DataLoader<number, Employee[]>;
}

declare module '../../graphql/context.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Loaders extends EmployeeLoaders {}
}

export function createEmployeeLoaders(em: EntityManager): EmployeeLoaders {
  return {
    employeeById: byId(em, Employee),
    employeeCountByAgency: new DataLoader<number, number>(async (ids) => {
      const rows: { agency_id: number; n: number }[] = await em
        .getConnection()
        .execute('select agency_id, count(*)::int as n from employee where agency_id in (?) group by agency_id', [
          [...ids],
        ]);
      const counts = new Map(rows.map((row) => [row.agency_id, row.n]));
      return ids.map((id) => counts.get(id) ?? 0);
    }),
    subordinatesByEmployee: new DataLoader((ids) => subordinatesOf(em, ids)),
  };
}
