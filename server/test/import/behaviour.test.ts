import { DEFAULT_SCORING_POLICY, evaluateScores, indicatorScore } from '@kinerja/shared';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeHistoryThrough } from '../../src/modules/results/index.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { emptyDatabase, errorList, fileCounts, fixture, importFolder, tableCounts } from './helpers.js';

const EMPTY = {
  agency: 0,
  employee: 0,
  criterion: 0,
  period: 0,
  evaluation: 0,
  evaluation_score: 0,
  innovation: 0,
  training: 0,
  participation: 0,
  org_performance: 0,
  audit_log: 0,
};

describe('import: all or nothing, idempotent, dry run, stored results', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  beforeEach(async () => {
    await emptyDatabase(db.orm);
  });

  afterAll(async () => {
    await db?.close();
  });

  it('acceptance 1: errors in three files write nothing and are all listed; the fixed folder imports; again: unchanged', async () => {
    const bad = await importFolder(db.orm, fixture('three-errors'));
    expect(bad.ok).toBe(false);
    expect(bad.errorCount).toBe(4);
    expect(errorList(bad)).toEqual([
      {
        file: 'employees.csv',
        line: 6,
        column: 'gender',
        value: 'P',
        message: 'jenis kelamin P tidak sesuai dengan NIP, yang digit jenis kelaminnya 1 (L, laki-laki)',
      },
      {
        file: 'criteria.csv',
        line: 7,
        column: 'weight',
        value: '95',
        message: 'jumlah bobot HASIL_KERJA untuk DINKES mulai 2024 adalah 95, bukan 100',
        code: 'WEIGHTS_SUM_NOT_100',
      },
      {
        file: 'scores.csv',
        line: 4,
        column: 'score',
        value: '130',
        message: 'nilai 130 melebihi 120',
        code: 'SCORE_ABOVE_MAX',
      },
      {
        file: 'scores.csv',
        line: 10,
        column: 'criterion_code',
        value: 'HARMONI',
        message: 'kriteria HARMONI tidak ditemukan (tidak di basis data, tidak pula di criteria.csv)',
      },
    ]);
    // The same report read in English (Accept-Language: en, or --lang en): only the words change.
    expect(errorList(bad, 'en').map((e) => e.message)).toEqual([
      'gender P disagrees with the NIP, whose gender digit is 1 (L, male)',
      'weights of HASIL_KERJA for DINKES from 2024 on sum to 95, not 100',
      'score 130 is above 120',
      'criterion HARMONI not found (neither in the database nor in criteria.csv)',
    ]);
    expect(bad.errors.map((e) => e.problem.code)).toEqual([
      'IMPORT_GENDER_VS_NIP',
      'WEIGHTS_SUM_NOT_100',
      'SCORE_ABOVE_MAX',
      'IMPORT_CRITERION_NOT_FOUND',
    ]);
    expect(await tableCounts(db.orm)).toEqual(EMPTY);

    const fixed = await importFolder(db.orm, fixture('three-errors-fixed'));
    expect(fixed.errors).toEqual([]);
    expect(fixed.committed).toBe(true);
    expect(fileCounts(fixed)).toEqual({
      'agencies.csv': [3, 3, 0, 0],
      'employees.csv': [5, 5, 0, 0],
      'criteria.csv': [16, 16, 0, 0],
      'scores.csv': [18, 18, 0, 0],
    });
    expect(fixed.evaluations).toEqual({ created: 4, updated: 0, unchanged: 0 });
    expect(fixed.periodsCreated).toBe(2);

    const again = await importFolder(db.orm, fixture('three-errors-fixed'));
    expect(again.committed).toBe(true);
    expect(fileCounts(again)).toEqual({
      'agencies.csv': [3, 0, 0, 3],
      'employees.csv': [5, 0, 0, 5],
      'criteria.csv': [16, 0, 0, 16],
      'scores.csv': [18, 0, 0, 18],
    });
    expect(again.evaluations).toEqual({ created: 0, updated: 0, unchanged: 4 });
    expect(again.periodsCreated).toBe(0);
  });

  it('importing the same folder twice changes nothing the second time; the audit log records both', async () => {
    const first = await importFolder(db.orm, fixture('valid'));
    expect(first.errors).toEqual([]);
    const after = await tableCounts(db.orm);
    const second = await importFolder(db.orm, fixture('valid'));
    expect(second.errors).toEqual([]);
    for (const f of second.files) expect([f.file, f.created, f.updated, f.unchanged]).toEqual([f.file, 0, 0, f.rows]);
    expect(await tableCounts(db.orm)).toEqual({ ...after, audit_log: 2 });
    const audit = await db.orm.em
      .getConnection()
      .execute<
        { actor: string; action: string; entity_type: string; after: { files: { file: string }[] }; reason: string }[]
      >('select actor, action, entity_type, after, reason from audit_log order by id');
    expect(audit.map((a) => [a.actor, a.action, a.entity_type, a.reason])).toEqual([
      ['test:import', 'import.run', 'import', fixture('valid')],
      ['test:import', 'import.run', 'import', fixture('valid')],
    ]);
    expect(audit[0]!.after.files.map((f) => f.file)).toEqual([
      'agencies.csv',
      'employees.csv',
      'criteria.csv',
      'scores.csv',
      'innovations.csv',
      'trainings.csv',
      'participations.csv',
      'org_performance.csv',
    ]);
  });

  it('a changed row is updated, the rest unchanged', async () => {
    await importFolder(db.orm, fixture('valid'));
    // The valid folder's 2025 Q1 is OPEN: the closed-period folder changes one score and adds one.
    const report = await importFolder(db.orm, fixture('closed-period'));
    expect(report.errors).toEqual([]);
    expect(fileCounts(report)['scores.csv']).toEqual([4, 1, 1, 2]);
    expect(report.evaluations).toEqual({ created: 0, updated: 2, unchanged: 0 });
  });

  it('bulk mode (foreign keys checked once, indexes of the empty score table built after the insert) stores the same and keeps the keys and indexes', async () => {
    const indexes = () =>
      db.orm.em
        .getConnection()
        .execute<{ indexname: string; indexdef: string }[]>(
          `select indexname, indexdef from pg_indexes where tablename = 'evaluation_score' order by 1`,
        );
    const indexesBefore = await indexes();
    expect(indexesBefore.map((i) => i.indexname)).toEqual([
      'evaluation_score_criterion_id_index',
      'evaluation_score_evaluation_id_criterion_id_unique',
      'evaluation_score_pkey',
    ]);
    const foreignKeys = () =>
      db.orm.em.getConnection().execute<{ conname: string; def: string }[]>(
        `select conname, pg_get_constraintdef(oid) as def from pg_constraint
            where conrelid in ('evaluation'::regclass, 'evaluation_score'::regclass) and contype = 'f' order by 1`,
      );
    const keys = await foreignKeys();
    expect(keys.length).toBe(6);
    const normal = await importFolder(db.orm, fixture('valid'));
    const stored = () =>
      db.orm.em.getConnection().execute(
        `select e.nip, v.status, v.score, v.predikat, c.code, s.score as criterion_score from evaluation_score s
             join evaluation v on v.id = s.evaluation_id join employee e on e.id = v.employee_id
             join criterion c on c.id = s.criterion_id order by 1, 5, 2`,
      );
    const before = await stored();
    await emptyDatabase(db.orm);
    const bulk = await importFolder(db.orm, fixture('valid'), false, 1);
    expect(bulk.errors).toEqual([]);
    expect([normal.bulk, bulk.bulk]).toEqual([false, true]);
    expect(fileCounts(bulk)).toEqual(fileCounts(normal));
    expect(await stored()).toEqual(before);
    expect(await foreignKeys()).toEqual(keys);
    expect(await indexes()).toEqual(indexesBefore);
  });

  it('--dry-run validates and reports what it would do, and writes nothing (not even the audit log)', async () => {
    const report = await importFolder(db.orm, fixture('valid'), true);
    expect(report.ok).toBe(true);
    expect(report.committed).toBe(false);
    expect(fileCounts(report)['scores.csv']).toEqual([18, 18, 0, 0]);
    expect(await tableCounts(db.orm)).toEqual(EMPTY);
  });

  it('every imported evaluation stores the results of the shared evaluateScores (worked example 1)', async () => {
    await importFolder(db.orm, fixture('valid'));
    const rows = await db.orm.em.getConnection().execute<
      {
        nip: string;
        quarter: number;
        status: string;
        hasil_kerja_score: number | null;
        perilaku_kerja_score: number | null;
        score: number | null;
        hasil_kerja_rating: string | null;
        perilaku_kerja_rating: string | null;
        predikat: string | null;
        policy_version: string | null;
        agency: string;
        assessor: string | null;
      }[]
    >(`select e.nip, p.quarter, v.status, v.hasil_kerja_score, v.perilaku_kerja_score, v.score, v.hasil_kerja_rating,
              v.perilaku_kerja_rating, v.predikat, v.policy_version, a.code as agency, s.nip as assessor
         from evaluation v join employee e on e.id = v.employee_id join period p on p.id = v.period_id
         join agency a on a.id = v.agency_id left join employee s on s.id = v.assessor_id
        order by e.nip, p.quarter`);
    const teacher = rows.find((r) => r.nip === '198503122010012003')!;
    // Worked example 1: Disiplin 90.25 / 95 -> 95, Prestasi siswa 88 / 80 -> 110.
    const expected = evaluateScores([
      { category: 'HASIL_KERJA', weight: 20, score: 95 },
      { category: 'HASIL_KERJA', weight: 15, score: indicatorScore(90.25, 95, 'HIGHER_IS_BETTER') },
      { category: 'HASIL_KERJA', weight: 15, score: 112 },
      { category: 'HASIL_KERJA', weight: 30, score: indicatorScore(88, 80, 'HIGHER_IS_BETTER') },
      { category: 'HASIL_KERJA', weight: 20, score: 100 },
      { category: 'PERILAKU_KERJA', weight: 15, score: 100 },
      { category: 'PERILAKU_KERJA', weight: 15, score: 105 },
      { category: 'PERILAKU_KERJA', weight: 15, score: 110 },
      { category: 'PERILAKU_KERJA', weight: 10, score: 95 },
      { category: 'PERILAKU_KERJA', weight: 15, score: 100 },
      { category: 'PERILAKU_KERJA', weight: 15, score: 115 },
      { category: 'PERILAKU_KERJA', weight: 15, score: 100 },
    ]);
    expect(teacher).toMatchObject({
      status: 'FINAL',
      hasil_kerja_score: expected.hasilKerjaScore,
      perilaku_kerja_score: expected.perilakuKerjaScore,
      score: expected.score,
      hasil_kerja_rating: 'SESUAI_EKSPEKTASI',
      perilaku_kerja_rating: 'SESUAI_EKSPEKTASI',
      predikat: 'BAIK',
      agency: 'DISDIK',
      // Empty assessor_nip: the supervisor.
      assessor: '197502142000031002',
    });
    expect(teacher.hasil_kerja_score).toBeCloseTo(103.05, 10);
    expect(teacher.score).toBeCloseTo(103.335, 10);
    expect(teacher.policy_version).toMatch(/^p-[0-9a-f]{8}$/);
    const nurse = rows.find((r) => r.nip === '199001012022211001')!;
    // Not FINAL: its results are stored too (docs/scoring.md "Stored results"), and recomputed when things change.
    const nurseExpected = evaluateScores([
      { category: 'HASIL_KERJA', weight: 20, score: 100 },
      { category: 'HASIL_KERJA', weight: 20, score: indicatorScore(5, 4, 'LOWER_IS_BETTER') },
      { category: 'PERILAKU_KERJA', weight: 15, score: 95.5 },
    ]);
    expect(nurse).toMatchObject({
      status: 'SUBMITTED',
      score: nurseExpected.score,
      predikat: nurseExpected.predikat,
      policy_version: DEFAULT_SCORING_POLICY.version,
    });
    // The agency head scored while assigned to the Sekretariat Daerah, by an explicit assessor.
    const head = rows.filter((r) => r.nip === '197502142000031002');
    expect(head.map((r) => [r.quarter, r.status, r.agency, r.assessor, r.score])).toEqual([
      [1, 'FINAL', 'SETDA', '197106221996011001', 0.7 * 104 + 0.3 * 100],
      [2, 'DRAFT', 'DISDIK', '197106221996011001', null],
    ]);
    const derived = await db.orm.em
      .getConnection()
      .execute<{ code: string; score: number; realisation: number; derived_from_indicator: boolean }[]>(
        `select c.code, s.score, s.realisation, s.derived_from_indicator from evaluation_score s
           join criterion c on c.id = s.criterion_id where s.realisation is not null order by c.code`,
      );
    expect(derived).toEqual([
      { code: 'DISIPLIN', score: 95, realisation: 90.25, derived_from_indicator: true },
      // Lower is better: 100 * 4 / 5.
      { code: 'KELUHAN_LAYANAN', score: 80, realisation: 5, derived_from_indicator: true },
      { code: 'PRESTASI_SISWA', score: 110, realisation: 88, derived_from_indicator: true },
    ]);
  });
  it('closing the imported history finalises SUBMITTED evaluations with the shared rules and leaves DRAFT ones', async () => {
    await importFolder(db.orm, fixture('valid'));
    const closed = await closeHistoryThrough(
      db.orm,
      { year: 2025, quarter: 1 },
      { actor: 'test:import', policy: DEFAULT_SCORING_POLICY, reason: null },
    );
    expect(closed).toEqual(['2025-Q1']);
    const rows = await db.orm.em.getConnection().execute<
      { nip: string; quarter: number; status: string; score: number | null; predikat: string | null; period: string }[]
    >(`select e.nip, p.quarter, v.status, v.score, v.predikat, p.status as period
         from evaluation v join employee e on e.id = v.employee_id join period p on p.id = v.period_id
        order by e.nip, p.quarter`);
    const hk = evaluateScores([
      { category: 'HASIL_KERJA', weight: 20, score: 100 },
      { category: 'HASIL_KERJA', weight: 20, score: indicatorScore(5, 4, 'LOWER_IS_BETTER') },
      { category: 'PERILAKU_KERJA', weight: 15, score: 95.5 },
    ]);
    expect(rows.find((r) => r.nip === '199001012022211001')).toMatchObject({
      status: 'FINAL',
      score: hk.score,
      predikat: 'BAIK',
      period: 'CLOSED',
    });
    expect(hk.score).toBeCloseTo(0.7 * 90 + 0.3 * 95.5, 10);
    expect(rows.find((r) => r.nip === '197502142000031002' && r.quarter === 2)).toMatchObject({
      status: 'DRAFT',
      period: 'OPEN',
    });
  });
});

