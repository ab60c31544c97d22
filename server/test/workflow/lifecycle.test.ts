import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_POLICY } from '@kinerja/shared';
import { accountToken } from '../helpers/auth.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { buildScenario, type Scenario } from '../helpers/scenario.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import {
  ACKNOWLEDGE,
  auditOf,
  FINALIZE,
  ok,
  refused,
  SAVE,
  SUBMIT,
  WORKED_EXAMPLE_1_INPUT,
  type EvaluationAnswer,
} from './helpers.js';

/**
 * The whole life cycle of one quarterly evaluation through the API, with worked example 1's hand-worked numbers:
 * the supervisor (DISDIK's head, employee 0) starts the evaluation of employee 3 for 2025 Triwulan I, saves the scores
 * (two of them as indicator realisations), submits; employee 3 acknowledges; the agency head finalises, which stores
 * HASIL_KERJA 103.05, PERILAKU_KERJA 104, score 103.335 and BAIK with the policy version.
 */
describe('the evaluation life cycle (worked example 1)', () => {
  let db: TestDatabase;
  let scenario: Scenario;
  let server: TestServer;
  let head: Record<string, string>;
  let employee: Record<string, string>;
  let colleague: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase();
    // No evaluation of employee 3 yet; the others have theirs (SUBMITTED).
    scenario = await buildScenario(db.orm, {
      employees: 7,
      quarters: [1],
      status: (index) => (index === 3 ? null : 'SUBMITTED'),
    });
    const em = db.orm.em.fork();
    head = (
      await accountToken(em, { login: 'kadis-disdik', role: 'AGENCY_HEAD', employeeId: scenario.employees[0].id })
    ).headers;
    employee = (await accountToken(em, { login: 'guru-3', role: 'EMPLOYEE', employeeId: scenario.employees[3].id }))
      .headers;
    // Employee 6 works in the same agency under the same head: no rights over employee 3's evaluation.
    colleague = (await accountToken(em, { login: 'guru-6', role: 'EMPLOYEE', employeeId: scenario.employees[6].id }))
      .headers;
    server = await startTestServer(db.orm);
  });

  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  let evaluation: EvaluationAnswer;

  it('the supervisor starts the evaluation with the scores; indicator scores are derived from the realisation', async () => {
    const data = await ok<{ saveEvaluationDraft: EvaluationAnswer }>(server, head, SAVE, {
      input: {
        employeeNip: scenario.employees[3].nip,
        period: { year: 2025, quarter: 1 },
        scores: WORKED_EXAMPLE_1_INPUT,
      },
    });
    evaluation = data.saveEvaluationDraft;
    expect(evaluation).toMatchObject({ status: 'DRAFT', version: 1 });
    const byCode = new Map(evaluation.scores.map((s) => [s.criterion.code, s]));
    expect(byCode.size).toBe(12);
    // 100 x 90.25 / 95 = 95 and 100 x 88 / 80 = 110, computed and stored with the realisation.
    expect(byCode.get('DISIPLIN')).toMatchObject({ score: 95, derivedFromIndicator: true, realisation: 90.25 });
    expect(byCode.get('PRESTASI_SISWA')).toMatchObject({ score: 110, derivedFromIndicator: true, realisation: 88 });
    expect(byCode.get('INOVASI')).toMatchObject({ score: 112, derivedFromIndicator: false, realisation: null });
    expect(byCode.get('PROFESIONALISME')!.evidence).toBe('Laporan kinerja triwulan I');
    // (20x95 + 15x95 + 15x112 + 30x110 + 20x100) / 100 = 103.05; behaviour 104; 0.7 x 103.05 + 0.3 x 104 = 103.335.
    expect(evaluation.hasilKerjaScore).toBeCloseTo(103.05, 10);
    expect(evaluation.perilakuKerjaScore).toBeCloseTo(104, 10);
    expect(evaluation.score).toBeCloseTo(103.335, 10);
    expect(evaluation.predikat).toBe('BAIK');
  });

  it('a second save changes one score and keeps the others (and their evidence); the version goes up', async () => {
    const data = await ok<{ saveEvaluationDraft: EvaluationAnswer }>(server, head, SAVE, {
      input: {
        evaluationId: evaluation.id,
        version: 1,
        scores: [{ criterionCode: 'INOVASI', score: 100 }],
        reason: 'koreksi nilai inovasi',
      },
    });
    expect(data.saveEvaluationDraft.version).toBe(2);
    // (1900 + 1425 + 1500 + 3300 + 2000) / 100 = 101.25
    expect(data.saveEvaluationDraft.hasilKerjaScore).toBeCloseTo(101.25, 10);
    // Back to worked example 1 for the rest of the life cycle; evidence of other criteria untouched.
    const back = await ok<{ saveEvaluationDraft: EvaluationAnswer }>(server, head, SAVE, {
      input: { evaluationId: evaluation.id, version: 2, scores: [{ criterionCode: 'INOVASI', score: 112 }] },
    });
    evaluation = back.saveEvaluationDraft;
    expect(evaluation.version).toBe(3);
    expect(evaluation.hasilKerjaScore).toBeCloseTo(103.05, 10);
    const disiplin = evaluation.scores.find((s) => s.criterion.code === 'DISIPLIN')!;
    expect(disiplin.evidence).toBe('Rekap absensi: 90,25 %');
  });

  it('nobody else scores it: a colleague and the employee themself are refused', async () => {
    for (const headers of [colleague, employee]) {
      const error = await refused(server, headers, SAVE, {
        input: { evaluationId: evaluation.id, version: 3, scores: [{ criterionCode: 'INOVASI', score: 120 }] },
      });
      expect(error.code).toBe('FORBIDDEN');
    }
  });

  it('the employee cannot acknowledge a DRAFT; the supervisor submits', async () => {
    const early = await refused(server, employee, ACKNOWLEDGE, { input: { evaluationId: evaluation.id, version: 3 } });
    expect(early).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.evaluationId' });
    expect(early.message).toContain('berstatus DRAFT');
    const data = await ok<{ submitEvaluation: EvaluationAnswer }>(server, head, SUBMIT, {
      input: { evaluationId: evaluation.id, version: 3 },
    });
    evaluation = data.submitEvaluation;
    expect(evaluation).toMatchObject({ status: 'SUBMITTED', version: 4 });
  });

  it('a submitted evaluation takes no more draft scores', async () => {
    const error = await refused(server, head, SAVE, {
      input: { evaluationId: evaluation.id, version: 4, scores: [{ criterionCode: 'INOVASI', score: 90 }] },
    });
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.evaluationId' });
    expect(error.message).toContain('hanya penilaian DRAFT yang nilainya dapat diubah');
  });

  it('the head cannot finalise before the employee acknowledges; the employee acknowledges', async () => {
    const early = await refused(server, head, FINALIZE, { input: { evaluationId: evaluation.id, version: 4 } });
    expect(early.message).toContain('pegawai belum menyetujuinya');
    const other = await refused(server, colleague, ACKNOWLEDGE, { input: { evaluationId: evaluation.id, version: 4 } });
    expect(other.code).toBe('FORBIDDEN');
    const data = await ok<{ acknowledgeEvaluation: EvaluationAnswer }>(server, employee, ACKNOWLEDGE, {
      input: { evaluationId: evaluation.id, version: 4, reason: 'Setuju' },
    });
    evaluation = data.acknowledgeEvaluation;
    expect(evaluation).toMatchObject({ status: 'ACKNOWLEDGED', version: 5 });
  });

  it('the employee cannot finalise; the agency head finalises and the results are stored with the policy version', async () => {
    const notHead = await refused(server, employee, FINALIZE, { input: { evaluationId: evaluation.id, version: 5 } });
    expect(notHead.code).toBe('FORBIDDEN');
    const data = await ok<{ finalizeEvaluation: EvaluationAnswer }>(server, head, FINALIZE, {
      input: { evaluationId: evaluation.id, version: 5 },
    });
    expect(data.finalizeEvaluation).toMatchObject({
      status: 'FINAL',
      version: 6,
      hasilKerjaRating: 'SESUAI_EKSPEKTASI',
      perilakuKerjaRating: 'SESUAI_EKSPEKTASI',
      predikat: 'BAIK',
      policyVersion: DEFAULT_SCORING_POLICY.version,
    });
    const [row] = await db.orm.em
      .fork()
      .getConnection()
      .execute(
        'select hasil_kerja_score, perilaku_kerja_score, score, predikat, policy_version, finalized_at from evaluation where id = ?',
        [evaluation.id],
      );
    expect(row.hasil_kerja_score).toBeCloseTo(103.05, 10);
    expect(row.perilaku_kerja_score).toBeCloseTo(104, 10);
    expect(row.score).toBeCloseTo(103.335, 10);
    expect(row).toMatchObject({ predikat: 'BAIK', policy_version: DEFAULT_SCORING_POLICY.version });
    expect(row.finalized_at).not.toBeNull();
  });

  it('every step is in the audit log, in order, by its actor', async () => {
    const entries = await auditOf(db.orm.em.fork(), 'evaluation', evaluation.id);
    expect(entries.map((e) => [e.action, e.actor])).toEqual([
      ['evaluation.create', 'kadis-disdik'],
      ['evaluation.save', 'kadis-disdik'],
      ['evaluation.save', 'kadis-disdik'],
      ['evaluation.submit', 'kadis-disdik'],
      ['evaluation.acknowledge', 'guru-3'],
      ['evaluation.finalize', 'kadis-disdik'],
    ]);
    expect(entries[1].reason).toBe('koreksi nilai inovasi');
    expect(entries[4].reason).toBe('Setuju');
    expect(entries.at(-1)!.after.results).toMatchObject({ predikat: 'BAIK' });
  });
});
