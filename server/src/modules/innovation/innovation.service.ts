import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { employeeIdsByYear, employeeYearKey, groupBy, type EmployeeYear } from '../../graphql/batching.js';
import { Innovation } from './innovation.entity.js';

/** Innovations of each employee (of one year, or of every year), in order of year and quarter; one query per year. */
export async function innovationsOfEmployees(
  em: EntityManager,
  keys: readonly EmployeeYear[],
): Promise<Innovation[][]> {
  const found = new Map<string, Innovation[]>();
  await Promise.all(
    [...employeeIdsByYear(keys)].map(async ([year, employeeIds]) => {
      const where: FilterQuery<Innovation> = { employee: { $in: employeeIds } };
      if (year !== null) where.year = year;
      const rows = await em.find(Innovation, where, { orderBy: { year: 'asc', quarter: 'asc', id: 'asc' } });
      for (const [employeeId, list] of groupBy(rows, (row) => row.employee.id)) {
        found.set(employeeYearKey({ employeeId, year }), list);
      }
    }),
  );
  return keys.map((key) => found.get(employeeYearKey(key)) ?? []);
}
