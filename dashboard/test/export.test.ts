import { describe, expect, it } from 'vitest';
import { fileName, toCsv, toSheetRows } from '../src/charts/export';
import type { TableSpec } from '../src/charts/types';

const table: TableSpec = {
  columns: [
    { key: 'agency', label: 'Perangkat daerah', kind: 'text' },
    { key: 'n', label: 'n', kind: 'int' },
    { key: 'mean', label: 'Rata-rata', kind: 'score' },
  ],
  rows: [
    { agency: 'Dinas Pendidikan', n: 1340, mean: 104.123456789 },
    { agency: 'Kecamatan "Kota"; Sibolga', n: null, mean: null },
  ],
};

describe('CSV export', () => {
  it('writes a BOM, semicolons and decimal commas in Indonesian, quoting where needed', () => {
    expect(toCsv(table, 'id')).toBe(
      '\uFEFFPerangkat daerah;n;Rata-rata\r\nDinas Pendidikan;1340;104,123457\r\n"Kecamatan ""Kota""; Sibolga";;\r\n',
    );
  });

  it('writes commas and decimal points in English', () => {
    expect(toCsv(table, 'en')).toBe(
      '\uFEFFPerangkat daerah,n,Rata-rata\r\nDinas Pendidikan,1340,104.123457\r\n"Kecamatan ""Kota""; Sibolga",,\r\n',
    );
  });
});

describe('XLSX rows', () => {
  it('has a bold header and numbers as numbers, empty cells as null', () => {
    const rows = toSheetRows(table);
    expect(rows[0]!.map((cell) => cell?.fontWeight)).toEqual(['bold', 'bold', 'bold']);
    expect(rows[1]!.map((cell) => cell?.value)).toEqual(['Dinas Pendidikan', 1340, 104.123457]);
    expect(rows[1]![1]!.type).toBe(Number);
    expect(rows[2]![1]).toBeNull();
  });
});

describe('file names', () => {
  it('are lower-case ASCII with hyphens', () => {
    expect(fileName('Peringkat perangkat daerah 2025', 'csv')).toBe('peringkat-perangkat-daerah-2025.csv');
    expect(fileName('Kepatuhan 20 JP — 2025', 'xlsx')).toBe('kepatuhan-20-jp-2025.xlsx');
  });
});
