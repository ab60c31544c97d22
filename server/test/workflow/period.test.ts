import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_POLICY } from '@kinerja/shared';
import { accountToken } from '../helpers/auth.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { buildScenario, type Scenario } from '../helpers/scenario.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { auditOf, DECIDE, FINALIZE, ok, refused, SAVE, WORKED_EXAMPLE_1, type EvaluationAnswer } from './helpers.js';

const CLOSE = `mutation ($input: PeriodChangeInput!) {
  closePeriod(input: $input) { period { year quarter status closedAt label } finalized drafts objected }
}`;
const OPEN = `mutation ($input: PeriodChangeInput!) { openPeriod(input: $input) { year quarter status } }`;

/**
 * Opening and closing periods. 2025 Q1 of DISDIK (head 0; staff 3, 6, 9, 12) holds one evaluation in each status
 * that matters: 3 DRAFT, 6 SUBMITTED, 9 ACKNOWLEDGED, 12 OBJECTED, all with worked example 1's scores (103.335, BAIK).
 * Closing finalises the SUBMITTED and the ACKNOWLEDGED one with the policy version, leaves the DRAFT and the OBJECTED
 * one, and from then on the period takes no scores.
 */
describe('periods: open, close and what closing finalises', () => {
  let db: TestDatabase;
  let scenario: Scenario;
  let server: TestServer;
  let admin: Record<string, string>;
  let head: Record<string, string>;
  let leader: Record<string, string>;
  const STATUS: Record<number, 'DRAFT' | 'SUBMITTED' | 'ACKNOWLEDGED' | 'OBJECTED'> = {
    3: 'DRAFT',
    6: 'SUBMITTED',
    9: 'ACKNOWLEDGED',
    12: 'OBJECTED',
  };
  const evaluationOf = (index: number) => scenario.evaluations.find((e) => e.employeeIndex === index)!.id;

  beforeAll(async () => {
    db = await createTestDatabase();
    scenario = await buildScenario(db.orm, {
      employees: 13,
      quarters: [1],
      status: (index) => STATUS[index] ?? (index < 3 ? 'SUBMITTED' : null),
      score: (_index, _quarter, criterion) => WORKED_EXAMPLE_1[criterion.code] ?? 100,
    });
    const em = db.orm.em.fork();
    await em
      .getConnection()
      .execute(`insert into objection (evaluation_id, filed_by_id, reason) values (?, ?, 'keberatan')`, [
        evaluationOf(12),
        scenario.employees[12].id,
      ]);
    admin = (await accountToken(em, { login: 'admin', role: 'ADMIN' })).headers;
    head = (await accountToken(em, { login: 'kadis', role: 'AGENCY_HEAD', employeeId: scenario.employees[0].id }))
      .headers;
    leader = (await accountToken(em, { login: 'walikota', role: 'LEADER' })).headers;
    server = await startTestServer(db.orm);
  });

  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  it('only administrators open and close periods', async () => {
    for (const headers of [head, leader]) {
      expect((await refused(server, headers, CLOSE, { input: { year: 2025, quarter: 1 } })).code).toBe('FORBIDDEN');
      expect((await refused(server, headers, OPEN, { input: { year: 2025, quarter: 2 } })).code).toBe('FORBIDDEN');
    }
  });

  it('closing finalises the SUBMITTED and ACKNOWLEDGED evaluations with the policy version, not DRAFT or OBJECTED', async () => {
    const data = await ok(server, admin, CLOSE, { input: { year: 2025, quarter: 1, reason: 'Batas waktu TW I' } });
    // The three heads' evaluations (SUBMITTED, no assessor) are finalised too: 2 + 3.
    expect(data.closePeriod).toMatchObject({
      period: { year: 2025, quarter: 1, status: 'CLOSED', label: 'Triwulan I 2025' },
      finalized: 5,
      drafts: 1,
      objected: 1,
    });
    expect(data.closePeriod.period.closedAt).not.toBeNull();

    const rows: {
      id: number;
      status: string;
      version: number;
      score: number | null;
      hasil_kerja_score: number | null;
      predikat: string | null;
      policy_version: string | null;
    }[] = await db.orm.em
      .fork()
      .getConnection()
      .execute(
        'select id, status, version, score, hasil_kerja_score, predikat, policy_version from evaluation where id in (?)',
        [[3, 6, 9, 12].map(evaluationOf)],
      );
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const index of [6, 9]) {
      const row = byId.get(evaluationOf(index))!;
      expect(row).toMatchObject({
        status: 'FINAL',
        version: 2,
        predikat: 'BAIK',
        policy_version: DEFAULT_SCORING_POLICY.version,
      });
      expect(row.score).toBeCloseTo(103.335, 10);
      expect(row.hasil_kerja_score).toBeCloseTo(103.05, 10);
    }
    // DRAFT and OBJECTED stay as they are, with the results stored for every evaluation with scores (not frozen).
    expect(byId.get(evaluationOf(3))).toMatchObject({
      status: 'DRAFT',
      version: 1,
      policy_version: DEFAULT_SCORING_POLICY.version,
    });
    expect(byId.get(evaluationOf(3))!.score).toBeCloseTo(103.335, 10);
    expect(byId.get(evaluationOf(12))).toMatchObject({
      status: 'OBJECTED',
      version: 1,
      policy_version: DEFAULT_SCORING_POLICY.version,
    });
  });

  it('the closing is ONE audit entry that lists the evaluations it finalised', async () => {
    const em = db.orm.em.fork();
    const [period] = await auditOf(em, 'period', scenario.periodIds.get(1)!);
    expect(period).toMatchObject({
      actor: 'admin',
      action: 'period.close',
      reason: 'Batas waktu TW I',
      before: { status: 'OPEN' },
      after: { status: 'CLOSED', finalized: 5, drafts: 1, objected: 1, policyVersion: DEFAULT_SCORING_POLICY.version },
    });
    const finalisedIds = (period.after as { finalizedEvaluations: number[] }).finalizedEvaluations;
    expect(finalisedIds).toHaveLength(5);
    expect(finalisedIds).toEqual(expect.arrayContaining([evaluationOf(6), evaluationOf(9)]));
    expect(finalisedIds).not.toContain(evaluationOf(3));
    // No entry per evaluation: closing 800,000 evaluations writes one entry, not 800,000.
    expect(await auditOf(em, 'evaluation', evaluationOf(9))).toEqual([]);
    expect(await auditOf(em, 'evaluation', evaluationOf(3))).toEqual([]);
  });

  it('a closed period is not closed again, and never reopened', async () => {
    const again = await refused(server, admin, CLOSE, { input: { year: 2025, quarter: 1 } });
    expect(again).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.quarter',
      message: 'periode Triwulan I 2025 sudah DITUTUP (CLOSED)',
    });
    const reopen = await refused(server, admin, OPEN, { input: { year: 2025, quarter: 1 } });
    expect(reopen).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.quarter' });
    expect(reopen.message).toBe(
      'periode Triwulan I 2025 sudah ada (CLOSED): periode yang ditutup tidak pernah dibuka kembali, hasilnya resmi',
    );
  });

  it('the DRAFT left in the closed period takes no scores', async () => {
    const error = await refused(server, head, SAVE, {
      input: { evaluationId: evaluationOf(3), version: 1, scores: [{ criterionCode: 'INOVASI', score: 100 }] },
    });
    expect(error).toMatchObject({
      field: 'input.scores',
      message: 'periode Triwulan I 2025 sudah DITUTUP (CLOSED): nilai tidak dapat diubah lagi',
    });
  });

  it('the OBJECTED one is decided without changing scores, then finalised one by one', async () => {
    // Employee 12's assessor is the head (0), who has no superior: a LEADER decides.
    const decided = await ok<{ decideObjection: EvaluationAnswer }>(server, leader, DECIDE, {
      input: { evaluationId: evaluationOf(12), version: 1, decision: 'REJECTED', note: 'Nilai sesuai bukti' },
    });
    expect(decided.decideObjection).toMatchObject({ status: 'ACKNOWLEDGED', version: 2 });
    const final = await ok<{ finalizeEvaluation: EvaluationAnswer }>(server, head, FINALIZE, {
      input: { evaluationId: evaluationOf(12), version: 2 },
    });
    expect(final.finalizeEvaluation).toMatchObject({
      status: 'FINAL',
      version: 3,
      predikat: 'BAIK',
      policyVersion: DEFAULT_SCORING_POLICY.version,
    });
  });

  it('opens a new period; an open one is not opened twice', async () => {
    const data = await ok(server, admin, OPEN, { input: { year: 2025, quarter: 2, reason: 'TW II dibuka' } });
    expect(data.openPeriod).toEqual({ year: 2025, quarter: 2, status: 'OPEN' });
    const twice = await refused(server, admin, OPEN, { input: { year: 2025, quarter: 2 } });
    expect(twice).toMatchObject({ field: 'input.quarter', message: 'periode Triwulan II 2025 sudah ada (OPEN)' });
    const bad = await refused(server, admin, OPEN, { input: { year: 2025, quarter: 5 } });
    expect(bad).toMatchObject({
      field: 'input.quarter',
      problem: { code: 'QUARTER_OUT_OF_RANGE', params: { value: 5 } },
      message: 'triwulan harus 1-4, bukan 5',
    });
    // Now the supervisor can start Q2 evaluations.
    const saved = await ok<{ saveEvaluationDraft: EvaluationAnswer }>(server, head, SAVE, {
      input: {
        employeeNip: scenario.employees[3].nip,
        period: { year: 2025, quarter: 2 },
        scores: [{ criterionCode: 'INOVASI', score: 100 }],
      },
    });
    expect(saved.saveEvaluationDraft).toMatchObject({ status: 'DRAFT', version: 1 });
  });
});
