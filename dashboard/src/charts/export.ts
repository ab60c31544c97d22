import type { Locale } from '../app/i18n';
import { roundForComparison } from '@kinerja/shared';
import type { Cell, TableSpec } from './types';

/**
 * Exports of a chart's data table (docs/dashboard.md "Exports"). CSV: UTF-8 with a byte-order mark (so spreadsheet
 * programs read the Indonesian letters right), `;` between fields and a decimal comma in Indonesian (what a
 * spreadsheet set to id-ID expects), `,` and a decimal point in English; numbers unformatted otherwise (no thousands
 * separator), scores with the 6-decimal comparison rounding, shares as 0-1.
 */
export const BOM = '\uFEFF';

export function csvSeparator(locale: Locale): string {
  return locale === 'id' ? ';' : ',';
}

function csvValue(value: Cell, locale: Locale, separator: string): string {
  if (value === null) return '';
  let text: string;
  if (typeof value === 'number') {
    text = String(roundForComparison(value));
    if (locale === 'id') text = text.replace('.', ',');
  } else {
    text = value;
  }
  return /["\r\n]/.test(text) || text.includes(separator) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(table: TableSpec, locale: Locale): string {
  const separator = csvSeparator(locale);
  const lines = [
    table.columns.map((column) => csvValue(column.label, locale, separator)).join(separator),
    ...table.rows.map((row) =>
      table.columns.map((column) => csvValue(row[column.key] ?? null, locale, separator)).join(separator),
    ),
  ];
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** The rows of an XLSX sheet for write-excel-file: a bold header row, numbers as numbers. */
export interface SheetCell {
  value: string | number;
  type?: StringConstructor | NumberConstructor;
  fontWeight?: 'bold';
}

/** An empty cell is null. */
export function toSheetRows(table: TableSpec): (SheetCell | null)[][] {
  return [
    table.columns.map((column): SheetCell => ({ value: column.label, type: String, fontWeight: 'bold' })),
    ...table.rows.map((row) =>
      table.columns.map((column): SheetCell | null => {
        const value = row[column.key] ?? null;
        if (value === null) return null;
        if (typeof value === 'number') return { value: roundForComparison(value), type: Number };
        return { value, type: String };
      }),
    ),
  ];
}

/** A file name from a chart's title and the filters: lower case, ASCII, hyphens. */
export function fileName(title: string, extension: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
    .slice(0, 80);
  return `${base || 'kinerja'}.${extension}`;
}

export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
