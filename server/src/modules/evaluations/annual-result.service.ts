import type { EntityManager } from '@mikro-orm/postgresql';
import {
  annualResult,
  COUNTED_STATUSES,
  type AnnualResult,
  type EvaluationStatus,
  type ScoringPolicy,
} from '@kinerja/shared';
import { employeeIdsByYear, employeeYearKey, type EmployeeYear } from '../../graphql/batching.js';
import type { Evaluation } from './evaluation.entity.js';
import type { EvaluationResults } from './evaluation-results.js';

/**
 * The statuses whose quarters enter an annual result: SUBMITTED, ACKNOWLEDGED and FINAL.
 *
 * domain.md says in "Annual" that DRAFT evaluations do not count, and in "Analytics" that every figure, "the annual
 * results included", counts SUBMITTED, ACKNOWLEDGED or FINAL. Read together, an OBJECTED evaluation is out as well:
 * its scores are contested until the decision sets it to ACKNOWLEDGED. Using the analytics set here also keeps one
 * annual result per employee: the agency comparison and the distribution check rank the same annual predikat that
 * the employee's own page shows, so the two cannot disagree while an objection is pending.
 */
export const ANNUAL_RESULT_STATUSES: readonly EvaluationStatus[] = COUNTED_STATUSES;

/** An annual result, with what the API adds to the shared rule's answer. */
export interface AnnualResultWithSource extends AnnualResult {
  quarterCount: number;
  policyVersion: string;
}

/** What the annual computation reads, supplied by the request's loaders so that everything is batched and shared. */
export interface AnnualResultSources {
  evaluationsOf(keys: readonly EmployeeYear[]): Promise<Evaluation[][]>;
  resultsOf(evaluations: readonly Evaluation[]): Promise<EvaluationResults[]>;
  verifiedInnovationCounts(keys: readonly EmployeeYear[]): Promise<number[]>;
}

/**
 * Annual results (evaluasi tahunan) of employees and years, null where the year has no result. The quarterly
 * category scores come from `resultsOf`, so a FINAL quarter contributes its stored scores and any other its scores
 * computed now; the annual weighting, ratings, predikat and innovation rule are those of the policy in force.
 */
export async function annualResultsOf(
  keys: readonly { employeeId: number; year: number }[],
  sources: AnnualResultSources,
  policy: ScoringPolicy,
): Promise<(AnnualResultWithSource | null)[]> {
  const [evaluationLists, innovationCounts] = await Promise.all([
    sources.evaluationsOf(keys),
    sources.verifiedInnovationCounts(keys),
  ]);
  const counted = evaluationLists.map((list) => list.filter((e) => ANNUAL_RESULT_STATUSES.includes(e.status)));
  const results = await sources.resultsOf(counted.flat());
  const resultById = new Map(counted.flat().map((evaluation, i) => [evaluation.id, results[i]]));
  return keys.map(({ year }, i) => {
    const quarters = counted[i].map((evaluation) => {
      const result = resultById.get(evaluation.id)!;
      return {
        quarter: evaluation.period.quarter,
        hasilKerjaScore: result.hasilKerjaScore,
        perilakuKerjaScore: result.perilakuKerjaScore,
      };
    });
    const result = annualResult({ year, quarters, verifiedInnovationCount: innovationCounts[i] }, policy);
    return result && { ...result, quarterCount: quarters.length, policyVersion: policy.version };
  });
}

/**
 * Verified innovations per employee and year (an innovation counts for the year it is recorded in, whenever it was
 * verified; verified means a verification time or a verifier is recorded), in one query per distinct year.
 */
export async function verifiedInnovationCounts(em: EntityManager, keys: readonly EmployeeYear[]): Promise<number[]> {
  const counts = new Map<string, number>();
  await Promise.all(
    [...employeeIdsByYear(keys)].map(async ([year, employeeIds]) => {
      const rows: { employee_id: number; n: number }[] = await em
        .getConnection()
        .execute(
          'select employee_id, count(*)::int as n from innovation ' +
            'where employee_id in (?) and (verified_at is not null or verified_by_id is not null)' +
            (year === null ? '' : ' and year = ?') +
            ' group by employee_id',
          year === null ? [employeeIds] : [employeeIds, year],
        );
      for (const row of rows) counts.set(employeeYearKey({ employeeId: row.employee_id, year }), row.n);
    }),
  );
  return keys.map((key) => counts.get(employeeYearKey(key)) ?? 0);
}
