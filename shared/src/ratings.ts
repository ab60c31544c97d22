import type { Rating } from './enums.js';
import { DEFAULT_SCORING_POLICY, type ScoringPolicy } from './policy.js';
import { roundForComparison } from './rounding.js';

/**
 * The rating of a category score: the three levels of PermenPANRB 6/2022 placed on the PP 30/2019 bands (policy):
 * `>= 110` DI_ATAS_EKSPEKTASI, `>= 90` SESUAI_EKSPEKTASI, else DI_BAWAH_EKSPEKTASI.
 * The score is rounded with roundForComparison first, so that a score of 90 on paper that the arithmetic left at
 * 89.99999999999999 is still rated SESUAI, here, in SQL and in the dashboard alike.
 */
export function rating(score: number, policy: ScoringPolicy = DEFAULT_SCORING_POLICY): Rating {
  if (!Number.isFinite(score)) throw new RangeError(`cannot rate the score ${score}`);
  const rounded = roundForComparison(score);
  if (rounded >= policy.ratingThresholds.diAtas) return 'DI_ATAS_EKSPEKTASI';
  if (rounded >= policy.ratingThresholds.sesuai) return 'SESUAI_EKSPEKTASI';
  return 'DI_BAWAH_EKSPEKTASI';
}

/** rating(), passing a missing category score (null or undefined) through as null rather than rating it as 0. */
export function ratingOrNull(
  score: number | null | undefined,
  policy: ScoringPolicy = DEFAULT_SCORING_POLICY,
): Rating | null {
  return score === null || score === undefined ? null : rating(score, policy);
}
