import type { MikroORM } from '@mikro-orm/postgresql';
import {
  annualResult,
  evaluateScores,
  makeScoringPolicy,
  roundForComparison,
  type CriterionCategory,
  type ScoringPolicy,
} from '@kinerja/shared';

/**
 * An independent check of the stored results (issue 8 acceptance 1): for every evaluation in the database, the shared
 * rules recomputed from its stored scores, with the weights of its criteria and the policy in force for one that is
 * not FINAL, with the weights and the policy version it was finalised with for a FINAL one, compared with the stored
 * results; and every annual result with the stored quarterly category scores (frozen ones under their own version).
 * Answers the mismatches in words (an empty list is a pass) and the counts checked.
 */
export async function checkStoredResults(
  orm: MikroORM,
  inForce: ScoringPolicy,
): Promise<{ mismatches: string[]; evaluations: number; withScores: number; annual: number }> {
  const connection = orm.em.fork().getConnection();
  const policies = new Map<string, ScoringPolicy>();
  for (const row of await connection.execute<{ version: string; content: Record<string, unknown> }[]>(
    'select version, content from scoring_policy',
  )) {
    const policy = makeScoringPolicy(row.content as never);
    policies.set(row.version, policy);
  }
  const mismatches: string[] = [];
  for (const [version, policy] of policies) {
    if (policy.version !== version) mismatches.push(`kept policy ${version} has the content of ${policy.version}`);
  }
  const evaluations = await connection.execute<
    {
      id: number;
      status: string;
      hasil_kerja_score: number | null;
      perilaku_kerja_score: number | null;
      score: number | null;
      hasil_kerja_rating: string | null;
      perilaku_kerja_rating: string | null;
      predikat: string | null;
      policy_version: string | null;
      result_weights: Record<string, number> | null;
    }[]
  >(
    `select id, status, hasil_kerja_score, perilaku_kerja_score, score, hasil_kerja_rating, perilaku_kerja_rating,
            predikat, policy_version, result_weights from evaluation order by id`,
  );
  const scores = await connection.execute<
    { evaluation_id: number; code: string; category: CriterionCategory; weight: number; score: number }[]
  >(
    `select s.evaluation_id, c.code, c.category, c.weight, s.score
       from evaluation_score s join criterion c on c.id = s.criterion_id`,
  );
  const scoresOf = new Map<number, typeof scores>();
  for (const s of scores) {
    const list = scoresOf.get(s.evaluation_id) ?? [];
    list.push(s);
    scoresOf.set(s.evaluation_id, list);
  }
  const same = (a: number | null, b: number | null) =>
    a === null || b === null ? a === b : roundForComparison(a) === roundForComparison(b);
  let withScores = 0;
  for (const e of evaluations) {
    const list = scoresOf.get(e.id) ?? [];
    if (list.length > 0) withScores++;
    if (e.policy_version === null) {
      if (list.length > 0) mismatches.push(`evaluation ${e.id} has scores but no stored results`);
      continue;
    }
    const final = e.status === 'FINAL';
    const policy = final ? policies.get(e.policy_version) : inForce;
    if (!policy) {
      mismatches.push(`evaluation ${e.id}: policy version ${e.policy_version} is not kept`);
      continue;
    }
    if (!final && e.policy_version !== inForce.version) {
      mismatches.push(`evaluation ${e.id} (${e.status}) carries ${e.policy_version}, not ${inForce.version}`);
    }
    const inputs = list.map((s) => {
      const weight = final ? e.result_weights?.[s.code] : s.weight;
      if (weight === undefined) mismatches.push(`evaluation ${e.id}: no kept weight of criterion ${s.code}`);
      return { category: s.category, weight: weight ?? 0, score: s.score };
    });
    const expected = evaluateScores(inputs, policy);
    const stored = {
      hasilKerjaScore: e.hasil_kerja_score,
      perilakuKerjaScore: e.perilaku_kerja_score,
      score: e.score,
      hasilKerjaRating: e.hasil_kerja_rating,
      perilakuKerjaRating: e.perilaku_kerja_rating,
      predikat: e.predikat,
    };
    const numbersAgree =
      same(stored.hasilKerjaScore, expected.hasilKerjaScore) &&
      same(stored.perilakuKerjaScore, expected.perilakuKerjaScore) &&
      same(stored.score, expected.score);
    const labelsAgree =
      stored.hasilKerjaRating === expected.hasilKerjaRating &&
      stored.perilakuKerjaRating === expected.perilakuKerjaRating &&
      stored.predikat === expected.predikat;
    if (!numbersAgree || !labelsAgree) {
      mismatches.push(
        `evaluation ${e.id} (${e.status}): stored ${JSON.stringify(stored)}, rules ${JSON.stringify(expected)}`,
      );
    }
  }

  // Annual results: every employee-year with a counted evaluation has one exactly when the rule gives one.
  const quarters = await connection.execute<
    { employee_id: number; year: number; quarter: number; hk: number | null; pk: number | null }[]
  >(
    `select e.employee_id, p.year, p.quarter, e.hasil_kerja_score as hk, e.perilaku_kerja_score as pk
       from evaluation e join period p on p.id = e.period_id
      where e.status in ('SUBMITTED', 'ACKNOWLEDGED', 'FINAL')`,
  );
  const innovations = await connection.execute<{ employee_id: number; year: number; n: number }[]>(
    `select employee_id, year, count(*)::int as n from innovation
      where verified_at is not null or verified_by_id is not null group by employee_id, year`,
  );
  const annual = await connection.execute<
    {
      employee_id: number;
      year: number;
      hasil_kerja_score: number | null;
      perilaku_kerja_score: number | null;
      score: number | null;
      predikat: string | null;
      policy_version: string;
      frozen_at: Date | null;
    }[]
  >(
    `select employee_id, year, hasil_kerja_score, perilaku_kerja_score, score, predikat, policy_version, frozen_at
       from annual_result`,
  );
  const key = (employeeId: number, year: number) => `${employeeId}:${year}`;
  const quartersOf = new Map<
    string,
    { quarter: number; hasilKerjaScore: number | null; perilakuKerjaScore: number | null }[]
  >();
  for (const q of quarters) {
    const list = quartersOf.get(key(q.employee_id, q.year)) ?? [];
    list.push({ quarter: q.quarter, hasilKerjaScore: q.hk, perilakuKerjaScore: q.pk });
    quartersOf.set(key(q.employee_id, q.year), list);
  }
  const innovationsOf = new Map(innovations.map((i) => [key(i.employee_id, i.year), i.n]));
  const storedAnnual = new Map(annual.map((a) => [key(a.employee_id, a.year), a]));
  for (const [k, list] of quartersOf) {
    const stored = storedAnnual.get(k);
    const [employeeId, year] = k.split(':').map(Number);
    const policy = stored?.frozen_at ? policies.get(stored.policy_version) : inForce;
    if (!policy) {
      mismatches.push(`annual ${k}: policy version ${stored?.policy_version} is not kept`);
      continue;
    }
    // A frozen result keeps what it was computed from; the quarters of a closed year no longer change.
    const expected = annualResult({ year, quarters: list, verifiedInnovationCount: innovationsOf.get(k) ?? 0 }, policy);
    if (expected === null) {
      if (stored) mismatches.push(`annual ${k} is stored but the rule gives none`);
      continue;
    }
    if (!stored) {
      mismatches.push(`annual ${k} (employee ${employeeId}) is missing`);
      continue;
    }
    if (!stored.frozen_at && stored.policy_version !== inForce.version) {
      mismatches.push(`annual ${k} is not frozen but carries ${stored.policy_version}`);
    }
    if (
      !same(stored.hasil_kerja_score, expected.hasilKerjaScore) ||
      !same(stored.perilaku_kerja_score, expected.perilakuKerjaScore) ||
      !same(stored.score, expected.score) ||
      stored.predikat !== expected.predikat
    ) {
      mismatches.push(`annual ${k}: stored ${JSON.stringify(stored)}, rules ${JSON.stringify(expected)}`);
    }
  }
  return { mismatches, evaluations: evaluations.length, withScores, annual: annual.length };
}
