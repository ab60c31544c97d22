import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_POLICY } from '@kinerja/shared';
import { loadInitialData } from '../src/db/initial-data.js';
import { refreshAnalytics } from '../src/modules/analytics/index.js';
import { closeHistoryThrough, onWritesDone } from '../src/modules/results/index.js';
import { accountToken } from './helpers/auth.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';
import { checkStoredResults } from './helpers/results-check.js';
import { buildScenario, type Scenario, type ScenarioOptions } from './helpers/scenario.js';
import { startTestServer, type TestServer } from './helpers/server.js';
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
} from './workflow/helpers.js';

/**
 * Issue 8 acceptance 1 and 2: the stored results are those of the shared rules after every write path, and closing a
 * period by the mutation or by the import leaves the same audit entries and versions. The independent check is
 * `checkStoredResults` (every evaluation and every annual result of the database).
 */

const CLOSE = `mutation ($input: PeriodChangeInput!) { closePeriod(input: $input) { finalized drafts objected } }`;
const REPLACE = `mutation ($input: ReplaceCriterionWeightsInput!) { replaceCriterionWeights(input: $input) { code } }`;
const CREATE = `mutation ($input: CreateCriterionInput!) { createCriterion(input: $input) { code } }`;
const RECORD_INNOVATION = `mutation ($input: RecordInnovationInput!) { recordInnovation(input: $input) { id } }`;
const VERIFY_INNOVATION = `mutation ($input: VerifyInnovationInput!) { verifyInnovation(input: $input) { id } }`;
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

describe('acceptance 1: after every write path, the stored results are those of the shared rules', () => {
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

  /** The stale marks each writer's transaction left for the analytics, seen before its refresh consumes them. */
  const marked: { kind: string; agency_id: number | null; year: number | null; quarter: number | null }[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    scenario = await buildScenario(db.orm, SCENARIO);
    onWritesDone(async (sql) => {
      const { rows } = await sql.query<(typeof marked)[number]>(
        'select kind, agency_id, year, quarter from analytics_stale',
      );
      marked.push(...rows);
      await refreshAnalytics(sql);
    });
    server = await startTestServer(db.orm);
    admin = (await accountToken(db.orm.em.fork(), { login: 'admin', role: 'ADMIN' })).headers;
  });

  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  it('drives save, submit, acknowledge, object, decide, finalise, weights, criteria, innovations, closing, import', async () => {
    const nip = (index: number) => scenario.employees[index].nip;
    // save: change a DRAFT, and start an evaluation by employee and period; submit it.
    const draft = evaluationOf(6, 2);
    await ok(server, admin, SAVE, {
      input: { evaluationId: draft, version: await versionOf(draft), scores: WORKED_EXAMPLE_1_INPUT.slice(0, 6) },
    });
    const started = await ok(server, admin, SAVE, {
      input: {
        employeeNip: nip(5),
        period: { year: 2025, quarter: 2 },
        scores: [{ criterionCode: 'AKUNTABEL', score: 117 }],
      },
    });
    const startedId = started.saveEvaluationDraft.id as number;
    await ok(server, admin, SAVE, {
      input: {
        evaluationId: startedId,
        version: await versionOf(startedId),
        scores: [{ criterionCode: 'PROFESIONALISME', score: 88.5 }],
      },
    });
    await ok(server, admin, SUBMIT, { input: { evaluationId: startedId, version: await versionOf(startedId) } });
    // acknowledge and finalise; object and decide (upheld, with a changed score).
    const acknowledged = evaluationOf(3, 2);
    await ok(server, admin, ACKNOWLEDGE, {
      input: { evaluationId: acknowledged, version: await versionOf(acknowledged) },
    });
    await ok(server, admin, FINALIZE, {
      input: { evaluationId: acknowledged, version: await versionOf(acknowledged) },
    });
    const objected = evaluationOf(1, 2);
    await ok(server, admin, OBJECT, {
      input: { evaluationId: objected, version: await versionOf(objected), reason: 'Bukti kerja belum dinilai' },
    });
    await ok(server, admin, DECIDE, {
      input: {
        evaluationId: objected,
        version: await versionOf(objected),
        decision: 'UPHELD',
        note: 'Bukti diterima',
        scores: [{ criterionCode: 'PROFESIONALISME', score: 109.99999999999999 }],
      },
    });
    const pending = evaluationOf(9, 2);
    await ok(server, admin, OBJECT, {
      input: { evaluationId: pending, version: await versionOf(pending), reason: 'Tidak sesuai' },
    });
    // Weights: an agency's criteria re-weighted; a new criterion lowering another.
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
    // A verified innovation (the annual innovation rule).
    const innovation = await ok(server, admin, RECORD_INNOVATION, {
      input: { employeeNip: nip(3), year: 2025, quarter: 2, title: 'Aplikasi presensi guru' },
    });
    await ok(server, admin, VERIFY_INNOVATION, { input: { innovationId: innovation.recordInnovation.id } });
    // Closing Q1, then an import into the open Q2: a new evaluation and a changed one.
    await ok(server, admin, CLOSE, { input: { year: 2025, quarter: 1, reason: 'Batas waktu TW I' } });
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

    const check = await checkStoredResults(db.orm, DEFAULT_SCORING_POLICY);
    expect(check.mismatches).toEqual([]);
    expect(check.withScores).toBe(check.evaluations);
    expect(check.evaluations).toBe(20);
    expect(check.annual).toBeGreaterThanOrEqual(9);
  });

  it('marks what the writes touched stale for the analytics', async () => {
    // The marks are consumed by the analytics refresh at the end of each transaction: none is left behind.
    const left = await db.orm.em.fork().getConnection().execute<unknown[]>('select * from analytics_stale');
    expect(left).toEqual([]);
    const marks = marked;
    const kinds = new Set(marks.map((m) => m.kind));
    for (const kind of ['scores', 'annual', 'criteria', 'innovations']) expect(kinds).toContain(kind);
    const disdik = scenario.agencyIds.get('DISDIK')!;
    expect(marks).toContainEqual({ kind: 'scores', agency_id: disdik, year: 2025, quarter: 2 });
    expect(marks).toContainEqual({ kind: 'innovations', agency_id: disdik, year: 2025, quarter: null });
  });
});

