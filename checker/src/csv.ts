import { readFileSync } from 'node:fs';

/**
 * A small CSV reader of its own (the checker shares no code with the server, docs/checker.md): UTF-8 with an
 * optional byte-order mark, `,` or `;` as separator (with `;`, decimal commas), quoted fields with doubled quotes.
 */
export interface CsvTable {
  separator: ',' | ';';
  rows: Record<string, string>[];
}

export function readCsv(path: string): CsvTable {
  let text = readFileSync(path, 'utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const separator = countOf(firstLine, ';') > countOf(firstLine, ',') ? ';' : ',';
  const records = parseRecords(text, separator);
  const header = (records.shift() ?? []).map((h) => h.trim());
  const rows: Record<string, string>[] = [];
  for (const record of records) {
    if (record.length === 1 && record[0] === '') continue;
    const row: Record<string, string> = {};
    header.forEach((name, i) => (row[name] = (record[i] ?? '').trim()));
    rows.push(row);
  }
  return { separator, rows };
}

/** A number written in the file; with `;` as separator a decimal comma is allowed. Empty: null. */
export function numberOf(raw: string | undefined, separator: ',' | ';'): number | null {
  if (raw === undefined || raw === '') return null;
  const value = Number(separator === ';' ? raw.replace(',', '.') : raw);
  if (!Number.isFinite(value)) throw new Error(`not a number: ${JSON.stringify(raw)}`);
  return value;
}

function countOf(text: string, char: string): number {
  let n = 0;
  for (const c of text) if (c === char) n++;
  return n;
}

function parseRecords(text: string, separator: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}
