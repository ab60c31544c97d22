import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadInitialData } from '../../src/db/initial-data.js';
import { accountToken } from '../helpers/auth.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { readModelDifferences } from '../helpers/read-models-check.js';
import { buildScenario, type Scenario, type ScenarioOptions } from '../helpers/scenario.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import {
  ACKNOWLEDGE,
  DECIDE,
  FINALIZE,
  OBJECT,
  ok,
  SAVE,
  SUBMIT,
  WORKED_EXAMPLE_1,
  WORKED_EXAMPLE_1_INPUT,
} from '../workflow/helpers.js';

/**
 * The analytics read models are refreshed at the end of every writer's transaction (docs/analytics.md "Read models and their refresh"):
 * after each write path below, no stale mark is left and `analytics_evaluation`, `analytics_score` and
 * `analytics_cell` equal a from-scratch rebuild, row by row. The write paths are those that mark figures stale (docs/scoring.md "Stale
 * marks"): save, submit, acknowledge, object, decide, finalise, re-weighting, a new criterion, innovations, training
 * participation, the org predikat, closing a period, the import, and the demo load.
 */

const CLOSE = `mutation ($input: PeriodChangeInput!) { closePeriod(input: $input) { finalized drafts objected } }`;
const REPLACE = `mutation ($input: ReplaceCriterionWeightsInput!) { replaceCriterionWeights(input: $input) { code } }`;
const CREATE = `mutation ($input: CreateCriterionInput!) { createCriterion(input: $input) { code } }`;
const RECORD_INNOVATION = `mutation ($input: RecordInnovationInput!) { recordInnovation(input: $input) { id } }`;
const VERIFY_INNOVATION = `mutation ($input: VerifyInnovationInput!) { verifyInnovation(input: $input) { id } }`;
const CREATE_TRAINING = `mutation ($input: CreateTrainingInput!) { createTraining(input: $input) { code } }`;
const PARTICIPATION = `mutation ($input: RecordParticipationInput!) { recordParticipation(input: $input) { hoursJp } }`;
const SET_ORG = `mutation ($input: OrgPredikatInput!) { setOrgPredikat(input: $input) { year } }`;
const IMPORT = `mutation ($input: ImportDataInput!) { importData(input: $input) { committed errors { message } } }`;

/** DISDIK staff 3, 6, 9 (0 heads DISDIK; 1, 4, 7 are DINKES; 2, 5, 8 BKPSDM): Q1 and Q2 of 2025. */
const SCENARIO: ScenarioOptions = {
  employees: 10,
  quarters: [1, 2],
  status: (index, quarter) => {
    if (quarter === 1) return index === 9 ? 'DRAFT' : 'SUBMITTED';
    if (index === 5 || index === 7) return null; // started by the save below, and by the import
    return index % 2 === 0 ? 'DRAFT' : 'SUBMITTED';
  },
  score: (index, quarter, criterion) =>
    index === 3
      ? (WORKED_EXAMPLE_1[criterion.code] ?? null)
      : 80 + ((index * 7 + quarter * 3 + criterion.code.length * 5 + criterion.weight) % 40),
};

