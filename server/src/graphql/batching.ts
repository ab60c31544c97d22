import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';

/** Helpers for the batch functions behind the loaders. */

/** An employee and a year; `year` null means every year. Keys of the per-employee, per-year loaders. */
export interface EmployeeYear {
  employeeId: number;
  year: number | null;
}

/** DataLoader cache key of an EmployeeYear. */
export function employeeYearKey({ employeeId, year }: EmployeeYear): string {
  return `${employeeId}:${year ?? '*'}`;
}

/** Employee ids of the keys, grouped by year, so that a batch asks once per distinct year (usually once). */
export function employeeIdsByYear(keys: readonly EmployeeYear[]): Map<number | null, number[]> {
  const groups = new Map<number | null, number[]>();
  for (const { employeeId, year } of keys) {
    const ids = groups.get(year) ?? [];
    if (!ids.includes(employeeId)) ids.push(employeeId);
    groups.set(year, ids);
  }
  return groups;
}

/** Rows grouped by a key, each group keeping the rows' order. */
export function groupBy<T, K>(rows: readonly T[], keyOf: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

/** `loadMany` answers an Error in place of a value that failed; a resolver wants the failure thrown. */
export function unwrapAll<T>(values: readonly (T | Error)[]): T[] {
  for (const value of values) if (value instanceof Error) throw value;
  return values as T[];
}

/** Escapes `%`, `_` and `\` so that user text matches literally inside a LIKE pattern. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A loader of entities by id: one query per batch, answering in the order asked (null where missing). */
export function byId<T extends { id: number }>(em: EntityManager, entity: new () => T): DataLoader<number, T | null> {
  return new DataLoader<number, T | null>(async (ids) => {
    const rows = (await em.find(entity, { id: { $in: [...ids] } } as never)) as T[];
    const map = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

/** A loader keyed by employee and year. */
export function byEmployeeYear<V, K extends EmployeeYear = EmployeeYear>(
  batch: (keys: readonly K[]) => Promise<V[]>,
): DataLoader<K, V, string> {
  return new DataLoader<K, V, string>(batch, { cacheKeyFn: employeeYearKey });
}
