import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * CSV as the import format asks for it (docs/import.md): `,` separator, one header row, UTF-8 without a
 * byte-order mark, `\n` line ends, and a field quoted (with `"` doubled) when it holds `,`, `"` or a line break.
 */

/** A field value; null is written as an empty field. */
export type CsvValue = string | number | null;

const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: CsvValue): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? numberText(value) : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(',')}\n`;
}

/** Numbers in plain decimal notation with a `.` (never `1e21` or a locale's decimal comma). */
function numberText(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`cannot write ${value} to a CSV file`);
  return String(value);
}

/** Roughly how much text is collected before it is handed to the file stream. */
const CHUNK_CHARACTERS = 1 << 16;

/**
 * Streams rows to a file and returns how many data rows it wrote. Rows are joined into chunks of about 64 KiB so
 * half a million of them do not become half a million stream writes, and never into one giant string.
 */
export async function writeCsvFile(
  path: string,
  header: readonly string[],
  rows: Iterable<readonly CsvValue[]>,
): Promise<number> {
  let count = 0;
  function* chunks(): Generator<string> {
    let chunk = csvLine(header);
    for (const row of rows) {
      chunk += csvLine(row);
      count++;
      if (chunk.length >= CHUNK_CHARACTERS) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk !== '') yield chunk;
  }
  await pipeline(Readable.from(chunks(), { objectMode: false }), createWriteStream(path, { encoding: 'utf8' }));
  return count;
}