describe('after every write path, the read models equal a from-scratch rebuild', () => {
  let db: TestDatabase;
  let server: TestServer;
  let scenario: Scenario;
  let admin: Record<string, string> = {};

  const versionOf = async (id: number) => {
    const [row] = await db.orm.em
      .fork()
      .getConnection()
      .execute<{ version: number }[]>('select version from evaluation where id = ?', [id]);
    return row.version;
  };
  const evaluationOf = (index: number, quarter: number) =>
    scenario.evaluations.find((e) => e.employeeIndex === index && e.quarter === quarter)!.id;
  const nip = (index: number) => scenario.employees[index].nip;
  /** The read models after a step: fresh, and (so the comparison cannot pass on empty tables) not empty. */
  const expectFresh = async (step: string) => {
    const check = await readModelDifferences(db.orm);
    expect({ step, differences: check.differences }).toEqual({ step, differences: [] });
    expect(check.evaluations).toBeGreaterThan(0);
    expect(check.scores).toBeGreaterThan(check.evaluations);
    expect(check.cells).toBeGreaterThan(0);
    return check;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    scenario = await buildScenario(db.orm, SCENARIO);
    server = await startTestServer(db.orm);
    admin = (await accountToken(db.orm.em.fork(), { login: 'admin', role: 'ADMIN' })).headers;
  });

  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  it('the scenario: 10 employees, Q1 counted but index 9 (DRAFT), Q2 the odd indexes', async () => {
    const check = await expectFresh('scenario');
    // Q1: 9 counted (index 9 is DRAFT); Q2: SUBMITTED for 1, 3, 9 (5 and 7 have none yet).
    expect(check.evaluations).toBe(9 + 3);
  });

  it('save, submit, acknowledge, finalise, object, decide', async () => {
    const draft = evaluationOf(6, 2);
    await ok(server, admin, SAVE, {
      input: { evaluationId: draft, version: await versionOf(draft), scores: WORKED_EXAMPLE_1_INPUT.slice(0, 6) },
    });
    await expectFresh('save a draft');
    const started = await ok(server, admin, SAVE, {
      input: {
        employeeNip: nip(5),
        period: { year: 2025, quarter: 2 },
        scores: [{ criterionCode: 'AKUNTABEL', score: 117 }],
      },
    });
    const startedId = started.saveEvaluationDraft.id as number;
    await ok(server, admin, SUBMIT, { input: { evaluationId: startedId, version: await versionOf(startedId) } });
    const submitted = await expectFresh('submit');
    expect(submitted.evaluations).toBe(13);
    const acknowledged = evaluationOf(3, 2);
    await ok(server, admin, ACKNOWLEDGE, {
      input: { evaluationId: acknowledged, version: await versionOf(acknowledged) },
    });
    await expectFresh('acknowledge');
    await ok(server, admin, FINALIZE, {
      input: { evaluationId: acknowledged, version: await versionOf(acknowledged) },
    });
    await expectFresh('finalise');
    const objected = evaluationOf(1, 2);
    await ok(server, admin, OBJECT, {
      input: { evaluationId: objected, version: await versionOf(objected), reason: 'Bukti kerja belum dinilai' },
    });
    // OBJECTED does not count: the row left the read models.
    expect((await expectFresh('object')).evaluations).toBe(12);
    await ok(server, admin, DECIDE, {
      input: {
        evaluationId: objected,
        version: await versionOf(objected),
        decision: 'UPHELD',
        note: 'Bukti diterima',
        scores: [{ criterionCode: 'PROFESIONALISME', score: 109.99999999999999 }],
      },
    });
    expect((await expectFresh('decide')).evaluations).toBe(13);
  });

  it('weights, a new criterion, innovations, training, the org predikat', async () => {
    await ok(server, admin, REPLACE, {
      input: {
        agencyCode: 'DISDIK',
        year: 2025,
        category: 'HASIL_KERJA',
        weights: [
          { criterionCode: 'PROFESIONALISME', weight: 20 },
          { criterionCode: 'DISIPLIN', weight: 15 },
          { criterionCode: 'INOVASI', weight: 15 },
          { criterionCode: 'PRESTASI_SISWA', weight: 40 },
          { criterionCode: 'KEHADIRAN_KEGIATAN', weight: 10 },
        ],
      },
    });
    await expectFresh('replace weights');
    await ok(server, admin, CREATE, {
      input: {
        code: 'LITERASI',
        name: 'Gerakan literasi sekolah',
        category: 'HASIL_KERJA',
        weight: 10,
        agencyCode: 'DISDIK',
        yearFrom: 2025,
        otherWeights: [{ criterionCode: 'PRESTASI_SISWA', weight: 30 }],
      },
    });
    await expectFresh('create a criterion');
    const innovation = await ok(server, admin, RECORD_INNOVATION, {
      input: { employeeNip: nip(3), year: 2025, quarter: 2, title: 'Aplikasi presensi guru' },
    });
    await ok(server, admin, VERIFY_INNOVATION, { input: { innovationId: innovation.recordInnovation.id } });
    await expectFresh('innovation');
    await ok(server, admin, CREATE_TRAINING, {
      input: { code: 'LAT-1', title: 'Pelatihan literasi', kind: 'WORKSHOP', hoursJp: 12 },
    });
    await ok(server, admin, PARTICIPATION, {
      input: { trainingCode: 'LAT-1', employeeNip: nip(3), status: 'COMPLETED', completedOn: '2025-03-10' },
    });
    await expectFresh('training');
    await ok(server, admin, SET_ORG, { input: { agencyCode: 'DISDIK', year: 2025, predikat: 'BAIK' } });
    await expectFresh('org predikat');
  });

  it('closing a period and an import', async () => {
    await ok(server, admin, CLOSE, { input: { year: 2025, quarter: 1, reason: 'Batas waktu TW I' } });
    await expectFresh('close Q1');
    const rows = [
      'nip,year,quarter,criterion_code,score,status',
      `${nip(7)},2025,2,PROFESIONALISME,101,SUBMITTED`,
      `${nip(7)},2025,2,KOMPETEN,93,SUBMITTED`,
      `${nip(4)},2025,2,AKUNTABEL,64,DRAFT`,
    ];
    const imported = await ok(server, admin, IMPORT, {
      input: { files: [{ name: 'scores.csv', content: rows.join('\n') + '\n' }] },
    });
    expect(imported.importData).toEqual({ committed: true, errors: [] });
    // The import added index 7's Q2 (SUBMITTED); index 4's stays DRAFT and does not count.
    expect((await expectFresh('import')).evaluations).toBe(14);
  });
});

describe('the demo load (import and the closing of its history) leaves fresh read models', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
    await loadInitialData(db.orm, { log: () => undefined, employees: 120, today: '2025-08-15' });
  });

  afterAll(async () => {
    await db?.close();
  });

  it('equals a from-scratch rebuild', async () => {
    const check = await readModelDifferences(db.orm);
    expect(check.differences).toEqual([]);
    expect(check.evaluations).toBeGreaterThan(500);
    expect(check.cells).toBeGreaterThan(100);
  });
});
