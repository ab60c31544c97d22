import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_POLICY, makeScoringPolicy } from '@kinerja/shared';
import { Criterion } from '../src/modules/criteria/criterion.entity.js';
import { Evaluation } from '../src/modules/evaluations/evaluation.entity.js';
import { finalizeEvaluation } from '../src/modules/evaluations/evaluation-results.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';
import { buildScenario, type Scenario, type ScoreSpec } from './helpers/scenario.js';
import { accountToken } from './helpers/auth.js';
import { startTestServer, type TestServer } from './helpers/server.js';

/**
 * Acceptance 4: a FINAL evaluation keeps the results stored when it was finalised, whatever changes afterwards (the
 * scoring policy, a criterion's weight), while an evaluation that is not final is computed under what is in force.
 * Two DISDIK employees (index 3 and 6; 0 heads DISDIK) have worked example 1 in Q1; 3's is finalised, 6's stays
 * SUBMITTED.
 */

const WORKED_EXAMPLE_1: Record<string, ScoreSpec> = {
  PROFESIONALISME: 95,
  DISIPLIN: { score: 95, realisation: 90.25 },
  INOVASI: 112,
  PRESTASI_SISWA: { score: 110, realisation: 88 },
  KEHADIRAN_KEGIATAN: 100,
  BERORIENTASI_PELAYANAN: 100,
  AKUNTABEL: 105,
  KOMPETEN: 110,
  HARMONIS: 95,
  LOYAL: 100,
  ADAPTIF: 115,
  KOLABORATIF: 100,
};

/** The changed policy: 60/40 (peer ratings collected) and DI_ATAS from 103. */
const CHANGED = { categoryWeights: { HASIL_KERJA: 0.6, PERILAKU_KERJA: 0.4 }, ratingThresholds: { diAtas: 103 } };

const QUERY = `query ($final: String!, $open: String!) {
  scoringPolicy { version }
  final: employee(nip: $final) { ...results }
  open: employee(nip: $open) { ...results }
}
fragment results on Employee {
  evaluations(year: 2025) {
    status hasilKerjaScore perilakuKerjaScore score hasilKerjaRating perilakuKerjaRating predikat policyVersion
  }
  annualResult(year: 2025) { hasilKerjaScore perilakuKerjaScore score predikat policyVersion }
}`;

interface Results {
  evaluations: {
    status: string;
    hasilKerjaScore: number;
    perilakuKerjaScore: number;
    score: number;
    hasilKerjaRating: string;
    perilakuKerjaRating: string;
    predikat: string;
    policyVersion: string;
  }[];
  annualResult: {
    hasilKerjaScore: number;
    perilakuKerjaScore: number;
    score: number;
    predikat: string;
    policyVersion: string;
  };
}
interface Answer {
  scoringPolicy: { version: string };
  final: Results;
  open: Results;
}

