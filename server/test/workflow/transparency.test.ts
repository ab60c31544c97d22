import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_POLICY } from '@kinerja/shared';
import { Evaluation } from '../../src/modules/evaluations/evaluation.entity.js';
import { finalizeEvaluation } from '../../src/modules/evaluations/evaluation-results.js';
import { accountToken } from '../helpers/auth.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { buildScenario, type Scenario, type ScoreSpec } from '../helpers/scenario.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { ok, refused, WORKED_EXAMPLE_1, type Json } from './helpers.js';

const PAGE = `query ($nip: String, $year: Int!) {
  transparency(nip: $nip, year: $year) {
    year policyVersion hasilKerjaWeight perilakuKerjaWeight thresholdDiAtas thresholdSesuai employmentType
    employee { nip }
    assessor { name position agencyCode }
    criteria { code category weight target }
    quarters {
      quarter label periodStatus status agencyCode resultsStored policyVersion countsInAnnual note
      assessor { name }
      scores { criterionCode category weight score weightedScore derivedFromIndicator realisation target formula evidence }
      hasilKerja { score weightedSum weightSum formula rating ratingRule }
      perilakuKerja { score weightedSum weightSum formula rating ratingRule }
      score scoreFormula predikat matrixCell
    }
    annual {
      quarterCount hasilKerjaScore hasilKerjaFormula perilakuKerjaScore perilakuKerjaFormula score scoreFormula
      hasilKerjaRating perilakuKerjaRating predikatBeforeInnovationRule matrixCell innovationCount
      innovationRuleApplied innovationRule predikat note
    }
    training { jp ruleJp rule met missingJp }
  }
}`;

/** Quarters 2-4 of worked example 2: every criterion of a category at one score, so the category score is that. */
const EXAMPLE_2: Record<number, [number, number]> = { 2: [108, 110], 3: [112, 112], 4: [115, 114] };

/**
 * The transparency page with hand-worked numbers. Employee 3 (DISDIK, assessed by the head, employee 0) has worked
 * example 1 in Q1 (finalised) and worked example 2's other quarters; 12 JP of training in 2025. Employee 6 scores
 * 115 everywhere (SANGAT_BAIK) without an innovation, and has a DRAFT Q4.
 */
