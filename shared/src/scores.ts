import type { CriterionCategory, Direction, Predikat, Rating } from './enums.js';
import { DEFAULT_SCORING_POLICY, type ScoringPolicy } from './policy.js';
import { predikat } from './predikat.js';
import { ratingOrNull } from './ratings.js';

/**
 * The score of a criterion measured by an indicator, on the PP 30/2019 scale where 100 means the target was met
 * exactly and `max` (120) is the cap: `100 * realisation / target` when higher is better, `100 * target / realisation`
 * when lower is better (a realisation of 0, e.g. no complaints at all, then scores the maximum).
 * Computed as `(100 * a) / b`, not `100 * (a / b)`: with whole or decimal inputs the former is exact far more often
 * (100 * 88 / 80 is 110; 100 * (88 / 80) is 110.00000000000001).
 * Throws RangeError for a target <= 0, a negative realisation or a non-finite input, which have no meaning here.
 */
export function indicatorScore(realisation: number, target: number, direction: Direction, max = 120): number {
  if (!Number.isFinite(realisation) || !Number.isFinite(target) || !Number.isFinite(max)) {
    throw new RangeError(`indicator inputs must be finite numbers (realisation ${realisation}, target ${target})`);
  }
  if (target <= 0) throw new RangeError(`indicator target must be above 0, got ${target}`);
  if (realisation < 0) throw new RangeError(`indicator realisation must not be negative, got ${realisation}`);
  if (direction === 'HIGHER_IS_BETTER') return Math.min(max, (100 * realisation) / target);
  // Said explicitly, as the rule does: 100 * target / 0 would be Infinity, which the cap would also turn into max.
  if (realisation === 0) return max;
  return Math.min(max, (100 * target) / realisation);
}

/** One criterion's weight and its score, or no score (null or undefined) when it was not scored. */
export interface WeightedScore {
  weight: number;
  score: number | null | undefined;
}

/**
 * The score of one category of an evaluation: the weighted mean `sum(w * s) / sum(w)` over the criteria that have a
 * score (docs/scoring.md). Unscored criteria are left out and the weights renormalise over the rest, so a
 * criterion that did not apply this quarter neither helps nor hurts. Null when nothing is scored (or the scored
 * weights sum to 0): a missing category is not a 0.
 * Throws RangeError for a negative or non-finite weight or score.
 */
export function categoryScore(items: readonly WeightedScore[]): number | null {
  let weightedSum = 0;
  let weightSum = 0;
  for (const { weight, score } of items) {
    if (!Number.isFinite(weight) || weight < 0) throw new RangeError(`criterion weight must be >= 0, got ${weight}`);
    if (score === null || score === undefined) continue;
    if (!Number.isFinite(score) || score < 0) throw new RangeError(`criterion score must be >= 0, got ${score}`);
    weightedSum += weight * score;
    weightSum += weight;
  }
  return weightSum > 0 ? weightedSum / weightSum : null;
}

/**
 * The quarterly score (nilai kinerja) = `0.7 * HASIL_KERJA + 0.3 * PERILAKU_KERJA` (PP 30/2019 Pasal 41; the
 * weights come from the policy). Null when either category score is missing: never 0, which would read as a
 * catastrophic quarter instead of an incomplete one.
 */
export function quarterlyScore(
  hasilKerja: number | null,
  perilakuKerja: number | null,
  policy: ScoringPolicy = DEFAULT_SCORING_POLICY,
): number | null {
  if (hasilKerja === null || perilakuKerja === null) return null;
  return policy.categoryWeights.HASIL_KERJA * hasilKerja + policy.categoryWeights.PERILAKU_KERJA * perilakuKerja;
}

/** One criterion score of an evaluation, with the category and weight of its criterion. */
export interface CriterionScoreInput {
  category: CriterionCategory;
  weight: number;
  score: number | null;
}

/** Everything computed from an evaluation's criterion scores; what finalising stores with the policy version. */
export interface EvaluationScores {
  hasilKerjaScore: number | null;
  perilakuKerjaScore: number | null;
  /** The quarterly score; null unless both categories have a score. */
  score: number | null;
  hasilKerjaRating: Rating | null;
  perilakuKerjaRating: Rating | null;
  /** Null unless both ratings exist. */
  predikat: Predikat | null;
}

/**
 * The whole result of one quarterly evaluation: category scores, quarterly score, the two ratings and the predikat
 * (docs/scoring.md). Criteria are split by category; the caller passes the criteria in force for that employee,
 * agency and year.
 */
export function evaluateScores(
  scores: readonly CriterionScoreInput[],
  policy: ScoringPolicy = DEFAULT_SCORING_POLICY,
): EvaluationScores {
  const hasilKerjaScore = categoryScore(scores.filter((s) => s.category === 'HASIL_KERJA'));
  const perilakuKerjaScore = categoryScore(scores.filter((s) => s.category === 'PERILAKU_KERJA'));
  const hasilKerjaRating = ratingOrNull(hasilKerjaScore, policy);
  const perilakuKerjaRating = ratingOrNull(perilakuKerjaScore, policy);
  return {
    hasilKerjaScore,
    perilakuKerjaScore,
    score: quarterlyScore(hasilKerjaScore, perilakuKerjaScore, policy),
    hasilKerjaRating,
    perilakuKerjaRating,
    predikat:
      hasilKerjaRating !== null && perilakuKerjaRating !== null
        ? predikat(hasilKerjaRating, perilakuKerjaRating)
        : null,
  };
}
