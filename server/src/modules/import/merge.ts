import type { Sql } from './staging.js';

/** A column of a merged table; values arrive through `unnest` as `i.<name>`. */
export interface MergeColumn {
  name: string;
  /** PostgreSQL type of the input array's elements. */
  type: 'int' | 'smallint' | 'float8' | 'bool' | 'text' | 'date';
  /** Natural-key column: matched, never updated. `nullable` keys match with coalesce(x, 0) (the key index's form). */
  key?: 'plain' | 'nullable';
  /** Value written on insert (default `i.<name>`); `null` leaves the column out of the insert. */
  insert?: string | null;
  /** Value written on update (default `i.<name>`; may refer to the stored row as `t`); `null` never updates it. */
  update?: string | null;
  /** Whether a difference counts as a change (default true). Columns such as `set_at` follow the others. */
  compare?: boolean;
  /** Input only: a value used by the expressions, not a column of the table. */
  inputOnly?: boolean;
}

export interface MergeSpec {
  table: string;
  columns: readonly MergeColumn[];
  /** Extra assignments of an update, e.g. `updated_at = now()`. */
  touch?: string;
  /** A condition (over `t` and `i`) that makes a row count as changed even when the compared columns agree. */
  changedAlso?: string;
}

export interface MergeCounts {
  created: number;
  updated: number;
}

/**
 * Inserts the rows whose natural key is new and updates those whose values differ (`is distinct from`), in one
 * statement per batch, and counts both; the rest are unchanged. Keys must be unique within the batch (the file
 * readers check that before).
 */
export async function mergeBatch(sql: Sql, spec: MergeSpec, rows: readonly unknown[][]): Promise<MergeCounts> {
  if (rows.length === 0) return { created: 0, updated: 0 };
  const cols = spec.columns;
  const arrays = cols.map(() => [] as unknown[]);
  for (const row of rows) for (let c = 0; c < cols.length; c++) arrays[c]!.push(row[c] ?? null);
  const keyMatch = cols
    .filter((c) => c.key)
    .map((c) =>
      c.key === 'nullable' ? `coalesce(t.${c.name}, 0) = coalesce(i.${c.name}, 0)` : `t.${c.name} = i.${c.name}`,
    )
    .join(' and ');
  const updatable = cols.filter((c) => !c.key && !c.inputOnly && c.update !== null);
  const assignments = updatable.map((c) => `${c.name} = ${c.update ?? `i.${c.name}`}`);
  if (spec.touch) assignments.push(spec.touch);
  const compared = updatable.filter((c) => c.compare !== false);
  const stored = compared.map((c) => `t.${c.name}`).join(', ');
  const given = compared.map((c) => c.update ?? `i.${c.name}`).join(', ');
  let changed = compared.length > 0 ? `row(${stored}) is distinct from row(${given})` : 'false';
  if (spec.changedAlso) changed = `(${changed} or ${spec.changedAlso})`;
  const inserted = cols.filter((c) => !c.inputOnly && c.insert !== null);
  const sqlText = `
    with i as (select * from unnest(${cols.map((c, n) => `$${n + 1}::${c.type}[]`).join(', ')})
                 as i(${cols.map((c) => c.name).join(', ')})),
    upd as (update ${spec.table} t set ${assignments.join(', ')} from i
            where ${keyMatch} and ${changed} returning 1),
    ins as (insert into ${spec.table} (${inserted.map((c) => c.name).join(', ')})
            select ${inserted.map((c) => c.insert ?? `i.${c.name}`).join(', ')} from i
            where not exists (select 1 from ${spec.table} t where ${keyMatch}) returning 1)
    select (select count(*) from ins)::int as created, (select count(*) from upd)::int as updated`;
  const { rows: result } = await sql.query<MergeCounts>(sqlText, arrays);
  return result[0]!;
}