describe('import: a `;` file with decimal commas, CRLF and a BOM stores the same numbers as its `,` twin', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db?.close();
  });

  async function stored() {
    const conn = db.orm.em.getConnection();
    return {
      scores: await conn.execute(
        `select e.nip, p.year, p.quarter, c.code, s.score, s.realisation, s.derived_from_indicator, s.evidence
           from evaluation_score s join evaluation v on v.id = s.evaluation_id join employee e on e.id = v.employee_id
           join period p on p.id = v.period_id join criterion c on c.id = s.criterion_id order by 1, 2, 3, 4`,
      ),
      evaluations: await conn.execute(
        `select e.nip, v.status, v.hasil_kerja_score, v.perilaku_kerja_score, v.score, v.predikat
           from evaluation v join employee e on e.id = v.employee_id order by 1`,
      ),
      criteria: await conn.execute('select code, weight, target, direction, description from criterion order by code'),
      employees: await conn.execute('select nip, name, rank from employee order by nip'),
      trainings: await conn.execute('select code, hours_jp from training order by code'),
    };
  }

  it('imports both to the same stored values, and the twin re-imported over the other is all unchanged', async () => {
    const b = await importFolder(db.orm, fixture('twin-semicolon'));
    expect(b.errors).toEqual([]);
    const fromSemicolon = await stored();
    await emptyDatabase(db.orm);
    const a = await importFolder(db.orm, fixture('twin-comma'));
    expect(a.errors).toEqual([]);
    const fromComma = await stored();
    expect(fromSemicolon).toEqual(fromComma);
    expect(fromComma.criteria).toContainEqual(
      expect.objectContaining({ code: 'PRESTASI_SISWA', weight: 27.5, target: 82.5 }),
    );
    expect(fromComma.scores).toContainEqual(
      expect.objectContaining({ code: 'PRESTASI_SISWA', realisation: 88.4, score: (100 * 88.4) / 82.5 }),
    );
    expect(fromComma.scores).toContainEqual(
      expect.objectContaining({ code: 'PROFESIONALISME', score: 95.5, evidence: 'RPP lengkap; penilaian, remedial' }),
    );
    expect(fromComma.trainings).toContainEqual({ code: 'PLT-2025-002', hours_jp: 16.5 });
    const crossed = await importFolder(db.orm, fixture('twin-semicolon'));
    expect(crossed.errors).toEqual([]);
    for (const f of crossed.files) expect([f.file, f.created, f.updated, f.unchanged]).toEqual([f.file, 0, 0, f.rows]);
  });
});
