import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../../src/modules/import/import.types.js';
import { cliLocale, formatReport } from '../../src/modules/import/report.js';

/** The terminal report of `pnpm run import` (docs/import.md "Language of the report"), in both languages. */
describe('the command-line report', () => {
  const report: ImportReport = {
    folder: '/data/impor-2025',
    dryRun: false,
    committed: false,
    ok: false,
    files: [
      { file: 'employees.csv', rows: 1412, created: 3, updated: 1, unchanged: 1408 },
      { file: 'scores.csv', rows: 19776, created: 48, updated: 0, unchanged: 19728 },
    ],
    evaluations: { created: 4, updated: 0, unchanged: 1644 },
    periodsCreated: 1,
    bulk: false,
    errors: [
      {
        file: 'employees.csv',
        line: 6,
        column: 'gender',
        value: 'P',
        problem: { code: 'IMPORT_GENDER_VS_NIP', params: { gender: 'P', nipGender: 'L' } },
      },
      {
        file: 'scores.csv',
        line: 4,
        column: 'score',
        value: '130',
        problem: { code: 'SCORE_ABOVE_MAX', params: { value: 130, max: 120 } },
        code: 'SCORE_ABOVE_MAX',
      },
      {
        file: '',
        line: null,
        column: null,
        value: '/data/impor-2025',
        problem: { code: 'IMPORT_FOLDER_EMPTY', params: { known: 'agencies.csv' } },
      },
    ],
    errorCount: 1003,
    durationMs: 1250,
  };

  it('Indonesian by default: verdict, table, every error and the count of those not listed', () => {
    expect(formatReport(report).split('\n')).toEqual([
      'Ditolak: 1.003 kesalahan; tidak ada yang ditulis. (/data/impor-2025, 1,3 s)',
      '  berkas          baris  dibuat  diubah   tetap',
      '  employees.csv   1.412       3       1   1.408',
      '  scores.csv     19.776      48       0  19.728',
      '  (penilaian)                 4       0   1.644',
      '  (periode)                   1                ',
      '  (jumlah yang akan dikerjakan impor)',
      '',
      'Kesalahan (berkas:baris kolom "nilai": pesan):',
      '  employees.csv:6 gender "P": jenis kelamin P tidak sesuai dengan NIP, yang digit jenis kelaminnya 1 (L, laki-laki)',
      '  scores.csv:4 score "130": nilai 130 melebihi 120',
      '  (folder) "/data/impor-2025": folder tidak memuat satu pun berkas impor (agencies.csv)',
      '  ... dan 1.000 kesalahan lagi yang tidak dicantumkan',
    ]);
  });

  it('English when asked', () => {
    expect(formatReport(report, 'en').split('\n')).toEqual([
      'Rejected: 1,003 errors; nothing was written. (/data/impor-2025, 1.3 s)',
      '  file             rows  created  updated  unchanged',
      '  employees.csv   1,412        3        1      1,408',
      '  scores.csv     19,776       48        0     19,728',
      '  (evaluations)                4        0      1,644',
      '  (periods)                    1                    ',
      '  (counts of what the import would have done)',
      '',
      'Errors (file:line column "value": message):',
      '  employees.csv:6 gender "P": gender P disagrees with the NIP, whose gender digit is 1 (L, male)',
      '  scores.csv:4 score "130": score 130 is above 120',
      '  (folder) "/data/impor-2025": the folder contains none of the import files (agencies.csv)',
      '  ... and 1,000 more errors not listed',
    ]);
  });

  it.each([
    [undefined, undefined, 'id'],
    ['en', undefined, 'en'],
    [undefined, 'en', 'en'],
    ['id', 'en', 'id'],
    ['EN-GB', undefined, 'en'],
    [undefined, 'id-ID', 'id'],
    ['fr', undefined, null],
    [undefined, 'english', null],
  ] as const)('--lang %s with KINERJA_LANG=%s: %s', (flag, env, expected) => {
    expect(cliLocale(flag, env)).toBe(expected);
  });
});
