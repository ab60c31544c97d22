import {
  annualResult,
  evaluateScores,
  type AnnualResult,
  type CriterionCategory,
  type EvaluationScores,
  type ScoringPolicy,
} from '@kinerja/shared';

/** One criterion score of an evaluation, with the category and weight of its criterion. */
export interface ScoreOfEvaluation {
  evaluationId: number;
  /** The criterion's code: one code names one criterion for an agency and year, also after a re-weighting. */
  criterionCode: string;
  category: CriterionCategory;
  weight: number;
  score: number;
}

/** The stored results of one evaluation: what the shared rules give, the policy version and the weights used. */
export interface EvaluationResultRow extends EvaluationScores {
  evaluationId: number;
  policyVersion: string;
  /** Criterion code -> weight, of every scored criterion. */
  weights: Record<string, number>;
}

/**
 * The pure batch computation of quarterly results (docs/scoring.md "Stored results"): the scores of many evaluations
 * (in any order) and the ids of the evaluations wanted -> one results row per evaluation, computed by the shared
 * `evaluateScores` under `policy`. An evaluation without any score gets a row of nulls. The importer runs it on its
 * staged rows before inserting; the writer on the scores it reads.
 */
export function computeEvaluationResults(
  evaluationIds: Iterable<number>,
  scores: Iterable<ScoreOfEvaluation>,
  policy: ScoringPolicy,
): EvaluationResultRow[] {
  const byEvaluation = new Map<number, ScoreOfEvaluation[]>();
  for (const id of evaluationIds) byEvaluation.set(id, []);
  for (const s of scores) {
    let list = byEvaluation.get(s.evaluationId);
    if (!list) byEvaluation.set(s.evaluationId, (list = []));
    list.push(s);
  }
  const rows: EvaluationResultRow[] = [];
  for (const [evaluationId, list] of byEvaluation) rows.push(evaluationResultRow(evaluationId, list, policy));
  return rows;
}

/** The results row of one evaluation from its scores. */
export function evaluationResultRow(
  evaluationId: number,
  scores: readonly Omit<ScoreOfEvaluation, 'evaluationId'>[],
  policy: ScoringPolicy,
): EvaluationResultRow {
  const weights: Record<string, number> = {};
  for (const s of scores) weights[s.criterionCode] = s.weight;
  return { evaluationId, ...evaluateScores(scores, policy), policyVersion: policy.version, weights };
}

/** One counted quarter (SUBMITTED, ACKNOWLEDGED, FINAL) of an employee's year, with its stored category scores. */
export interface CountedQuarter {
  employeeId: number;
  year: number;
  quarter: number;
  agencyId: number;
  hasilKerjaScore: number | null;
  perilakuKerjaScore: number | null;
}

/** A stored annual result: the shared rule's answer and what the API adds. */
export interface AnnualResultRow extends AnnualResult {
  employeeId: number;
  /** The agency of the employee's last counted evaluation that year. */
  agencyId: number | null;
  quarterCount: number;
  policyVersion: string;
}

/**
 * The pure batch computation of annual results (docs/scoring.md "Annual result"): per employee and year, the shared
 * `annualResult` over the stored category scores of its counted quarters, with the verified innovations of that year.
 * Keys without any category score give null (no annual result).
 */
export function computeAnnualResults(
  keys: readonly { employeeId: number; year: number }[],
  quarters: Iterable<CountedQuarter>,
  innovations: ReadonlyMap<string, number>,
  policy: ScoringPolicy,
): (AnnualResultRow | null)[] {
  const byKey = new Map<string, CountedQuarter[]>();
  for (const q of quarters) {
    const key = `${q.employeeId}:${q.year}`;
    let list = byKey.get(key);
    if (!list) byKey.set(key, (list = []));
    list.push(q);
  }
  return keys.map(({ employeeId, year }) => {
    const key = `${employeeId}:${year}`;
    const list = (byKey.get(key) ?? []).sort((a, b) => a.quarter - b.quarter);
    const result = annualResult({ year, quarters: list, verifiedInnovationCount: innovations.get(key) ?? 0 }, policy);
    if (!result) return null;
    return {
      ...result,
      employeeId,
      agencyId: list.length > 0 ? list[list.length - 1].agencyId : null,
      quarterCount: list.length,
      policyVersion: policy.version,
    };
  });
}
