import { isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_POLICY } from '@kinerja/shared';
import { buildKinerjaSchema } from '../../src/api/schema.js';
import { accountToken } from '../helpers/auth.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { buildScenario, type Scenario } from '../helpers/scenario.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { ACKNOWLEDGE, DECIDE, FINALIZE, OBJECT, ok, refused, SAVE, SUBMIT, type Json } from './helpers.js';

/**
 * Acceptance 3: every mutation of the workflow writes an audit entry with who, what, the state before and after, and
 * why. Each mutation runs once here with its own reason; the entry it wrote is read back and its contents checked.
 * A last test fails when the schema gains a mutation that this file does not cover.
 *
 * Scenario: DISDIK head 0 (no superior) with staff 3 (no evaluation yet) and 6 (SUBMITTED), 2025 Q1.
 */

/** The mutations of the workflow (PART B) and the audit action each writes. */
const COVERED: Record<string, string> = {
  saveEvaluationDraft: 'evaluation.create / evaluation.save',
  submitEvaluation: 'evaluation.submit',
  acknowledgeEvaluation: 'evaluation.acknowledge',
  objectToEvaluation: 'evaluation.object',
  decideObjection: 'objection.decide',
  finalizeEvaluation: 'evaluation.finalize',
  openPeriod: 'period.open',
  closePeriod: 'period.close',
  createCriterion: 'criterion.create',
  replaceCriterionWeights: 'criterion.reweight',
  recordInnovation: 'innovation.record',
  verifyInnovation: 'innovation.verify',
  createTraining: 'training.create',
  recordParticipation: 'participation.record',
  proposeOrgPredikat: 'org-performance.propose',
  setOrgPredikat: 'org-performance.set',
  importData: 'import.run',
  exportPersonalData: 'personal_data.export',
  writeFeedbackNote: 'feedback.write',
  answerFeedbackNote: 'feedback.answer',
  recordPerformanceDialogue: 'dialogue.record',
  confirmPerformanceDialogue: 'dialogue.confirm',
  linkDevelopmentAction: 'development_action.link',
  transferEmployee: 'employee.transfer',
  changeSupervisor: 'employee.supervisor',
  retireEmployee: 'employee.retire',
  assignActingAssessor: 'acting.assign',
  endActingAssignment: 'acting.end',
};

/** Account mutations (login, passwords, accounts): audited by the accounts module and its tests. */
const ACCOUNT_MUTATIONS = [
  'login',
  'logout',
  'changePassword',
  'createAccount',
  'createAccounts',
  'resetPassword',
  // disabling and enabling: audited, tested in test/auth/accounts.test.ts
  'disableAccount',
  'enableAccount',
];
/** Marking one's own notices read changes no record of the appraisal (docs/dialogue.md#notices): not audited. */
const NOT_AUDITED = ['markNoticesRead'];

interface Entry {
  id: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string | null;
  before: Json;
  after: Json;
  reason: string | null;
}

