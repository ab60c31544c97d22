import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_POLICY, makeScoringPolicy } from '@kinerja/shared';
import { Evaluation } from '../src/modules/evaluations/evaluation.entity.js';
import { finalizeEvaluation } from '../src/modules/evaluations/evaluation-results.js';
import { accountToken } from './helpers/auth.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';
import { buildScenario, type Scenario } from './helpers/scenario.js';
import { startTestServer, type TestServer } from './helpers/server.js';
import { ok, SAVE, SUBMIT, WORKED_EXAMPLE_1, WORKED_EXAMPLE_1_INPUT } from './workflow/helpers.js';

/**
 * Issue 8 acceptance 7 (and the earlier acceptance 4): the scoring policy changes. Two DISDIK employees (index 3 and
 * 6; 0 heads DISDIK) have worked example 1 in every quarter of 2025. Employee 3's Q1 is finalised by hand, then the
 * four quarters of 2025 are closed by the mutation (the year closes: its annual results are frozen). In 2026 Q1
 * employee 6 is scored with worked example 1 and submitted. Then the server restarts under a changed policy: the
 * SUBMITTED evaluation and the open year's annual result follow it; the FINAL results and the annual results of the
 * closed year 2025 keep the default version; `scoringPolicies` reads both versions back, newest first.
 */

/** The changed policy: 60/40 (peer ratings collected) and DI_ATAS from 103. */
const CHANGED = { categoryWeights: { HASIL_KERJA: 0.6, PERILAKU_KERJA: 0.4 }, ratingThresholds: { diAtas: 103 } };

const QUERY = `query ($final: String!, $open: String!) {
  scoringPolicy { version inForceFrom }
  scoringPolicies { version inForceFrom categoryWeights { HASIL_KERJA PERILAKU_KERJA } ratingThresholds { diAtas } }
  final: employee(nip: $final) { ...results }
  open: employee(nip: $open) { ...results }
}
fragment results on Employee {
  evaluations {
    period { year quarter }
    status hasilKerjaScore perilakuKerjaScore score hasilKerjaRating perilakuKerjaRating predikat policyVersion
  }
  y2025: annualResult(year: 2025) { hasilKerjaScore perilakuKerjaScore score predikat policyVersion }
  y2026: annualResult(year: 2026) { hasilKerjaScore perilakuKerjaScore score predikat policyVersion }
}`;

interface EvaluationResult {
  period: { year: number; quarter: number };
  status: string;
  hasilKerjaScore: number;
  perilakuKerjaScore: number;
  score: number;
  hasilKerjaRating: string;
  perilakuKerjaRating: string;
  predikat: string;
  policyVersion: string;
}
interface AnnualAnswer {
  hasilKerjaScore: number;
  perilakuKerjaScore: number;
  score: number;
  predikat: string;
  policyVersion: string;
}
interface Results {
  evaluations: EvaluationResult[];
  y2025: AnnualAnswer | null;
  y2026: AnnualAnswer | null;
}
interface Answer {
  scoringPolicy: { version: string; inForceFrom: string };
  scoringPolicies: {
    version: string;
    inForceFrom: string;
    categoryWeights: { HASIL_KERJA: number; PERILAKU_KERJA: number };
    ratingThresholds: { diAtas: number };
  }[];
  final: Results;
  open: Results;
}

const CLOSE = `mutation ($input: PeriodChangeInput!) { closePeriod(input: $input) { finalized } }`;
const OPEN = `mutation ($input: PeriodChangeInput!) { openPeriod(input: $input) { year quarter } }`;
const REPLACE = `mutation ($input: ReplaceCriterionWeightsInput!) { replaceCriterionWeights(input: $input) { code } }`;

const of = (r: Results, year: number, quarter: number) =>
  r.evaluations.find((e) => e.period.year === year && e.period.quarter === quarter)!;

