import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CsvReader, detectSeparator } from '../../src/modules/import/csv.js';
import { parseDate, parseNumber } from '../../src/modules/import/values.js';

const dir = mkdtempSync(join(tmpdir(), 'kinerja-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function read(content: string | Buffer) {
  const path = join(dir, `f${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(path, content);
  const reader = new CsvReader(path);
  const records = [];
  for await (const batch of reader.batches()) records.push(...batch);
  return { separator: reader.separator, records: records.map((r) => [r.line, ...r.values]) };
}

describe('CSV reader', () => {
  it('reads `,` files with quotes, doubled quotes, separators and line breaks inside quotes, with line numbers', async () => {
    const { separator, records } = await read('a,b,c\n1,"x, y",z\n2,"say ""hi""",\n3,"two\nlines",end\n\n4,last,row');
    expect(separator).toBe(',');
    expect(records).toEqual([
      [1, 'a', 'b', 'c'],
      [2, '1', 'x, y', 'z'],
      [3, '2', 'say "hi"', ''],
      [4, '3', 'two\nlines', 'end'],
      [7, '4', 'last', 'row'],
    ]);
  });

  it('detects `;` from the header, strips a byte-order mark and CRLF, trims values, skips empty rows', async () => {
    const { separator, records } = await read('\ufeffnip;score\r\n 1 ;85,5\r\n;\r\n2;"a;b"\r\n');
    expect(separator).toBe(';');
    expect(records).toEqual([
      [1, 'nip', 'score'],
      [2, '1', '85,5'],
      [4, '2', 'a;b'],
    ]);
  });

  it('reads a file larger than one chunk, with a multi-byte character split across chunks', async () => {
    const row = 'é,ü,"q,q"\n';
    const content = 'x,y,z\n' + row.repeat(200_000);
    const { records } = await read(Buffer.from(content, 'utf8'));
    expect(records).toHaveLength(200_001);
    expect(records[200_000]).toEqual([200_001, 'é', 'ü', 'q,q']);
  });

  it('chooses the separator that is more frequent outside quotes', () => {
    expect(detectSeparator('a,b,c')).toBe(',');
    expect(detectSeparator('a;b;c')).toBe(';');
    expect(detectSeparator('"a;b";c,d,e')).toBe(',');
  });
});

describe('values', () => {
  it.each([
    ['85.5', ',', 85.5],
    ['85.5', ';', 85.5],
    ['85,5', ';', 85.5],
    ['120', ',', 120],
    ['-1', ',', -1],
  ] as const)('reads %s with separator %s as %s', (raw, separator, expected) => {
    expect(parseNumber(raw, separator)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['85,5', ',', 'IMPORT_DECIMAL_DOT'],
    ['1.234,5', ';', 'IMPORT_NOT_A_NUMBER'],
    ['abc', ',', 'IMPORT_NOT_A_NUMBER'],
  ] as const)('refuses %s with separator %s (%s)', (raw, separator, code) => {
    expect(parseNumber(raw, separator)).toEqual({ ok: false, problem: { code, params: { value: raw } } });
  });

  it('reads dates YYYY-MM-DD that exist', () => {
    expect(parseDate('2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
    expect(parseDate('2025-02-29')).toEqual({
      ok: false,
      problem: { code: 'IMPORT_DATE_NOT_REAL', params: { value: '2025-02-29' } },
    });
    expect(parseDate('29-02-2024').ok).toBe(false);
  });
});