describe('acceptance 3: every mutation writes an audit entry with who, before, after and why', () => {
  let db: TestDatabase;
  let scenario: Scenario;
  let server: TestServer;
  const as: Record<string, Record<string, string>> = {};
  const seen = new Set<string>();
  let evaluation3: number;

  beforeAll(async () => {
    db = await createTestDatabase();
    scenario = await buildScenario(db.orm, {
      employees: 7,
      quarters: [1],
      status: (index) => (index === 3 ? null : 'SUBMITTED'),
    });
    const em = db.orm.em.fork();
    const account = async (login: string, role: Parameters<typeof accountToken>[1]['role'], index?: number) => {
      as[login] = (
        await accountToken(em, { login, role, employeeId: index === undefined ? null : scenario.employees[index].id })
      ).headers;
    };
    await account('kadis', 'AGENCY_HEAD', 0);
    await account('guru3', 'EMPLOYEE', 3);
    await account('guru6', 'EMPLOYEE', 6);
    await account('admin', 'ADMIN');
    await account('sekda', 'LEADER');
    server = await startTestServer(db.orm);
  });

  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  /** The newest audit entry with this action, read through the auditLog query (administrators). */
  async function latest(action: string): Promise<Entry> {
    const data = await ok(
      server,
      as.admin,
      `query ($action: String!) {
        auditLog(filter: { action: $action }, first: 1) {
          totalCount edges { node { id at actor action entityType entityId before after reason } }
        }
      }`,
      { action },
    );
    expect(data.auditLog.totalCount, `entries of ${action}`).toBeGreaterThan(0);
    const node = data.auditLog.edges[0].node;
    expect(Date.now() - new Date(node.at).getTime()).toBeLessThan(60_000);
    seen.add(action);
    return node;
  }

  const score = (state: Json, code: string) => state.scores.find((s: Json) => s.criterion === code)?.score;

  it('saveEvaluationDraft: a start (before null) and a change (old and new scores)', async () => {
    const created = await ok(server, as.kadis, SAVE, {
      input: {
        employeeNip: scenario.employees[3].nip,
        period: { year: 2025, quarter: 1 },
        scores: [
          { criterionCode: 'PROFESIONALISME', score: 95, evidence: 'LKH Januari-Maret' },
          { criterionCode: 'KOMPETEN', score: 100 },
        ],
        reason: 'why-create',
      },
    });
    evaluation3 = created.saveEvaluationDraft.id;
    const start = await latest('evaluation.create');
    expect(start).toMatchObject({
      actor: 'kadis',
      entityType: 'evaluation',
      entityId: String(evaluation3),
      before: null,
      reason: 'why-create',
      after: { status: 'DRAFT', version: 1, assessorId: scenario.employees[0].id },
    });
    expect(start.after.scores).toEqual([
      {
        criterion: 'PROFESIONALISME',
        score: 95,
        realisation: null,
        derivedFromIndicator: false,
        evidence: 'LKH Januari-Maret',
      },
      { criterion: 'KOMPETEN', score: 100, realisation: null, derivedFromIndicator: false, evidence: null },
    ]);

    await ok(server, as.kadis, SAVE, {
      input: {
        evaluationId: evaluation3,
        version: 1,
        scores: [
          { criterionCode: 'PROFESIONALISME', score: 105 },
          { criterionCode: 'DISIPLIN', realisation: 90.25 },
        ],
        reason: 'why-save',
      },
    });
    const change = await latest('evaluation.save');
    expect(change).toMatchObject({ actor: 'kadis', reason: 'why-save', before: { version: 1 }, after: { version: 2 } });
    expect(score(change.before, 'PROFESIONALISME')).toBe(95);
    expect(score(change.after, 'PROFESIONALISME')).toBe(105);
    expect(score(change.before, 'DISIPLIN')).toBeUndefined();
    expect(change.after.scores.find((s: Json) => s.criterion === 'DISIPLIN')).toMatchObject({
      score: 95,
      realisation: 90.25,
      derivedFromIndicator: true,
    });
    // HASIL_KERJA (20 x 105 + 15 x 95) / 35 = 100.714...; before: 95 alone.
    expect(change.before.results.hasilKerjaScore).toBe(95);
    expect(change.after.results.hasilKerjaScore).toBeCloseTo(3525 / 35, 10);
  });

  it('submitEvaluation, objectToEvaluation, decideObjection, finalizeEvaluation: each step before and after', async () => {
    await ok(server, as.kadis, SUBMIT, { input: { evaluationId: evaluation3, version: 2, reason: 'why-submit' } });
    expect(await latest('evaluation.submit')).toMatchObject({
      actor: 'kadis',
      reason: 'why-submit',
      before: { status: 'DRAFT', version: 2 },
      after: { status: 'SUBMITTED', version: 3 },
    });

    await ok(server, as.guru3, OBJECT, { input: { evaluationId: evaluation3, version: 3, reason: 'why-object' } });
    expect(await latest('evaluation.object')).toMatchObject({
      actor: 'guru3',
      reason: 'why-object',
      before: { status: 'SUBMITTED', version: 3 },
      after: { status: 'OBJECTED', version: 4, objection: { status: 'PENDING', reason: 'why-object' } },
    });

    // The assessor (the head) has no superior in the system: a LEADER decides.
    await ok(server, as.sekda, DECIDE, {
      input: {
        evaluationId: evaluation3,
        version: 4,
        decision: 'UPHELD',
        note: 'why-decide',
        scores: [{ criterionCode: 'KOMPETEN', score: 110 }],
      },
    });
    const decision = await latest('objection.decide');
    expect(decision).toMatchObject({
      actor: 'sekda',
      reason: 'why-decide',
      before: { status: 'OBJECTED', objection: { status: 'PENDING', reason: 'why-object' } },
      after: { status: 'ACKNOWLEDGED', objection: { status: 'UPHELD', note: 'why-decide' } },
    });
    expect(score(decision.before, 'KOMPETEN')).toBe(100);
    expect(score(decision.after, 'KOMPETEN')).toBe(110);
    expect(decision.before.results.perilakuKerjaScore).toBe(100);
    expect(decision.after.results.perilakuKerjaScore).toBe(110);

    await ok(server, as.kadis, FINALIZE, { input: { evaluationId: evaluation3, version: 5, reason: 'why-finalize' } });
    const finalised = await latest('evaluation.finalize');
    expect(finalised).toMatchObject({
      actor: 'kadis',
      reason: 'why-finalize',
      before: { status: 'ACKNOWLEDGED', version: 5 },
      after: { status: 'FINAL', version: 6, results: { policyVersion: DEFAULT_SCORING_POLICY.version } },
    });
    expect(finalised.after.results.perilakuKerjaScore).toBe(110);
  });

  it('acknowledgeEvaluation', async () => {
    const id = scenario.evaluations.find((e) => e.employeeIndex === 6)!.id;
    await ok(server, as.guru6, ACKNOWLEDGE, { input: { evaluationId: id, version: 1, reason: 'why-acknowledge' } });
    expect(await latest('evaluation.acknowledge')).toMatchObject({
      actor: 'guru6',
      entityId: String(id),
      reason: 'why-acknowledge',
      before: { status: 'SUBMITTED', version: 1 },
      after: { status: 'ACKNOWLEDGED', version: 2 },
    });
  });

  it('openPeriod and closePeriod', async () => {
    await ok(
      server,
      as.admin,
      `mutation { openPeriod(input: { year: 2025, quarter: 2, reason: "why-open" }) { status } }`,
    );
    expect(await latest('period.open')).toMatchObject({
      actor: 'admin',
      entityType: 'period',
      reason: 'why-open',
      before: null,
      after: { year: 2025, quarter: 2, status: 'OPEN' },
    });
    await ok(
      server,
      as.admin,
      `mutation { closePeriod(input: { year: 2025, quarter: 1, reason: "why-close" }) { finalized } }`,
    );
    expect(await latest('period.close')).toMatchObject({
      actor: 'admin',
      entityId: String(scenario.periodIds.get(1)),
      reason: 'why-close',
      before: { year: 2025, quarter: 1, status: 'OPEN' },
      after: { status: 'CLOSED', policyVersion: DEFAULT_SCORING_POLICY.version },
    });
  });

  it('createCriterion and replaceCriterionWeights', async () => {
    await ok(server, as.admin, `mutation ($input: CreateCriterionInput!) { createCriterion(input: $input) { code } }`, {
      input: {
        code: 'LITERASI',
        name: 'Gerakan literasi sekolah',
        category: 'HASIL_KERJA',
        weight: 10,
        agencyCode: 'DISDIK',
        yearFrom: 2026,
        otherWeights: [{ criterionCode: 'KEHADIRAN_KEGIATAN', weight: 10 }],
        reason: 'why-create-criterion',
      },
    });
    const created = await latest('criterion.create');
    expect(created).toMatchObject({
      actor: 'admin',
      entityType: 'criterion',
      reason: 'why-create-criterion',
      before: null,
      after: { code: 'LITERASI', weight: 10, agency: 'DISDIK', yearFrom: 2026 },
    });
    expect(created.after.otherWeights).toMatchObject([{ criterion: 'KEHADIRAN_KEGIATAN', from: 20, to: 10 }]);

    await ok(
      server,
      as.admin,
      `mutation ($input: ReplaceCriterionWeightsInput!) { replaceCriterionWeights(input: $input) { code weight } }`,
      {
        input: {
          agencyCode: 'DINKES',
          year: 2025,
          category: 'HASIL_KERJA',
          weights: [
            { criterionCode: 'PROFESIONALISME', weight: 20 },
            { criterionCode: 'DISIPLIN', weight: 15 },
            { criterionCode: 'INOVASI', weight: 15 },
            { criterionCode: 'CAKUPAN_KESMAS', weight: 35 },
            { criterionCode: 'POSYANDU', weight: 15 },
          ],
          reason: 'why-reweight',
        },
      },
    );
    const reweighted = await latest('criterion.reweight');
    expect(reweighted).toMatchObject({
      actor: 'admin',
      entityType: 'criterion-weights',
      entityId: 'DINKES/2025/HASIL_KERJA',
      reason: 'why-reweight',
    });
    const weightOf = (list: Json[], code: string) => list.find((w) => w.criterion === code).weight;
    expect(weightOf(reweighted.before, 'CAKUPAN_KESMAS')).toBe(30);
    expect(weightOf(reweighted.after.weights, 'CAKUPAN_KESMAS')).toBe(35);
    expect(reweighted.after.changes.map((c: Json) => [c.criterion, c.from, c.to])).toEqual([
      ['CAKUPAN_KESMAS', 30, 35],
      ['POSYANDU', 20, 15],
    ]);
  });

  it('recordInnovation and verifyInnovation', async () => {
    const recorded = await ok(
      server,
      as.guru6,
      `mutation { recordInnovation(input: { year: 2025, quarter: 1, title: "Kelas literasi", reason: "why-record" }) { id } }`,
    );
    expect(await latest('innovation.record')).toMatchObject({
      actor: 'guru6',
      entityId: String(recorded.recordInnovation.id),
      reason: 'why-record',
      before: null,
      after: { title: 'Kelas literasi', year: 2025, quarter: 1, verified: false },
    });
    await ok(
      server,
      as.kadis,
      `mutation ($id: Int!) { verifyInnovation(input: { innovationId: $id, reason: "why-verify" }) { id } }`,
      {
        id: recorded.recordInnovation.id,
      },
    );
    expect(await latest('innovation.verify')).toMatchObject({
      actor: 'kadis',
      reason: 'why-verify',
      before: { verified: false },
      after: { verified: true, verifiedById: scenario.employees[0].id },
    });
  });

  it('createTraining and recordParticipation', async () => {
    await ok(
      server,
      as.admin,
      `mutation { createTraining(input: { code: "E-LRN-01", title: "Literasi digital", kind: E_LEARNING, hoursJp: 8,
        reason: "why-training" }) { code } }`,
    );
    expect(await latest('training.create')).toMatchObject({
      actor: 'admin',
      reason: 'why-training',
      before: null,
      after: { code: 'E-LRN-01', hoursJp: 8, kind: 'E_LEARNING' },
    });
    await ok(
      server,
      as.kadis,
      `mutation ($nip: String!) { recordParticipation(input: { trainingCode: "E-LRN-01",
      employeeNip: $nip, completedOn: "2025-03-01", reason: "why-participation" }) { status } }`,
      {
        nip: scenario.employees[6].nip,
      },
    );
    expect(await latest('participation.record')).toMatchObject({
      actor: 'kadis',
      reason: 'why-participation',
      before: null,
      after: { status: 'COMPLETED', completedOn: '2025-03-01', hoursJp: 8, trainingCode: 'E-LRN-01' },
    });
  });

  it('proposeOrgPredikat and setOrgPredikat', async () => {
    await ok(
      server,
      as.kadis,
      `mutation { proposeOrgPredikat(input: { agencyCode: "DISDIK", year: 2025, predikat: ISTIMEWA,
      reason: "why-propose" }) { year } }`,
    );
    expect(await latest('org-performance.propose')).toMatchObject({
      actor: 'kadis',
      entityId: 'DISDIK/2025',
      reason: 'why-propose',
      before: null,
      after: { proposedPredikat: 'ISTIMEWA', proposedBy: 'kadis', predikat: null },
    });
    await ok(
      server,
      as.sekda,
      `mutation { setOrgPredikat(input: { agencyCode: "DISDIK", year: 2025, predikat: BAIK,
      reason: "why-set" }) { year } }`,
    );
    expect(await latest('org-performance.set')).toMatchObject({
      actor: 'sekda',
      reason: 'why-set',
      before: { proposedPredikat: 'ISTIMEWA', predikat: null },
      after: { proposedPredikat: 'ISTIMEWA', predikat: 'BAIK', setBy: 'sekda' },
    });
  });

  it('importData', async () => {
    await ok(server, as.admin, `mutation ($input: ImportDataInput!) { importData(input: $input) { committed } }`, {
      input: {
        files: [{ name: 'agencies.csv', content: 'code,name,kind\nDISHUB,Dinas Perhubungan,DINAS\n' }],
        reason: 'why-import',
      },
    });
    const entry = await latest('import.run');
    expect(entry).toMatchObject({ actor: 'admin', entityType: 'import', reason: 'why-import', before: null });
    expect(entry.after.files).toEqual([{ file: 'agencies.csv', rows: 1, created: 1, updated: 0, unchanged: 0 }]);
  });

  it('feedback and dialogue: that a note was written and answered, a dialogue recorded and confirmed; never the text', async () => {
    const guru6 = scenario.employees[6];
    const written = await ok(
      server,
      as.kadis,
      `mutation ($input: WriteFeedbackNoteInput!) { writeFeedbackNote(input: $input) { id } }`,
      { input: { employeeNip: guru6.nip, year: 2025, quarter: 1, wentWell: 'rahasia-catatan' } },
    );
    const noteId = written.writeFeedbackNote.id;
    expect(await latest('feedback.write')).toMatchObject({
      actor: 'kadis',
      entityType: 'feedback_note',
      entityId: String(noteId),
      before: null,
      after: { employeeId: guru6.id, evaluationId: null, year: 2025, quarter: 1, agreedActions: 0 },
    });
    await ok(
      server,
      as.guru6,
      `mutation { answerFeedbackNote(input: { noteId: ${noteId}, answer: "rahasia-jawaban" }) { id } }`,
    );
    expect(await latest('feedback.answer')).toMatchObject({
      actor: 'guru6',
      before: { acknowledged: false },
      after: { acknowledged: true, answered: true },
    });
    const recorded = await ok(
      server,
      as.kadis,
      `mutation ($input: RecordPerformanceDialogueInput!) { recordPerformanceDialogue(input: $input) {
        id developmentActions { id } } }`,
      {
        input: {
          employeeNip: guru6.nip,
          year: 2025,
          quarter: 1,
          heldOn: '2025-03-10',
          pointsAgreed: 'rahasia-dialog',
          developmentActions: [{ description: 'rahasia-rencana', targetYear: 2025, targetQuarter: 2 }],
        },
      },
    );
    const dialogue = recorded.recordPerformanceDialogue;
    expect(await latest('dialogue.record')).toMatchObject({
      actor: 'kadis',
      entityType: 'performance_dialogue',
      entityId: String(dialogue.id),
      after: { employeeId: guru6.id, year: 2025, quarter: 1, heldOn: '2025-03-10', developmentActions: 1 },
    });
    await ok(server, as.guru6, `mutation { confirmPerformanceDialogue(dialogueId: ${dialogue.id}) { id } }`);
    expect(await latest('dialogue.confirm')).toMatchObject({ actor: 'guru6', after: { confirmedBy: 'BOTH' } });
    const conn = db.orm.em.fork().getConnection();
    const [training] = await conn.execute<{ id: number }[]>(
      `insert into training (code, title, kind, hours_jp) values ('AUD-DLG', 'Bimtek', 'BIMTEK', 8) returning id`,
    );
    const [participation] = await conn.execute<{ id: number }[]>(
      `insert into participation (training_id, employee_id, status, completed_on, hours_jp)
       values (?, ?, 'COMPLETED', '2025-05-01', 8) returning id`,
      [training.id, guru6.id],
    );
    await ok(
      server,
      as.kadis,
      `mutation { linkDevelopmentAction(input: { actionId: ${dialogue.developmentActions[0].id}, participationId: ${participation.id} }) { id } }`,
    );
    expect(await latest('development_action.link')).toMatchObject({
      before: { participationId: null },
      after: { participationId: participation.id },
    });
    const all = await ok(server, as.admin, `{ auditLog(first: 100) { edges { node { before after reason } } } }`);
    expect(JSON.stringify(all)).not.toContain('rahasia');
  });

  it('the audit log is for administrators only, and filters by record', async () => {
    for (const who of ['kadis', 'sekda', 'guru3']) {
      const error = await refused(server, as[who], `{ auditLog { totalCount } }`);
      expect(error.code, who).toBe('FORBIDDEN');
    }
    const data = await ok(
      server,
      as.admin,
      `query ($id: String!) { auditLog(filter: { entityType: "evaluation", entityId: $id }) {
        totalCount edges { node { action } } } }`,
      { id: String(evaluation3) },
    );
    // Newest first.
    expect(data.auditLog.edges.map((e: Json) => e.node.action)).toEqual([
      'evaluation.finalize',
      'objection.decide',
      'evaluation.object',
      'evaluation.submit',
      'evaluation.save',
      'evaluation.create',
    ]);
  });

  it('exportPersonalData: who exported whose data, and why (the export itself: test/operations/privacy-export.test.ts)', async () => {
    await ok(
      server,
      as.admin,
      `mutation ($nip: String!) { exportPersonalData(nip: $nip, reason: "why-export") { nip } }`,
      { nip: scenario.employees[6].nip },
    );
    const entry = await latest('personal_data.export');
    expect(entry).toMatchObject({
      actor: 'admin',
      entityType: 'employee',
      entityId: String(scenario.employees[6].id),
      before: null,
      after: { nip: scenario.employees[6].nip, formats: ['json', 'csv'] },
      reason: 'why-export',
    });
  });

  it('employee changes (docs/access.md#employee-changes): before and after of the record, and why', async () => {
    const employee = scenario.employees[5];
    const version = async () =>
      (await ok(server, as.admin, `query ($nip: String!) { employee(nip: $nip) { version } }`, { nip: employee.nip }))
        .employee.version as number;
    await ok(
      server,
      as.admin,
      `mutation ($input: TransferEmployeeInput!) { transferEmployee(input: $input) { nip } }`,
      { input: { nip: employee.nip, agencyCode: 'DISDIK', version: await version(), reason: 'why-transfer' } },
    );
    expect(await latest('employee.transfer')).toMatchObject({
      actor: 'admin',
      entityType: 'employee',
      entityId: String(employee.id),
      before: { nip: employee.nip, agencyCode: 'BKPSDM', supervisorNip: scenario.employees[2].nip },
      after: { nip: employee.nip, agencyCode: 'DISDIK', supervisorNip: null },
      reason: 'why-transfer',
    });
    await ok(
      server,
      as.admin,
      `mutation ($input: ChangeSupervisorInput!) { changeSupervisor(input: $input) { nip } }`,
      {
        input: {
          nip: employee.nip,
          supervisorNip: scenario.employees[0].nip,
          version: await version(),
          reason: 'why-sup',
        },
      },
    );
    expect(await latest('employee.supervisor')).toMatchObject({
      before: { supervisorNip: null },
      after: { supervisorNip: scenario.employees[0].nip },
      reason: 'why-sup',
    });
    const acting = await ok(
      server,
      as.admin,
      `mutation ($input: AssignActingAssessorInput!) { assignActingAssessor(input: $input) { id version } }`,
      {
        input: {
          actingNip: employee.nip,
          forNip: scenario.employees[1].nip,
          kind: 'PLT',
          from: '2025-01-01',
          to: '2025-12-31',
          reason: 'why-plt',
        },
      },
    );
    expect(await latest('acting.assign')).toMatchObject({
      entityType: 'acting_assignment',
      before: null,
      after: { kind: 'PLT', actingNip: employee.nip, forNip: scenario.employees[1].nip, to: '2025-12-31' },
      reason: 'why-plt',
    });
    await ok(
      server,
      as.admin,
      `mutation ($input: EndActingAssignmentInput!) { endActingAssignment(input: $input) { id } }`,
      {
        input: {
          actingAssignmentId: acting.assignActingAssessor.id,
          lastDay: '2025-06-30',
          version: acting.assignActingAssessor.version,
          reason: 'why-end',
        },
      },
    );
    expect(await latest('acting.end')).toMatchObject({
      before: { to: '2025-12-31' },
      after: { to: '2025-06-30' },
      reason: 'why-end',
    });
    await ok(server, as.admin, `mutation ($input: RetireEmployeeInput!) { retireEmployee(input: $input) { nip } }`, {
      input: { nip: employee.nip, lastDay: '2025-09-30', version: await version(), reason: 'why-retire' },
    });
    expect(await latest('employee.retire')).toMatchObject({
      before: { activeTo: null },
      after: { activeTo: '2025-09-30', actingAssignmentsEnded: [], actingAssignmentsWithdrawn: [] },
      reason: 'why-retire',
    });
  });

  it('covers every mutation of the schema: a new one must be added here (with its audit entry)', async () => {
    const schema = await buildKinerjaSchema();
    const mutation = schema.getMutationType();
    if (!isObjectType(mutation)) throw new Error('no Mutation type');
    const uncovered = Object.keys(mutation.getFields()).filter(
      (name) => !(name in COVERED) && !ACCOUNT_MUTATIONS.includes(name) && !NOT_AUDITED.includes(name),
    );
    expect(uncovered).toEqual([]);
    const actions = Object.values(COVERED).flatMap((a) => a.split(' / '));
    expect(actions.filter((a) => !seen.has(a))).toEqual([]);
  });
});
