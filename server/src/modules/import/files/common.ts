import type { ImportRowKey, Message, Problem } from '@kinerja/shared';
import type { CsvRecord } from '../csv.js';
import type { ImportContext } from '../context.js';
import type { FileReport, ImportFileName } from '../import.types.js';
import { mergeBatch, type MergeSpec } from '../merge.js';
import { FileRows, type ColumnSpec } from '../rows.js';
import type { Parsed } from '../values.js';

/** Collects the errors of one row; the row is written only when it has none. */
export class RowCheck {
  failed = false;

  constructor(
    private readonly ctx: ImportContext,
    private readonly rows: FileRows,
    readonly record: CsvRecord,
  ) {}

  get line(): number {
    return this.record.line;
  }

  get separator(): ',' | ';' {
    return this.rows.separator;
  }

  raw(column: string): string {
    return this.rows.value(this.record, column);
  }

  fail(
    column: string | null,
    problem: Message,
    value: string | null = column ? this.raw(column) : null,
    code?: string,
  ): void {
    this.failed = true;
    this.ctx.error(this.rows.file, this.record.line, column, value, problem, code);
  }

  /**
   * Reports the problems found by a rule check of `shared/` as errors of this row: the column is `columns[field]`,
   * else the problem's field (`score`, `year`); the value is the column's as written; the problem is the catalogue
   * message of the rule, and the rule's code goes with it (docs/import.md#how-errors-are-reported). Returns true when there
   * was none.
   */
  problems(problems: readonly Problem[], columns: Readonly<Record<string, string>> = {}): boolean {
    for (const p of problems) {
      const column = columns[p.field] ?? p.field;
      this.fail(column, { code: p.code, params: p.params } as Message, this.raw(column), p.code);
    }
    return problems.length === 0;
  }

  /** A required value: reports it when empty. */
  required(column: string): string | null {
    const raw = this.raw(column);
    if (raw === '') {
      this.fail(column, { code: 'IMPORT_REQUIRED', params: { column } });
      return null;
    }
    return raw;
  }

  /** Reads an optional value with a parser; null when empty or invalid (then reported). */
  parse<T>(column: string, parser: (raw: string) => Parsed<T>, required = false): T | null {
    const raw = required ? this.required(column) : this.raw(column);
    if (raw === null || raw === '') return null;
    const parsed = parser(raw);
    if (!parsed.ok) {
      this.fail(column, parsed.problem, raw, parsed.code);
      return null;
    }
    return parsed.value;
  }

  maxLength(column: string, value: string | null, max: number): string | null {
    if (value !== null && value.length > max) {
      this.fail(column, { code: 'IMPORT_TOO_LONG', params: { column, length: value.length, max } });
      return null;
    }
    return value;
  }

  orNull(column: string): string | null {
    const raw = this.raw(column);
    return raw === '' ? null : raw;
  }
}

export interface SimpleFile<Row> {
  file: ImportFileName;
  columns: readonly ColumnSpec[];
  spec: MergeSpec;
  /** Checks one row and returns the values in `spec.columns` order, or null when it has errors. */
  check(row: RowCheck): Row | null;
  /** The natural key of a row, for the duplicate check. */
  key(row: Row): string;
  /** The natural key of a row, as the duplicate-row message names it (docs/i18n.md). */
  describeKey(row: Row): ImportRowKey;
  /** Column named in a duplicate-row error. */
  keyColumn: string;
  values(row: Row): unknown[];
  /** Called with a written batch (e.g. to learn the ids of new rows). */
  afterBatch?(rows: Row[]): Promise<void>;
  batchSize?: number;
}

/**
 * Reads a small file, checks each row, refuses duplicate natural keys, and merges the valid rows in batches. Keys
 * only (not rows) are kept for the duplicate check, so memory grows with the number of rows' keys, not their size.
 */
export async function importSimpleFile<Row>(
  ctx: ImportContext,
  path: string,
  def: SimpleFile<Row>,
): Promise<FileReport> {
  const rows = new FileRows(def.file, path);
  const report: FileReport = { file: def.file, rows: 0, created: 0, updated: 0, unchanged: 0 };
  const seen = new Map<string, number>();
  const started = Date.now();
  for await (const batch of rows.batches(ctx, def.columns, def.batchSize ?? 2000)) {
    const valid: Row[] = [];
    for (const record of batch) {
      report.rows++;
      const check = new RowCheck(ctx, rows, record);
      const row = def.check(check);
      if (row === null || check.failed) continue;
      const key = def.key(row);
      const firstLine = seen.get(key);
      if (firstLine !== undefined) {
        check.fail(def.keyColumn, {
          code: 'IMPORT_DUPLICATE_ROW',
          params: { key: def.describeKey(row), line: firstLine },
        });
        continue;
      }
      seen.set(key, record.line);
      valid.push(row);
    }
    const counts = await mergeBatch(
      ctx.sql,
      def.spec,
      valid.map((r) => def.values(r)),
    );
    report.created += counts.created;
    report.updated += counts.updated;
    report.unchanged += valid.length - counts.created - counts.updated;
    if (def.afterBatch) await def.afterBatch(valid);
    ctx.progress({
      file: def.file,
      phase: 'rows',
      rows: report.rows,
      written: report.created + report.updated + report.unchanged,
      bytesRead: rows.reader.bytesRead,
      bytesTotal: rows.reader.size,
      elapsedSeconds: (Date.now() - started) / 1000,
    });
  }
  return report;
}
