import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { errorList, fixture, importFolder, tableCounts } from './helpers.js';

const AGENCY_NOT_FOUND = 'not found (neither in the database nor in agencies.csv)';

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

  async function rejected(folder: string) {
    const report = await importFolder(db.orm, fixture(folder));
    expect(report.ok).toBe(false);
    expect(report.committed).toBe(false);
    expect(await tableCounts(db.orm)).toEqual(before);
    return errorList(report);
  }

  it('bad NIP: wrong length, impossible birth date, gender column against the NIP digit', async () => {
    expect(await rejected('bad-nip')).toEqual([
      {
        file: 'employees.csv',
        line: 2,
        column: 'nip',
        value: '19850312201001200',
        message: 'NIP has 17 digits, not 18',
      },
      {
        file: 'employees.csv',
        line: 3,
        column: 'nip',
        value: '198513122010012004',
        message: 'birth date 19851312 in NIP is not a real date',
      },
      {
        file: 'employees.csv',
        line: 4,
        column: 'gender',
        value: 'L',
        message: 'gender L disagrees with the NIP, whose gender digit is 2 (P, female)',
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
        message: `agency DISKOMINFO ${AGENCY_NOT_FOUND}`,
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
        message: 'supervisor NIP 197502142000031009 not found (neither in the database nor in employees.csv)',
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
        message: '2025-02-30 is not a real date',
      },
      {
        file: 'participations.csv',
        line: 3,
        column: 'completed_on',
        value: '13/02/2025',
        message: '13/02/2025 is not a date in the form YYYY-MM-DD (e.g. 2025-03-31)',
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
        message: 'duplicate row: NIP 198503122010012003, Q2 2025, criterion PROFESIONALISME is already on line 2',
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
          'unknown column nip_atasan; the columns are nip, name, gender, employment_type, rank, position,' +
          ' position_type, agency_code, supervisor_nip, active_from, active_to',
      },
    ]);
  });

  it('rows of one evaluation that disagree on status, assessor or agency', async () => {
    const hint = '(an empty assessor_nip means the supervisor, an empty status FINAL)';
    expect(await rejected('disagree')).toEqual([
      {
        file: 'scores.csv',
        line: 3,
        column: 'status',
        value: 'FINAL',
        message: `rows of one evaluation must agree on status: this row gives FINAL, line 2 gives SUBMITTED ${hint}`,
      },
      {
        file: 'scores.csv',
        line: 4,
        column: 'assessor_nip',
        value: '197106221996011001',
        message:
          'rows of one evaluation must agree on assessor_nip: this row gives 197106221996011001,' +
          ` line 2 gives 197811052003121001 ${hint}`,
      },
      {
        file: 'scores.csv',
        line: 5,
        column: 'agency_code',
        value: 'DISDIK',
        message: `rows of one evaluation must agree on agency_code: this row gives DISDIK, line 2 gives DINKES ${hint}`,
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
        message: 'Q1 2025 is CLOSED: the score of INOVASI cannot change (stored score 112)',
      },
      {
        file: 'scores.csv',
        line: 5,
        column: 'score',
        value: '100',
        message: 'Q1 2025 is CLOSED: a score of LOYAL cannot be added',
      },
    ]);
    const again = await importFolder(db.orm, fixture('valid'));
    expect(again.errors).toEqual([]);
    expect(again.files.find((f) => f.file === 'scores.csv')).toMatchObject({ created: 0, updated: 0, unchanged: 18 });
  });
});
