import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountToken } from '../helpers/auth.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { buildScenario, type Scenario } from '../helpers/scenario.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { auditOf, DECIDE, FINALIZE, OBJECT, ok, refused, WORKED_EXAMPLE_1, type EvaluationAnswer } from './helpers.js';

/**
 * Acceptance 5: an objection (keberatan) decided by the assessor's own superior changes the result, and the audit
 * log keeps the old one; anybody else is refused.
 *
 * Reporting line in DISDIK: 0 (the head) -> 3 (a section head, assessor) -> 6 (a teacher). Employee 6's 2025 Q1
 * evaluation was assessed by 3 with worked example 1 (103.335, BAIK) and is SUBMITTED. So 6's assessor is 3, and 3's
 * superior, 0, decides. Employee 9 (DISDIK) is assessed by 0 directly, who has no superior in the system: there a
 * LEADER or an ADMIN decides. Every account here has the SUPERVISOR or EMPLOYEE role, so only the reporting line
 * gives rights (an AGENCY_HEAD account would have them by its role too).
 */
describe('acceptance 5: objections are decided by the assessor\u2019s superior', () => {
  let db: TestDatabase;
  let scenario: Scenario;
  let server: TestServer;
  const headers: Record<string, Record<string, string>> = {};
  let contested: number;
  let direct: number;

  beforeAll(async () => {
    db = await createTestDatabase();
    scenario = await buildScenario(db.orm, {
      employees: 10,
      quarters: [1],
      score: (_index, _quarter, criterion) => WORKED_EXAMPLE_1[criterion.code] ?? 100,
    });
    const em = db.orm.em.fork();
    const id = (index: number) => scenario.employees[index].id;
    // 6 now reports to 3, who assessed 6's Q1.
    await em.getConnection().execute('update employee set supervisor_id = ? where id = ?', [id(3), id(6)]);
    contested = scenario.evaluations.find((e) => e.employeeIndex === 6)!.id;
    direct = scenario.evaluations.find((e) => e.employeeIndex === 9)!.id;
    await em.getConnection().execute('update evaluation set assessor_id = ? where id = ?', [id(3), contested]);
    const account = async (name: string, role: 'SUPERVISOR' | 'EMPLOYEE' | 'ADMIN' | 'LEADER', index?: number) => {
      headers[name] = (
        await accountToken(em, { login: name, role, employeeId: index === undefined ? null : id(index) })
      ).headers;
    };
    await account('superior', 'SUPERVISOR', 0);
    await account('assessor', 'SUPERVISOR', 3);
    await account('teacher', 'EMPLOYEE', 6);
    await account('teacher9', 'EMPLOYEE', 9);
    await account('other-head', 'SUPERVISOR', 1); // heads DINKES: unrelated
    await account('admin', 'ADMIN');
    await account('leader', 'LEADER');
    server = await startTestServer(db.orm);
  });

  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  it('the employee objects with a reason: status OBJECTED, the objection PENDING', async () => {
    const noReason = await refused(server, headers.teacher, OBJECT, {
      input: { evaluationId: contested, version: 1, reason: '   ' },
    });
    expect(noReason).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
    const notTheirs = await refused(server, headers.assessor, OBJECT, {
      input: { evaluationId: contested, version: 1, reason: 'x' },
    });
    expect(notTheirs.code).toBe('FORBIDDEN');
    const data = await ok<{ objectToEvaluation: EvaluationAnswer }>(server, headers.teacher, OBJECT, {
      input: {
        evaluationId: contested,
        version: 1,
        reason: 'Prestasi siswa kelas saya naik 15 %, nilai inovasi kurang',
      },
    });
    expect(data.objectToEvaluation).toMatchObject({ status: 'OBJECTED', version: 2, predikat: 'BAIK' });
    expect(data.objectToEvaluation.score).toBeCloseTo(103.335, 10);
  });

  it('an OBJECTED evaluation cannot be finalised, not even by an administrator', async () => {
    const error = await refused(server, headers.admin, FINALIZE, { input: { evaluationId: contested, version: 2 } });
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.evaluationId' });
    expect(error.message).toBe(
      `penilaian ${contested} tidak dapat difinalkan: keberatan atasnya harus diputus lebih dulu`,
    );
  });

  it('nobody but the assessor\u2019s superior decides: the assessor, the employee, an unrelated supervisor, ADMIN and LEADER are refused', async () => {
    for (const who of ['assessor', 'teacher', 'other-head', 'admin', 'leader']) {
      const error = await refused(server, headers[who], DECIDE, {
        input: { evaluationId: contested, version: 2, decision: 'REJECTED', note: 'ditolak' },
      });
      expect(error.code, who).toBe('FORBIDDEN');
    }
  });

  it('a stale version is refused with CONFLICT even for the superior', async () => {
    const error = await refused(server, headers.superior, DECIDE, {
      input: { evaluationId: contested, version: 1, decision: 'REJECTED', note: 'ditolak' },
    });
    expect(error).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
  });

  it('the superior upholds it with changed scores: the result changes and the status is ACKNOWLEDGED', async () => {
    const data = await ok<{ decideObjection: EvaluationAnswer }>(server, headers.superior, DECIDE, {
      input: {
        evaluationId: contested,
        version: 2,
        decision: 'UPHELD',
        note: 'Bukti prestasi siswa dan inovasi diterima',
        scores: [
          { criterionCode: 'PRESTASI_SISWA', realisation: 96, evidence: 'Rata-rata ujian 96' },
          { criterionCode: 'INOVASI', score: 120 },
        ],
      },
    });
    const decided = data.decideObjection;
    // PRESTASI_SISWA 100 x 96 / 80 = 120: (20x95 + 15x95 + 15x120 + 30x120 + 20x100) / 100 = 10725 / 100 = 107.25;
    // behaviour unchanged 104; 0.7 x 107.25 + 0.3 x 104 = 75.075 + 31.2 = 106.275; (SESUAI, SESUAI) = BAIK.
    expect(decided).toMatchObject({ status: 'ACKNOWLEDGED', version: 3, predikat: 'BAIK' });
    expect(decided.hasilKerjaScore).toBeCloseTo(107.25, 10);
    expect(decided.score).toBeCloseTo(106.275, 10);
    expect(decided.scores.find((s) => s.criterion.code === 'PRESTASI_SISWA')).toMatchObject({
      score: 120,
      realisation: 96,
      derivedFromIndicator: true,
    });

    const [objection] = await db.orm.em
      .fork()
      .getConnection()
      .execute('select status, decided_by_id, decision_note, decided_at from objection where evaluation_id = ?', [
        contested,
      ]);
    expect(objection).toMatchObject({
      status: 'UPHELD',
      decided_by_id: scenario.employees[0].id,
      decision_note: 'Bukti prestasi siswa dan inovasi diterima',
    });
    expect(objection.decided_at).not.toBeNull();
  });

  it('the audit log keeps the old scores and result next to the new ones, with who and why', async () => {
    const entries = await auditOf(db.orm.em.fork(), 'evaluation', contested);
    expect(entries.map((e) => e.action)).toEqual(['evaluation.object', 'objection.decide']);
    const decision = entries[1];
    expect(decision.actor).toBe('superior');
    expect(decision.reason).toBe('Bukti prestasi siswa dan inovasi diterima');
    const score = (state: { scores: { criterion: string; score: number }[] }, code: string) =>
      state.scores.find((s) => s.criterion === code)!.score;
    expect(decision.before.status).toBe('OBJECTED');
    expect(score(decision.before, 'INOVASI')).toBe(112);
    expect(score(decision.before, 'PRESTASI_SISWA')).toBe(110);
    expect(decision.before.results.score).toBeCloseTo(103.335, 10);
    expect(decision.before.results.hasilKerjaScore).toBeCloseTo(103.05, 10);
    expect(decision.before.objection).toMatchObject({
      status: 'PENDING',
      reason: 'Prestasi siswa kelas saya naik 15 %, nilai inovasi kurang',
    });
    expect(decision.after.status).toBe('ACKNOWLEDGED');
    expect(score(decision.after, 'INOVASI')).toBe(120);
    expect(decision.after.results.score).toBeCloseTo(106.275, 10);
    expect(decision.after.objection).toMatchObject({
      status: 'UPHELD',
      note: 'Bukti prestasi siswa dan inovasi diterima',
    });
  });

  it('the decided evaluation can be finalised, with the changed result stored', async () => {
    const data = await ok<{ finalizeEvaluation: EvaluationAnswer }>(server, headers.admin, FINALIZE, {
      input: { evaluationId: contested, version: 3 },
    });
    expect(data.finalizeEvaluation.status).toBe('FINAL');
    expect(data.finalizeEvaluation.score).toBeCloseTo(106.275, 10);
  });

  it('where the assessor has no superior, a LEADER decides; a rejection keeps the scores; scores with a rejection are refused', async () => {
    await ok(server, headers.teacher9, OBJECT, { input: { evaluationId: direct, version: 1, reason: 'keberatan' } });
    // 9's assessor is the head (0), who has no superior: the assessor may not decide their own assessment.
    const self = await refused(server, headers.superior, DECIDE, {
      input: { evaluationId: direct, version: 2, decision: 'REJECTED', note: 'x' },
    });
    expect(self.code).toBe('FORBIDDEN');
    const withScores = await refused(server, headers.leader, DECIDE, {
      input: {
        evaluationId: direct,
        version: 2,
        decision: 'REJECTED',
        note: 'x',
        scores: [{ criterionCode: 'INOVASI', score: 120 }],
      },
    });
    expect(withScores).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.scores' });
    const data = await ok<{ decideObjection: EvaluationAnswer }>(server, headers.leader, DECIDE, {
      input: { evaluationId: direct, version: 2, decision: 'REJECTED', note: 'Nilai sesuai bukti' },
    });
    expect(data.decideObjection).toMatchObject({ status: 'ACKNOWLEDGED', version: 3, predikat: 'BAIK' });
    expect(data.decideObjection.score).toBeCloseTo(103.335, 10);
    const [objection] = await db.orm.em
      .fork()
      .getConnection()
      .execute('select status, decided_by_id from objection where evaluation_id = ?', [direct]);
    // A LEADER account without an employee record: decidedBy stays empty, the audit log has the login.
    expect(objection).toEqual({ status: 'REJECTED', decided_by_id: null });
    const [entry] = (await auditOf(db.orm.em.fork(), 'evaluation', direct)).filter(
      (e) => e.action === 'objection.decide',
    );
    expect(entry).toMatchObject({ actor: 'leader', reason: 'Nilai sesuai bukti' });
  });

  it('a decided objection cannot be decided again', async () => {
    const error = await refused(server, headers.leader, DECIDE, {
      input: { evaluationId: direct, version: 3, decision: 'UPHELD', note: 'x' },
    });
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.evaluationId' });
    expect(error.message).toContain('tidak ada keberatan yang menunggu keputusan');
  });
});
