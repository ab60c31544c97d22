import type { Message } from '@kinerja/shared';
import { CsvReader, type CsvRecord, type Separator } from './csv.js';
import type { ImportContext } from './context.js';
import type { ImportFileName } from './import.types.js';

export interface ColumnSpec {
  name: string;
  required?: boolean;
}

/** The rows of one file with its header checked: values are read by column name. */
export class FileRows {
  readonly reader: CsvReader;
  private readonly index = new Map<string, number>();

  constructor(
    readonly file: ImportFileName,
    path: string,
  ) {
    this.reader = new CsvReader(path);
  }

  get separator(): Separator {
    return this.reader.separator;
  }

  /** The value of a column in a record; '' when the column is absent or the value empty. */
  value(record: CsvRecord, column: string): string {
    const i = this.index.get(column);
    return i === undefined ? '' : (record.values[i] ?? '');
  }

  has(column: string): boolean {
    return this.index.has(column);
  }

  /**
   * The data records, in batches of about `batchSize`, after checking the header: an unknown column is an error that
   * names it (a misspelt header must not silently drop data), so is a column given twice; without a required column
   * the rows cannot be read and none is returned. A record whose number of values differs from the header's is an
   * error (usually a value holding the separator without quotes) and is skipped.
   */
  async *batches(ctx: ImportContext, columns: readonly ColumnSpec[], batchSize: number): AsyncGenerator<CsvRecord[]> {
    const known = new Set(columns.map((c) => c.name));
    let headerLength = 0;
    let headerOk = true;
    let pending: CsvRecord[] = [];
    let first = true;
    for await (const records of this.reader.batches()) {
      let start = 0;
      if (first) {
        first = false;
        const header = records[0];
        start = 1;
        if (!header) continue;
        headerLength = header.values.length;
        header.values.forEach((raw, i) => {
          const name = raw.toLowerCase();
          if (!known.has(name)) {
            ctx.error(this.file, 1, raw, raw, unknownColumn(raw, columns));
          } else if (this.index.has(name)) {
            ctx.error(this.file, 1, raw, raw, { code: 'IMPORT_COLUMN_TWICE', params: { column: name } });
          } else {
            this.index.set(name, i);
          }
        });
        for (const c of columns) {
          if (c.required && !this.index.has(c.name)) {
            ctx.error(this.file, 1, c.name, null, { code: 'IMPORT_COLUMN_MISSING', params: { column: c.name } });
            headerOk = false;
          }
        }
        if (!headerOk) return;
      }
      for (let r = start; r < records.length; r++) {
        const record = records[r]!;
        if (record.values.length !== headerLength) {
          ctx.error(this.file, record.line, null, null, {
            code: 'IMPORT_LINE_WIDTH',
            params: { values: record.values.length, columns: headerLength, separator: this.separator },
          });
          continue;
        }
        pending.push(record);
        if (pending.length >= batchSize) {
          yield pending;
          pending = [];
        }
      }
    }
    if (first) {
      ctx.error(this.file, null, null, null, { code: 'IMPORT_FILE_EMPTY', params: {} });
      return;
    }
    if (pending.length > 0) yield pending;
  }
}

function unknownColumn(raw: string, columns: readonly ColumnSpec[]): Message<'IMPORT_UNKNOWN_COLUMN'> {
  const names = columns.map((c) => c.name);
  const close = names.find((n) => editDistance(n, raw.toLowerCase()) <= 2);
  return { code: 'IMPORT_UNKNOWN_COLUMN', params: { column: raw, suggestion: close ?? null, columns: names } };
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}
