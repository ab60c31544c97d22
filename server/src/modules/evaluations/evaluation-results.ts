import type { EntityManager } from '@mikro-orm/postgresql';
import { evaluateScores, type CriterionCategory, type EvaluationScores, type ScoringPolicy } from '@kinerja/shared';
import { badUserInput } from '../../graphql/errors.js';
import { EvaluationScore } from './evaluation-score.entity.js';
import type { Evaluation } from './evaluation.entity.js';

/** A criterion score with what the rules need of its criterion. */
export interface ScoreWithCriterion {
  score: number;
  criterion: { category: CriterionCategory; weight: number };
}

/** An evaluation's results and the version of the scoring policy that produced them. */
export interface EvaluationResults extends EvaluationScores {
  policyVersion: string;
}

/** The results the shared rules give for these scores under `policy`. */
export function computeResults(scores: readonly ScoreWithCriterion[], policy: ScoringPolicy): EvaluationResults {
  const computed = evaluateScores(
    scores.map(({ score, criterion }) => ({ category: criterion.category, weight: criterion.weight, score })),
    policy,
  );
  return { ...computed, policyVersion: policy.version };
}

/**
 * The results of an evaluation, the one place that decides where they come from (domain.md, "Period"): a FINAL
 * evaluation answers with the results stored when it was finalised, whatever the policy in force now, so a later
 * policy change never rewrites a final result; any other status computes them from its current scores and the
 * weights and categories of their criteria under the policy in force. `scores` is not read for a FINAL evaluation.
 */
export function resultsOf(
  evaluation: Pick<
    Evaluation,
    | 'id'
    | 'status'
    | 'hasilKerjaScore'
    | 'perilakuKerjaScore'
    | 'score'
    | 'hasilKerjaRating'
    | 'perilakuKerjaRating'
    | 'predikat'
    | 'policyVersion'
  >,
  scores: readonly ScoreWithCriterion[],
  policy: ScoringPolicy,
): EvaluationResults {
  if (evaluation.status !== 'FINAL') return computeResults(scores, policy);
  if (evaluation.policyVersion === null) {
    // The database refuses this (check evaluation_final_has_policy); reaching it means the row was tampered with.
    throw new Error(`evaluation ${evaluation.id} is FINAL without a stored policy version`);
  }
  return {
    hasilKerjaScore: evaluation.hasilKerjaScore,
    perilakuKerjaScore: evaluation.perilakuKerjaScore,
    score: evaluation.score,
    hasilKerjaRating: evaluation.hasilKerjaRating,
    perilakuKerjaRating: evaluation.perilakuKerjaRating,
    predikat: evaluation.predikat,
    policyVersion: evaluation.policyVersion,
  };
}

/**
 * Finalises an evaluation: computes its results from its scores under `policy`, stores them with the policy version,
 * and sets the status to FINAL (domain.md: stored results are used from then on). Flushes `em`; the optimistic-lock
 * version goes up. Refuses a DRAFT (never submitted), an OBJECTED (the objection must be decided first) and an
 * already FINAL evaluation, whose stored results must not be recomputed. Role checks belong to the caller.
 */
export async function finalizeEvaluation(
  em: EntityManager,
  evaluation: Evaluation,
  policy: ScoringPolicy,
  now: Date = new Date(),
): Promise<Evaluation> {
  if (evaluation.status === 'DRAFT' || evaluation.status === 'OBJECTED' || evaluation.status === 'FINAL') {
    const why = {
      DRAFT: 'a DRAFT evaluation must be submitted first',
      OBJECTED: 'the objection against it must be decided first',
      FINAL: 'it is already final',
    }[evaluation.status];
    throw badUserInput('status', `Evaluation ${evaluation.id} cannot be finalised: ${why}`);
  }
  const scores = await em.find(EvaluationScore, { evaluation: evaluation.id }, { populate: ['criterion'] });
  const results = computeResults(scores, policy);
  em.assign(evaluation, {
    hasilKerjaScore: results.hasilKerjaScore,
    perilakuKerjaScore: results.perilakuKerjaScore,
    score: results.score,
    hasilKerjaRating: results.hasilKerjaRating,
    perilakuKerjaRating: results.perilakuKerjaRating,
    predikat: results.predikat,
    policyVersion: results.policyVersion,
    status: 'FINAL',
    finalizedAt: now,
  });
  await em.flush();
  return evaluation;
}
