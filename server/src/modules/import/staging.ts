import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** The SQL connection of one import: every statement runs inside its one transaction. */
export type Sql = pg.ClientBase;

/** A column of a staging table, with its PostgreSQL type (used for the table and for `unnest` casts). */
export interface StagingColumn {
  name: string;
  type: 'int' | 'smallint' | 'float8' | 'bool' | 'text';
}

/**
 * Writes rows into a table in batches, by `COPY ... FROM STDIN` where the server supports it (PostgreSQL), else by
 * one multi-row `INSERT ... SELECT FROM unnest(...)` per batch (the embedded PGlite, whose socket server cannot
 * take COPY FROM STDIN). One batch may be in flight while the caller prepares the next, so that reading the file
 * and writing it overlap; at most two batches are held in memory.
 */
export class BatchWriter {
  private inFlight: Promise<void> | null = null;
  /** Rows whose batch the database has confirmed. */
  written = 0;

  constructor(
    private readonly sql: Sql,
    private readonly table: string,
    private readonly columns: readonly StagingColumn[],
    private readonly useCopy: boolean,
  ) {}

  /** Sends a batch; resolves once the previous batch is written (this one may still be in flight). */
  async write(rows: unknown[][]): Promise<void> {
    if (rows.length === 0) return;
    await this.flush();
    const count = rows.length;
    const sending = this.useCopy ? this.copy(rows) : this.insert(rows);
    this.inFlight = sending.then(() => {
      this.written += count;
    });
    // Keep an early failure from being reported as unhandled before flush() awaits it.
    this.inFlight.catch(() => undefined);
  }

  /** Waits until every batch sent is written. */
  async flush(): Promise<void> {
    const pending = this.inFlight;
    this.inFlight = null;
    if (pending) await pending;
  }

  private async copy(rows: unknown[][]): Promise<void> {
    const names = this.columns.map((c) => `"${c.name}"`).join(', ');
    const stream = this.sql.query(copyFrom(`copy ${this.table} (${names}) from stdin`));
    const done = new Promise<void>((resolve, reject) => {
      stream.on('finish', () => resolve());
      stream.on('error', reject);
    });
    let buffer = '';
    for (const row of rows) {
      buffer += copyLine(row);
      if (buffer.length >= 1 << 16) {
        if (!stream.write(buffer)) await new Promise((resolve) => stream.once('drain', resolve));
        buffer = '';
      }
    }
    stream.end(buffer);
    await done;
  }

  private async insert(rows: unknown[][]): Promise<void> {
    const arrays = this.columns.map(() => [] as unknown[]);
    for (const row of rows) {
      for (let c = 0; c < arrays.length; c++) arrays[c]!.push(row[c] ?? null);
    }
    const names = this.columns.map((c) => `"${c.name}"`).join(', ');
    const params = this.columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ');
    await this.sql.query(`insert into ${this.table} (${names}) select * from unnest(${params})`, arrays);
  }
}

/** One row in COPY's text format: tab-separated, `\N` for null, backslash escapes. */
function copyLine(row: unknown[]): string {
  let line = '';
  for (let i = 0; i < row.length; i++) {
    if (i > 0) line += '\t';
    const v = row[i];
    if (v === null || v === undefined) line += '\\N';
    else if (typeof v === 'string') line += escapeCopy(v);
    else if (typeof v === 'boolean') line += v ? 't' : 'f';
    else line += String(v);
  }
  return line + '\n';
}

function escapeCopy(value: string): string {
  if (!/[\\\t\n\r]/.test(value)) return value;
  return value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** COPY FROM STDIN works on a real PostgreSQL; PGlite's socket server loses the protocol's synchronisation on it. */
export async function supportsCopyFrom(sql: Sql): Promise<boolean> {
  const { rows } = await sql.query<{ version: string }>('select version() as version');
  return !/PGlite/i.test(rows[0]?.version ?? '');
}

/** Creates a temporary table that disappears with the transaction. */
export async function createStagingTable(sql: Sql, name: string, columns: readonly StagingColumn[]): Promise<void> {
  const defs = columns.map((c) => `"${c.name}" ${c.type}`).join(', ');
  await sql.query(`create temporary table ${name} (${defs}) on commit drop`);
}