describe('acceptance 1: the demo load (import and the closing of its history)', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
    await loadInitialData(db.orm, { log: () => undefined, employees: 120, today: '2025-08-15' });
  });

  afterAll(async () => {
    await db?.close();
  });

  it('stores the results of the shared rules for every evaluation, frozen years included', async () => {
    const check = await checkStoredResults(db.orm, DEFAULT_SCORING_POLICY);
    expect(check.mismatches).toEqual([]);
    expect(check.evaluations).toBeGreaterThan(1000);
    expect(check.annual).toBeGreaterThan(200);
    const [frozen] = await db.orm.em
      .fork()
      .getConnection()
      .execute<{ closed: number; open: number }[]>(
        `select count(*) filter (where frozen_at is not null and year <= 2024)::int as closed,
                count(*) filter (where frozen_at is not null and year = 2025)::int as open
           from annual_result`,
      );
    // 2023 and 2024 are closed years; 2025 is not (its third quarter is the current one).
    expect(frozen.closed).toBeGreaterThan(0);
    expect(frozen.open).toBe(0);
  });

  it('dates the imported history in its quarters, not at the time of the import', async () => {
    const rows = await db.orm.em
      .fork()
      .getConnection()
      .execute<{ late: number; finalised: number; closed_late: number }[]>(
        `select count(*) filter (where e.finalized_at > (make_date(p.year, p.quarter * 3 - 2, 1) + interval '3 months'))::int as late,
                count(*) filter (where e.finalized_at is not null)::int as finalised,
                (select count(*)::int from period q where q.status = 'CLOSED'
                   and (q.closed_at < make_date(q.year, q.quarter * 3 - 2, 1) + interval '3 months'
                        or q.closed_at > make_date(q.year, q.quarter * 3 - 2, 1) + interval '3 months 1 day')) as closed_late
           from evaluation e join period p on p.id = e.period_id where p.status = 'CLOSED'`,
      );
    expect(rows[0].finalised).toBeGreaterThan(0);
    expect(rows[0].late).toBe(0);
    expect(rows[0].closed_late).toBe(0);
  });
});

describe('acceptance 2: closing by the mutation and by the import leaves the same audit entries and versions', () => {
  let byMutation: TestDatabase;
  let byImport: TestDatabase;
  let server: TestServer;

  /** Q1 of 2025 with evaluations in every status but FINAL. */
  const options: ScenarioOptions = {
    employees: 12,
    quarters: [1, 2],
    status: (index) => (['DRAFT', 'SUBMITTED', 'ACKNOWLEDGED', 'OBJECTED'] as const)[index % 4],
  };

  beforeAll(async () => {
    byMutation = await createTestDatabase();
    byImport = await createTestDatabase();
    await buildScenario(byMutation.orm, options);
    await buildScenario(byImport.orm, options);
    server = await startTestServer(byMutation.orm);
    const admin = (await accountToken(byMutation.orm.em.fork(), { login: 'admin', role: 'ADMIN' })).headers;
    await ok(server, admin, CLOSE, { input: { year: 2025, quarter: 1, reason: 'history' } });
    // What `pnpm run import --close-through 2025-Q1` runs after its import.
    await closeHistoryThrough(
      byImport.orm,
      { year: 2025, quarter: 1 },
      { actor: 'admin', policy: DEFAULT_SCORING_POLICY, reason: 'history' },
    );
  });

  afterAll(async () => {
    await server?.stop();
    await byMutation?.close();
    await byImport?.close();
  });

  const state = async (db: TestDatabase) => {
    const connection = db.orm.em.fork().getConnection();
    return {
      audit: await connection.execute(
        `select actor, action, entity_type, entity_id, before, after, reason from audit_log
          where action like 'period.%' or entity_type = 'evaluation' order by id`,
      ),
      evaluations: await connection.execute(
        `select id, status, version, hasil_kerja_score, perilaku_kerja_score, score, hasil_kerja_rating,
                perilaku_kerja_rating, predikat, policy_version, result_weights from evaluation order by id`,
      ),
      periods: await connection.execute('select id, year, quarter, status from period order by id'),
    };
  };

  it('one compact period.close entry listing the evaluations finalised, the same versions and results', async () => {
    const [mutation, imported] = [await state(byMutation), await state(byImport)];
    expect(imported).toEqual(mutation);
    expect(mutation.audit).toHaveLength(1);
    const [entry] = mutation.audit as {
      action: string;
      after: { finalized: number; finalizedEvaluations: number[] };
    }[];
    expect(entry.action).toBe('period.close');
    // 12 employees in Q1: 3 SUBMITTED and 3 ACKNOWLEDGED are finalised, each with its version raised by one.
    expect(entry.after.finalized).toBe(6);
    const finalised = (mutation.evaluations as { id: number; status: string; version: number }[]).filter((e) =>
      entry.after.finalizedEvaluations.includes(e.id),
    );
    expect(finalised).toHaveLength(6);
    for (const e of finalised) expect(e).toMatchObject({ status: 'FINAL', version: 2 });
  });
});