describe('acceptance 7: a change of the scoring policy', () => {
  let db: TestDatabase;
  let scenario: Scenario;
  let admin: Record<string, string> = {};
  let server: TestServer | null = null;
  let policyDir: string;
  let openId = 0;
  const changedPolicy = makeScoringPolicy(CHANGED);

  beforeAll(async () => {
    db = await createTestDatabase();
    scenario = await buildScenario(db.orm, {
      employees: 7,
      quarters: [1, 2, 3, 4],
      score: (_index, _quarter, criterion) => WORKED_EXAMPLE_1[criterion.code] ?? null,
    });
    const em = db.orm.em.fork();
    const q1 = scenario.evaluations.find((e) => e.employeeIndex === 3 && e.quarter === 1)!;
    await finalizeEvaluation(em, await em.findOneOrFail(Evaluation, q1.id), DEFAULT_SCORING_POLICY);
    admin = (await accountToken(db.orm.em.fork(), { login: 'admin', role: 'ADMIN' })).headers;
    policyDir = mkdtempSync(join(tmpdir(), 'kinerja-policy-'));

    server = await startTestServer(db.orm);
    for (const quarter of [1, 2, 3, 4]) await ok(server, admin, CLOSE, { input: { year: 2025, quarter } });
    await ok(server, admin, OPEN, { input: { year: 2026, quarter: 1 } });
    const saved = await ok<{ saveEvaluationDraft: { id: number; version: number } }>(server, admin, SAVE, {
      input: {
        employeeNip: scenario.employees[6].nip,
        period: { year: 2026, quarter: 1 },
        scores: WORKED_EXAMPLE_1_INPUT,
      },
    });
    openId = saved.saveEvaluationDraft.id;
    await ok(server, admin, SUBMIT, { input: { evaluationId: openId, version: saved.saveEvaluationDraft.version } });
  });

  afterAll(async () => {
    await server?.stop();
    await db?.close();
    if (policyDir) rmSync(policyDir, { recursive: true, force: true });
  });

  async function ask(): Promise<Answer> {
    return ok<Answer>(server!, admin, QUERY, { final: scenario.employees[3].nip, open: scenario.employees[6].nip });
  }

  it('stores the results, the policy version and FINAL when finalising', async () => {
    const stored = await db.orm.em.fork().findOneOrFail(Evaluation, {
      employee: scenario.employees[3].id,
      period: scenario.periodIds.get(1)!,
    });
    expect(stored).toMatchObject({
      status: 'FINAL',
      hasilKerjaRating: 'SESUAI_EKSPEKTASI',
      perilakuKerjaRating: 'SESUAI_EKSPEKTASI',
      predikat: 'BAIK',
      policyVersion: DEFAULT_SCORING_POLICY.version,
      version: 2,
    });
    expect(stored.hasilKerjaScore).toBeCloseTo(103.05, 10);
    expect(stored.perilakuKerjaScore).toBeCloseTo(104, 10);
    expect(stored.score).toBeCloseTo(103.335, 10);
    expect(stored.finalizedAt).toBeInstanceOf(Date);
  });

  it('under the default policy every evaluation answers worked example 1 with the default version', async () => {
    const answer = await ask();
    expect(answer.scoringPolicy.version).toBe(DEFAULT_SCORING_POLICY.version);
    expect(answer.scoringPolicies.map((p) => p.version)).toEqual([DEFAULT_SCORING_POLICY.version]);
    for (const evaluation of [of(answer.final, 2025, 1), of(answer.open, 2025, 4), of(answer.open, 2026, 1)]) {
      expect(evaluation.score).toBeCloseTo(103.335, 10);
      expect(evaluation).toMatchObject({ predikat: 'BAIK', policyVersion: DEFAULT_SCORING_POLICY.version });
    }
    expect(of(answer.final, 2025, 1).status).toBe('FINAL');
    expect(of(answer.open, 2026, 1).status).toBe('SUBMITTED');
    // 2025 is closed: its annual result is stored and frozen; 2026 follows the policy in force.
    expect(answer.final.y2025!.score).toBeCloseTo(103.335, 10);
    expect(answer.open.y2026).toMatchObject({ predikat: 'BAIK', policyVersion: DEFAULT_SCORING_POLICY.version });
    const [frozen] = await db.orm.em
      .fork()
      .getConnection()
      .execute<{ n: number }[]>(`select count(*)::int as n from annual_result where year = 2025 and frozen_at is null`);
    expect(frozen.n).toBe(0);
  });

  it('after a restart under a changed policy, non-FINAL results follow it; FINAL and the closed year do not', async () => {
    await server!.stop();
    const policyFile = join(policyDir, 'policy.json');
    writeFileSync(policyFile, JSON.stringify(CHANGED));
    server = await startTestServer(db.orm, { SCORING_POLICY_FILE: policyFile });
    const answer = await ask();
    expect(changedPolicy.version).not.toBe(DEFAULT_SCORING_POLICY.version);
    expect(answer.scoringPolicy.version).toBe(changedPolicy.version);

    // Both versions are kept, newest first, with their content.
    expect(answer.scoringPolicies).toMatchObject([
      {
        version: changedPolicy.version,
        categoryWeights: { HASIL_KERJA: 0.6, PERILAKU_KERJA: 0.4 },
        ratingThresholds: { diAtas: 103 },
      },
      {
        version: DEFAULT_SCORING_POLICY.version,
        categoryWeights: { HASIL_KERJA: 0.7, PERILAKU_KERJA: 0.3 },
        ratingThresholds: { diAtas: 110 },
      },
    ]);
    expect(Date.parse(answer.scoringPolicies[0].inForceFrom)).toBeGreaterThanOrEqual(
      Date.parse(answer.scoringPolicies[1].inForceFrom),
    );
    expect(answer.scoringPolicy.inForceFrom).toBe(answer.scoringPolicies[0].inForceFrom);

    // FINAL (by hand and by closing): stored when finalised, 0.7 x 103.05 + 0.3 x 104 = 103.335, BAIK, default.
    for (const final of [of(answer.final, 2025, 1), of(answer.open, 2025, 3)]) {
      expect(final.score).toBeCloseTo(103.335, 10);
      expect(final).toMatchObject({
        status: 'FINAL',
        hasilKerjaRating: 'SESUAI_EKSPEKTASI',
        perilakuKerjaRating: 'SESUAI_EKSPEKTASI',
        predikat: 'BAIK',
        policyVersion: DEFAULT_SCORING_POLICY.version,
      });
    }

    // Recomputed at the start: 0.6 x 103.05 + 0.4 x 104 = 61.83 + 41.6 = 103.43; 103.05 >= 103 and 104 >= 103, so
    // (DI_ATAS, DI_ATAS) = SANGAT_BAIK, under the changed version.
    const open = of(answer.open, 2026, 1);
    expect(open.score).toBeCloseTo(103.43, 10);
    expect(open).toMatchObject({
      status: 'SUBMITTED',
      hasilKerjaRating: 'DI_ATAS_EKSPEKTASI',
      perilakuKerjaRating: 'DI_ATAS_EKSPEKTASI',
      predikat: 'SANGAT_BAIK',
      policyVersion: changedPolicy.version,
    });

    // The closed year's annual result is frozen under the default policy (0.7 / 0.3 of the quarterly means).
    expect(answer.final.y2025!.score).toBeCloseTo(103.335, 10);
    expect(answer.final.y2025).toMatchObject({ predikat: 'BAIK', policyVersion: DEFAULT_SCORING_POLICY.version });
    expect(answer.open.y2025).toMatchObject({ policyVersion: DEFAULT_SCORING_POLICY.version });
    // The open year's follows the policy: 103.43, and the annual SANGAT_BAIK is subject to the innovation rule:
    // without a verified innovation it is BAIK.
    expect(answer.open.y2026!.score).toBeCloseTo(103.43, 10);
    expect(answer.open.y2026).toMatchObject({ predikat: 'BAIK', policyVersion: changedPolicy.version });
  });

  it('keeps FINAL results when an agency re-weights its criteria, while the others are recomputed', async () => {
    await ok(server!, admin, REPLACE, {
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
        reason: 'Prioritas prestasi siswa',
      },
    });
    const answer = await ask();
    // FINAL 2025: the weights it was finalised with, 10305 / 100.
    expect(of(answer.final, 2025, 1).hasilKerjaScore).toBeCloseTo(103.05, 10);
    expect(of(answer.open, 2025, 2).hasilKerjaScore).toBeCloseTo(103.05, 10);
    // Open 2026: (20x95 + 15x95 + 15x112 + 40x110 + 10x100) / 100 = 10405 / 100 = 104.05.
    expect(of(answer.open, 2026, 1).hasilKerjaScore).toBeCloseTo(104.05, 10);
    expect(of(answer.open, 2026, 1).score).toBeCloseTo(0.6 * 104.05 + 0.4 * 104, 10);
  });

  it('refuses to finalise a DRAFT, an OBJECTED or an already FINAL evaluation', async () => {
    const em = db.orm.em.fork();
    const final = await em.findOneOrFail(Evaluation, {
      employee: scenario.employees[3].id,
      period: scenario.periodIds.get(1)!,
    });
    const other = await em.findOneOrFail(Evaluation, openId);
    const attempt = (evaluation: Evaluation) => finalizeEvaluation(em, evaluation, DEFAULT_SCORING_POLICY);

    await expect(attempt(final)).rejects.toThrow(/tidak dapat difinalkan: sudah final/);
    for (const [status, why] of [
      ['DRAFT', 'penilaian DRAFT harus diajukan lebih dulu'],
      ['OBJECTED', 'keberatan atasnya harus diputus lebih dulu'],
    ] as const) {
      other.status = status;
      const error = await attempt(other).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GraphQLError);
      expect((error as GraphQLError).message).toBe(`penilaian ${other.id} tidak dapat difinalkan: ${why}`);
      expect((error as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
    }
    // Nothing was written: the open evaluation is still SUBMITTED in the database.
    const reread = await db.orm.em.fork().findOneOrFail(Evaluation, other.id);
    expect(reread).toMatchObject({ status: 'SUBMITTED', policyVersion: changedPolicy.version });
  });
});
