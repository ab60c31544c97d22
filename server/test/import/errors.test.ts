import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { errorList, fixture, importFolder, tableCounts } from './helpers.js';

const AGENCY_NOT_FOUND = 'tidak ditemukan (tidak di basis data, tidak pula di agencies.csv)';

/**
 * Each error class of docs/import.md#the-rules-the-importer-checks, as a clerk would meet it: the valid folder is imported first, then a folder
 * with one kind of mistake. Every error is listed with file, line, column, value and message, and nothing is written.
 */
describe('import: every error class is reported and nothing is written', () => {
  let db: TestDatabase;
  let before: Record<string, number>;

  beforeAll(async () => {
    db = await createTestDatabase();
    const report = await importFolder(db.orm, fixture('valid'));
    expect(report.errors).toEqual([]);
    before = await tableCounts(db.orm);
  });

  afterAll(async () => {
    await db?.close();
  });

  /** The errors of the folder, worded in Indonesian (the default), or in English when asked. */
  async function rejected(folder: string, locale: 'id' | 'en' = 'id') {
    const report = await importFolder(db.orm, fixture(folder));
    expect(report.ok).toBe(false);
    expect(report.committed).toBe(false);
    expect(await tableCounts(db.orm)).toEqual(before);
    return errorList(report, locale);
  }

  it('bad NIP: wrong length, impossible birth date, gender column against the NIP digit', async () => {
    expect(await rejected('bad-nip')).toEqual([
      {
        file: 'employees.csv',
        line: 2,
        column: 'nip',
        value: '19850312201001200',
        message: 'NIP memuat 17 angka, bukan 18',
      },
      {
        file: 'employees.csv',
        line: 3,
        column: 'nip',
        value: '198513122010012004',
        message: 'tanggal lahir 19851312 dalam NIP bukan tanggal yang ada',
      },
      {
        file: 'employees.csv',
        line: 4,
        column: 'gender',
        value: 'L',
        message: 'jenis kelamin L tidak sesuai dengan NIP, yang digit jenis kelaminnya 2 (P, perempuan)',
      },
    ]);
  });

  it('unknown agency', async () => {
    expect(await rejected('unknown-agency')).toEqual([
      {
        file: 'employees.csv',
        line: 2,
        column: 'agency_code',
        value: 'DISKOMINFO',
        message: `perangkat daerah DISKOMINFO ${AGENCY_NOT_FOUND}`,
      },
    ]);
  });

  it('unknown supervisor', async () => {
    expect(await rejected('unknown-supervisor')).toEqual([
      {
        file: 'employees.csv',
        line: 2,
        column: 'supervisor_nip',
        value: '197502142000031009',
        message: 'NIP atasan 197502142000031009 tidak ditemukan (tidak di basis data, tidak pula di employees.csv)',
      },
    ]);
  });

  it('weights of an agency, year and category that do not sum to 100', async () => {
    expect(await rejected('weights')).toEqual([
      {
        file: 'criteria.csv',
        line: 2,
        column: 'weight',
        value: '95',
        message: 'jumlah bobot HASIL_KERJA untuk DISDIK mulai 2024 adalah 95, bukan 100',
        code: 'WEIGHTS_SUM_NOT_100',
      },
    ]);
  });

  it('score out of range, negative realisation, realisation for a criterion without indicator', async () => {
    expect(await rejected('score-range')).toEqual([
      {
        file: 'scores.csv',
        line: 2,
        column: 'score',
        value: '130',
        message: 'nilai 130 melebihi 120',
        code: 'SCORE_ABOVE_MAX',
      },
      {
        file: 'scores.csv',
        line: 3,
        column: 'score',
        value: '-5',
        message: 'nilai -5 di bawah 0',
        code: 'SCORE_BELOW_MIN',
      },
      {
        file: 'scores.csv',
        line: 4,
        column: 'realisation',
        value: '-1',
        message: 'realisasi -1 tidak boleh negatif',
        code: 'REALISATION_NEGATIVE',
      },
      {
        file: 'scores.csv',
        line: 5,
        column: 'realisation',
        value: '100',
        message: 'kriteria KOMPETEN tidak berindikator: isi nilai, bukan realisasi',
        code: 'REALISATION_WITHOUT_INDICATOR',
      },
    ]);
  });

  it('years, quarters, spans, targets and weights by the shared rules; exactly 0 and 120 pass, 120.0000001 does not', async () => {
    expect(await rejected('year-quarter')).toEqual([
      {
        file: 'criteria.csv',
        line: 2,
        column: 'year_to',
        value: '2025',
        message: 'tahun akhir 2025 sebelum tahun mulai 2026',
        code: 'YEAR_SPAN_REVERSED',
      },
      {
        file: 'criteria.csv',
        line: 3,
        column: 'target',
        value: '0',
        message: 'target 0 harus lebih dari 0',
        code: 'TARGET_NOT_POSITIVE',
      },
      {
        file: 'criteria.csv',
        line: 4,
        column: 'weight',
        value: '0',
        message: 'bobot 0 harus lebih dari 0 dan paling banyak 100',
        code: 'WEIGHT_OUT_OF_RANGE',
      },
      {
        file: 'scores.csv',
        line: 2,
        column: 'year',
        value: '1999',
        message: 'tahun harus bilangan bulat antara 2000 dan 2100, bukan 1999',
        code: 'YEAR_OUT_OF_RANGE',
      },
      {
        file: 'scores.csv',
        line: 3,
        column: 'quarter',
        value: '5',
        message: 'triwulan harus 1-4, bukan 5',
        code: 'QUARTER_OUT_OF_RANGE',
      },
      {
        file: 'scores.csv',
        line: 5,
        column: 'score',
        value: '120.0000001',
        message: 'nilai 120,0000001 melebihi 120',
        code: 'SCORE_ABOVE_MAX',
      },
    ]);
  });

  it('bad dates', async () => {
    expect(await rejected('bad-date')).toEqual([
      {
        file: 'participations.csv',
        line: 2,
        column: 'completed_on',
        value: '2025-02-30',
        message: '2025-02-30 bukan tanggal yang ada',
      },
      {
        file: 'participations.csv',
        line: 3,
        column: 'completed_on',
        value: '13/02/2025',
        message: '13/02/2025 bukan tanggal berbentuk YYYY-MM-DD (mis. 2025-03-31)',
      },
    ]);
  });

  it('duplicate row of one evaluation and criterion', async () => {
    expect(await rejected('duplicate-row')).toEqual([
      {
        file: 'scores.csv',
        line: 4,
        column: 'criterion_code',
        value: 'PROFESIONALISME',
        message: 'baris ganda: NIP 198503122010012003, Triwulan II 2025, kriteria PROFESIONALISME sudah ada di baris 2',
      },
    ]);
  });

  it('unknown column, named (a misspelt header must not drop data silently)', async () => {
    expect(await rejected('unknown-column')).toEqual([
      {
        file: 'employees.csv',
        line: 1,
        column: 'nip_atasan',
        value: 'nip_atasan',
        message:
          'kolom nip_atasan tidak dikenal; kolomnya adalah nip, name, gender, employment_type, rank, position,' +
          ' position_type, agency_code, supervisor_nip, active_from, active_to',
      },
    ]);
  });

  it('rows of one evaluation that disagree on status, assessor or agency', async () => {
    const hint = '(assessor_nip kosong berarti atasan, status kosong FINAL)';
    expect(await rejected('disagree')).toEqual([
      {
        file: 'scores.csv',
        line: 3,
        column: 'status',
        value: 'FINAL',
        message: `baris-baris satu penilaian harus sama pada status: baris ini FINAL, baris 2 SUBMITTED ${hint}`,
      },
      {
        file: 'scores.csv',
        line: 4,
        column: 'assessor_nip',
        value: '197106221996011001',
        message:
          'baris-baris satu penilaian harus sama pada assessor_nip: baris ini 197106221996011001,' +
          ` baris 2 197811052003121001 ${hint}`,
      },
      {
        file: 'scores.csv',
        line: 5,
        column: 'agency_code',
        value: 'DISDIK',
        message: `baris-baris satu penilaian harus sama pada agency_code: baris ini DISDIK, baris 2 DINKES ${hint}`,
      },
    ]);
  });

  it('closed period: a changed or added score is refused, an identical row is unchanged', async () => {
    await db.orm.em
      .getConnection()
      .execute(`update period set status = 'CLOSED', closed_at = now() where year = 2025 and quarter = 1`);
    before = await tableCounts(db.orm);
    expect(await rejected('closed-period')).toEqual([
      {
        file: 'scores.csv',
        line: 3,
        column: 'score',
        value: '115',
        message: 'Triwulan I 2025 sudah CLOSED: nilai INOVASI tidak dapat berubah (tersimpan nilai 112)',
      },
      {
        file: 'scores.csv',
        line: 5,
        column: 'score',
        value: '100',
        message: 'Triwulan I 2025 sudah CLOSED: nilai LOYAL tidak dapat ditambahkan',
      },
    ]);
    const again = await importFolder(db.orm, fixture('valid'));
    expect(again.errors).toEqual([]);
    expect(again.files.find((f) => f.file === 'scores.csv')).toMatchObject({ created: 0, updated: 0, unchanged: 18 });
  });
});