describe('the transparency page', () => {
  let db: TestDatabase;
  let scenario: Scenario;
  let server: TestServer;
  const as: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    db = await createTestDatabase();
    scenario = await buildScenario(db.orm, {
      employees: 7,
      quarters: [1, 2, 3, 4],
      status: (index, quarter) => (index === 6 && quarter === 4 ? 'DRAFT' : 'SUBMITTED'),
      score: (index, quarter, criterion): ScoreSpec => {
        if (index === 6) return 115;
        if (index !== 3) return 100;
        if (quarter === 1) {
          const spec = WORKED_EXAMPLE_1[criterion.code];
          return criterion.code === 'DISIPLIN' ? { score: 95, realisation: 90.25, evidence: 'Rekap absensi' } : spec;
        }
        return EXAMPLE_2[quarter][criterion.category === 'HASIL_KERJA' ? 0 : 1];
      },
    });
    const em = db.orm.em.fork();
    const q1 = scenario.evaluations.find((e) => e.employeeIndex === 3 && e.quarter === 1)!;
    await finalizeEvaluation(em, await em.findOneOrFail(Evaluation, q1.id), DEFAULT_SCORING_POLICY);
    const [training] = await em
      .getConnection()
      .execute(
        `insert into training (code, title, kind, hours_jp) values ('WS-1', 'Workshop', 'WORKSHOP', 12) returning id`,
      );
    await em
      .getConnection()
      .execute(
        `insert into participation (training_id, employee_id, status, completed_on, hours_jp) values (?, ?, 'COMPLETED', '2025-05-02', 12)`,
        [training.id, scenario.employees[3].id],
      );
    const account = async (login: string, role: Parameters<typeof accountToken>[1]['role'], index?: number) => {
      as[login] = (
        await accountToken(em, { login, role, employeeId: index === undefined ? null : scenario.employees[index].id })
      ).headers;
    };
    await account('guru3', 'EMPLOYEE', 3);
    await account('guru6', 'EMPLOYEE', 6);
    await account('kadis', 'SUPERVISOR', 0);
    await account('analis', 'ANALYST');
    await account('admin', 'ADMIN');
    server = await startTestServer(db.orm);
  });

  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  let page: Json;

  it('the employee sees their own page by default: the criteria in force, thresholds, weights and assessor', async () => {
    // In English: the explanations below are checked in the words of the worked examples (Indonesian, the default,
    // is checked in test/i18n.test.ts).
    page = (await ok(server, { ...as.guru3, 'accept-language': 'en' }, PAGE, { year: 2025 })).transparency;
    expect(page).toMatchObject({
      year: 2025,
      policyVersion: DEFAULT_SCORING_POLICY.version,
      hasilKerjaWeight: 0.7,
      perilakuKerjaWeight: 0.3,
      thresholdDiAtas: 110,
      thresholdSesuai: 90,
      employmentType: 'PNS',
      employee: { nip: scenario.employees[3].nip },
      assessor: { name: scenario.employees[0].name, position: 'Kepala', agencyCode: 'DISDIK' },
    });
    expect(page.criteria.map((c: Json) => `${c.code}:${c.weight}`)).toEqual([
      'PROFESIONALISME:20',
      'DISIPLIN:15',
      'INOVASI:15',
      'PRESTASI_SISWA:30',
      'KEHADIRAN_KEGIATAN:20',
      'BERORIENTASI_PELAYANAN:15',
      'AKUNTABEL:15',
      'KOMPETEN:15',
      'HARMONIS:10',
      'LOYAL:15',
      'ADAPTIF:15',
      'KOLABORATIF:15',
    ]);
  });

  it('Q1 shows worked example 1 step by step: scores and evidence, weighted sums, 70/30, ratings, the matrix cell', async () => {
    const q1 = page.quarters[0];
    expect(q1).toMatchObject({
      quarter: 1,
      label: 'Q1 2025',
      status: 'FINAL',
      agencyCode: 'DISDIK',
      resultsStored: true,
      countsInAnnual: true,
      assessor: { name: scenario.employees[0].name },
      predikat: 'BAIK',
      scoreFormula: '0.7 x 103.05 + 0.3 x 104 = 103.335',
      matrixCell: 'work results SESUAI_EKSPEKTASI x behaviour SESUAI_EKSPEKTASI -> BAIK (PermenPANRB 6/2022 matrix)',
    });
    expect(q1.score).toBeCloseTo(103.335, 10);
    expect(q1.note).toContain('Final: the results were stored when finalised');
    expect(q1.hasilKerja).toMatchObject({
      weightedSum: 10305,
      weightSum: 100,
      formula: '(20 x 95 + 15 x 95 + 15 x 112 + 30 x 110 + 20 x 100) / 100 = 10305 / 100 = 103.05',
      rating: 'SESUAI_EKSPEKTASI',
      ratingRule: '103.05 is at least 90 and below 110: SESUAI_EKSPEKTASI',
    });
    expect(q1.perilakuKerja).toMatchObject({
      weightedSum: 10400,
      weightSum: 100,
      formula: '(15 x 100 + 15 x 105 + 15 x 110 + 10 x 95 + 15 x 100 + 15 x 115 + 15 x 100) / 100 = 10400 / 100 = 104',
      ratingRule: '104 is at least 90 and below 110: SESUAI_EKSPEKTASI',
    });
    const disiplin = q1.scores.find((s: Json) => s.criterionCode === 'DISIPLIN');
    expect(disiplin).toMatchObject({
      weight: 15,
      score: 95,
      weightedScore: 1425,
      derivedFromIndicator: true,
      realisation: 90.25,
      target: 95,
      formula: 'min(120, 100 x 90.25 / 95) = 95',
      evidence: 'Rekap absensi',
    });
    expect(q1.scores.find((s: Json) => s.criterionCode === 'INOVASI')).toMatchObject({ formula: null, score: 112 });
  });

  it('the annual result is worked example 2: the means, 70/30, the matrix cell and the innovation rule', async () => {
    expect(page.quarters.map((q: Json) => [q.quarter, q.status, q.hasilKerja.score, q.perilakuKerja.score])).toEqual([
      [1, 'FINAL', expect.closeTo(103.05, 10), expect.closeTo(104, 10)],
      [2, 'SUBMITTED', 108, 110],
      [3, 'SUBMITTED', 112, 112],
      [4, 'SUBMITTED', 115, 114],
    ]);
    const annual = page.annual;
    expect(annual).toMatchObject({
      quarterCount: 4,
      hasilKerjaFormula: 'mean(103.05, 108, 112, 115) = 109.5125',
      perilakuKerjaFormula: 'mean(104, 110, 112, 114) = 110',
      scoreFormula: '0.7 x 109.5125 + 0.3 x 110 = 109.65875',
      hasilKerjaRating: 'SESUAI_EKSPEKTASI',
      perilakuKerjaRating: 'DI_ATAS_EKSPEKTASI',
      predikatBeforeInnovationRule: 'BAIK',
      matrixCell: 'work results SESUAI_EKSPEKTASI x behaviour DI_ATAS_EKSPEKTASI -> BAIK (PermenPANRB 6/2022 matrix)',
      innovationCount: 0,
      innovationRuleApplied: false,
      predikat: 'BAIK',
      note: null,
    });
    expect(annual.score).toBeCloseTo(109.65875, 10);
    expect(annual.innovationRule).toContain('the rule does not change it');
  });

  it('training JP against the 20 JP rule', () => {
    expect(page.training).toEqual({
      jp: 12,
      ruleJp: 20,
      rule: 'PNS: at least 20 JP of competence development a year (PP 11/2017 Pasal 203)',
      met: false,
      missingJp: 8,
    });
  });

  it('SANGAT_BAIK without a verified innovation becomes BAIK, and says why; a DRAFT quarter shows no scores', async () => {
    const other = (await ok(server, { ...as.guru6, 'accept-language': 'en' }, PAGE, { year: 2025 })).transparency;
    expect(other.annual).toMatchObject({
      quarterCount: 3,
      predikatBeforeInnovationRule: 'SANGAT_BAIK',
      innovationRuleApplied: true,
      predikat: 'BAIK',
    });
    expect(other.annual.innovationRule).toContain('None, so SANGAT_BAIK became BAIK.');
    expect(other.annual.note).toContain('SANGAT_BAIK requires at least one verified innovation in 2025');
    const q4 = other.quarters[3];
    expect(q4).toMatchObject({ status: 'DRAFT', scores: [], score: null, predikat: null, countsInAnnual: false });
    expect(q4.note).toContain('The assessor is still scoring this quarter');
    expect(other.training).toMatchObject({ jp: 0, met: false, missingJp: 20 });
  });

  it('the supervisor sees a report\u2019s page; a colleague and an analyst do not', async () => {
    const seen = (await ok(server, as.kadis, PAGE, { nip: scenario.employees[3].nip, year: 2025 })).transparency;
    expect(seen.annual.score).toBeCloseTo(109.65875, 10);
    expect((await refused(server, as.guru6, PAGE, { nip: scenario.employees[3].nip, year: 2025 })).code).toBe(
      'FORBIDDEN',
    );
    const analyst = await refused(server, as.analis, PAGE, { nip: scenario.employees[3].nip, year: 2025 });
    expect(analyst.code).toBe('FORBIDDEN');
    const noEmployee = await refused(server, as.admin, PAGE, { year: 2025 });
    expect(noEmployee).toMatchObject({ code: 'BAD_USER_INPUT', field: 'nip' });
  });
});
