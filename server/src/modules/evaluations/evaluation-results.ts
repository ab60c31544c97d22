import type { EntityManager } from '@mikro-orm/postgresql';
import type { EvaluationScores, ScoringPolicy } from '@kinerja/shared';
import { badUserInput } from '../../graphql/errors.js';
import { sqlOf, writeResults, writerTransaction } from '../results/index.js';
import type { Evaluation } from './evaluation.entity.js';

/** An evaluation's results and the version of the scoring policy that produced them. */
export interface EvaluationResults extends EvaluationScores {
  policyVersion: string;
}

/**
 * The stored results of an evaluation (docs/scoring.md "Stored results"): the results writer keeps them up to date
 * for every evaluation, and frozen once FINAL, so a read never computes them. `policyInForce` answers for an
 * evaluation that has never had a score (nothing stored yet: every result null).
 */
export function storedResults(
  evaluation: Pick<
    Evaluation,
    | 'hasilKerjaScore'
    | 'perilakuKerjaScore'
    | 'score'
    | 'hasilKerjaRating'
    | 'perilakuKerjaRating'
    | 'predikat'
    | 'policyVersion'
  >,
  policyInForce: string,
): EvaluationResults {
  return {
    hasilKerjaScore: evaluation.hasilKerjaScore,
    perilakuKerjaScore: evaluation.perilakuKerjaScore,
    score: evaluation.score,
    hasilKerjaRating: evaluation.hasilKerjaRating,
    perilakuKerjaRating: evaluation.perilakuKerjaRating,
    predikat: evaluation.predikat,
    policyVersion: evaluation.policyVersion ?? policyInForce,
  };
}

/**
 * Finalises an evaluation: its results are computed once more by the results writer under the weights and policy in
 * force, then frozen by the status FINAL (docs/scoring.md#periods-and-final-results). Runs in the caller's transaction when there is one,
 * else in its own; the optimistic-lock version goes up and `evaluation` is refreshed. Refuses a DRAFT (never
 * submitted), an OBJECTED (the objection must be decided first) and an already FINAL evaluation. Role checks belong
 * to the caller.
 */
export async function finalizeEvaluation(
  em: EntityManager,
  evaluation: Evaluation,
  policy: ScoringPolicy,
  now: Date = new Date(),
): Promise<Evaluation> {
  if (evaluation.status === 'DRAFT' || evaluation.status === 'OBJECTED' || evaluation.status === 'FINAL') {
    throw badUserInput('status', {
      code: 'EVALUATION_NOT_FINALISABLE',
      params: { id: evaluation.id, status: evaluation.status },
    });
  }
  await writerTransaction(em, async (tem) => {
    const sql = await sqlOf(tem);
    await writeResults(sql, [evaluation.id], policy);
    await sql.query(
      `update evaluation set status = 'FINAL', finalized_at = $2, version = version + 1, updated_at = now()
        where id = $1`,
      [evaluation.id, now],
    );
  });
  await em.refresh(evaluation);
  return evaluation;
}