describe('acceptance 4: final results survive a change of policy', () => {
  let db: TestDatabase;
  let scenario: Scenario;
  let admin: Record<string, string> = {};
  let defaultServer: TestServer;
  let changedServer: TestServer;
  let policyDir: string;
  const changedPolicy = makeScoringPolicy(CHANGED);

  beforeAll(async () => {
    db = await createTestDatabase();
    scenario = await buildScenario(db.orm, {
      employees: 7,
      quarters: [1],
      score: (index, _quarter, criterion) => WORKED_EXAMPLE_1[criterion.code] ?? null,
    });
    const em = db.orm.em.fork();
    const q1 = scenario.evaluations.find((e) => e.employeeIndex === 3)!;
    await finalizeEvaluation(em, await em.findOneOrFail(Evaluation, q1.id), DEFAULT_SCORING_POLICY);

    policyDir = mkdtempSync(join(tmpdir(), 'kinerja-policy-'));
    const policyFile = join(policyDir, 'policy.json');
    writeFileSync(policyFile, JSON.stringify(CHANGED));
    defaultServer = await startTestServer(db.orm);
    changedServer = await startTestServer(db.orm, { SCORING_POLICY_FILE: policyFile });
    // Outside demo mode the API needs a token: read as an administrator, who sees everything.
    admin = (await accountToken(db.orm.em.fork(), { login: 'admin', role: 'ADMIN' })).headers;
  });

  afterAll(async () => {
    await defaultServer?.stop();
    await changedServer?.stop();
    await db?.close();
    if (policyDir) rmSync(policyDir, { recursive: true, force: true });
  });

  async function ask(server: TestServer): Promise<Answer> {
    const result = await server.graphql<Answer>(
      QUERY,
      { final: scenario.employees[3].nip, open: scenario.employees[6].nip },
      admin,
    );
    expect(result.errors).toBeUndefined();
    return result.data!;
  }

  it('stores the results, the policy version and FINAL when finalising', async () => {
    const em = db.orm.em.fork();
    const stored = await em.findOneOrFail(Evaluation, { employee: scenario.employees[3].id });
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

  it('under the default policy both evaluations answer worked example 1', async () => {
    const answer = await ask(defaultServer);
    expect(answer.scoringPolicy.version).toBe(DEFAULT_SCORING_POLICY.version);
    for (const employee of [answer.final, answer.open]) {
      expect(employee.evaluations[0].score).toBeCloseTo(103.335, 10);
      expect(employee.evaluations[0]).toMatchObject({
        predikat: 'BAIK',
        policyVersion: DEFAULT_SCORING_POLICY.version,
      });
    }
    expect(answer.final.evaluations[0].status).toBe('FINAL');
    expect(answer.open.evaluations[0].status).toBe('SUBMITTED');
  });

  it('under a changed policy the FINAL results stay, the SUBMITTED ones follow the new policy', async () => {
    const answer = await ask(changedServer);
    expect(changedPolicy.version).not.toBe(DEFAULT_SCORING_POLICY.version);
    expect(answer.scoringPolicy.version).toBe(changedPolicy.version);

    // Stored when finalised: 0.7 x 103.05 + 0.3 x 104 = 103.335, (SESUAI, SESUAI) = BAIK, default version.
    const final = answer.final.evaluations[0];
    expect(final.score).toBeCloseTo(103.335, 10);
    expect(final).toMatchObject({
      hasilKerjaRating: 'SESUAI_EKSPEKTASI',
      perilakuKerjaRating: 'SESUAI_EKSPEKTASI',
      predikat: 'BAIK',
      policyVersion: DEFAULT_SCORING_POLICY.version,
    });

    // Computed now: 0.6 x 103.05 + 0.4 x 104 = 61.83 + 41.6 = 103.43; 103.05 >= 103 and 104 >= 103, so
    // (DI_ATAS, DI_ATAS) = SANGAT_BAIK, under the changed version.
    const open = answer.open.evaluations[0];
    expect(open.score).toBeCloseTo(103.43, 10);
    expect(open).toMatchObject({
      hasilKerjaRating: 'DI_ATAS_EKSPEKTASI',
      perilakuKerjaRating: 'DI_ATAS_EKSPEKTASI',
      predikat: 'SANGAT_BAIK',
      policyVersion: changedPolicy.version,
    });

    // The annual result takes the stored quarterly category scores and weighs them under the policy in force
    // (domain.md "Annual"): 0.6 x 103.05 + 0.4 x 104 = 103.43. A quarterly SANGAT_BAIK is not subject to the
    // innovation rule, but the annual one is: without a verified innovation it is BAIK.
    expect(answer.final.annualResult.score).toBeCloseTo(103.43, 10);
    expect(answer.final.annualResult).toMatchObject({ predikat: 'BAIK', policyVersion: changedPolicy.version });
  });

  it('keeps FINAL results when a criterion weight changes later, while others are recomputed', async () => {
    const em = db.orm.em.fork();
    const inovasi = await em.findOneOrFail(Criterion, { code: 'INOVASI' });
    const before = inovasi.weight;
    inovasi.weight = 35; // replaced weights: Inovasi 15 -> 35
    await em.flush();
    try {
      const answer = await ask(defaultServer);
      expect(answer.final.evaluations[0].hasilKerjaScore).toBeCloseTo(103.05, 10);
      // (20x95 + 15x95 + 35x112 + 30x110 + 20x100) / 120 = 12545 / 120 = 104.541666...
      expect(answer.open.evaluations[0].hasilKerjaScore).toBeCloseTo(12545 / 120, 10);
    } finally {
      inovasi.weight = before;
      await em.flush();
    }
  });

  it('refuses to finalise a DRAFT, an OBJECTED or an already FINAL evaluation', async () => {
    const em = db.orm.em.fork();
    const final = await em.findOneOrFail(Evaluation, { employee: scenario.employees[3].id });
    const other = await em.findOneOrFail(Evaluation, { employee: scenario.employees[6].id });
    const attempt = (evaluation: Evaluation) => finalizeEvaluation(em, evaluation, DEFAULT_SCORING_POLICY);

    await expect(attempt(final)).rejects.toThrow(/cannot be finalised: it is already final/);
    for (const [status, why] of [
      ['DRAFT', 'a DRAFT evaluation must be submitted first'],
      ['OBJECTED', 'the objection against it must be decided first'],
    ] as const) {
      other.status = status;
      const error = await attempt(other).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GraphQLError);
      expect((error as GraphQLError).message).toBe(`Evaluation ${other.id} cannot be finalised: ${why}`);
      expect((error as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
    }
    // Nothing was written: the open evaluation is still SUBMITTED in the database.
    const reread = await db.orm.em.fork().findOneOrFail(Evaluation, other.id);
    expect(reread).toMatchObject({ status: 'SUBMITTED', policyVersion: null, score: null });
  });
});
