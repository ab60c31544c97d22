import type { Predikat, Rating } from './enums.js';
import { isValidQuarter } from './periods.js';
import { DEFAULT_SCORING_POLICY, type ScoringPolicy } from './policy.js';
import { predikat as predikatOf } from './predikat.js';
import { ratingOrNull } from './ratings.js';
import { quarterlyScore } from './scores.js';

/** The category scores of one quarter's evaluation (stored ones where the evaluation is final). */
export interface AnnualQuarterInput {
  quarter: number;
  hasilKerjaScore: number | null;
  perilakuKerjaScore: number | null;
}

export interface AnnualInput {
  year: number;
  /**
   * The employee's evaluations of that year, at most one per quarter. The caller leaves DRAFT evaluations out
   * (and, for analytics, everything not in COUNTED_STATUSES): this function counts whatever it is given.
   */
  quarters: readonly AnnualQuarterInput[];
  /** Verified innovations recorded for `year` (an innovation counts for the year it is recorded in). */
  verifiedInnovationCount: number;
}

export interface AnnualResult {
  year: number;
  hasilKerjaScore: number | null;
  perilakuKerjaScore: number | null;
  /** Null unless both annual category scores exist. */
  score: number | null;
  hasilKerjaRating: Rating | null;
  perilakuKerjaRating: Rating | null;
  /** The official annual predikat, after the innovation rule. Null unless both ratings exist. */
  predikat: Predikat | null;
  /** The predikat from the matrix alone, so the page can show what the innovation rule changed. */
  predikatBeforeInnovationRule: Predikat | null;
  innovationCount: number;
  /** True when the innovation rule turned SANGAT_BAIK into BAIK. */
  innovationRuleApplied: boolean;
  /** Plain-English reason when a rule changed the result, for the employee's page; otherwise null. */
  note: string | null;
}

/**
 * The annual result (evaluasi tahunan, docs/scoring.md#annual-result). Each annual category score is the mean of the quarterly
 * category scores that exist (a quarter with only one category counts towards that category only); the annual score
 * weighs them like a quarter (PP 30/2019 Pasal 41); ratings and predikat follow the same rules as a quarter.
 *
 * Innovation rule (PP 30/2019 Pasal 41 and the city's wish to reward new programmes; policy, on by default): an
 * annual SANGAT_BAIK stands only with at least one verified innovation in that year; without one it becomes BAIK and
 * `note` says why, because an employee who sees their scores add up to SANGAT_BAIK is owed the reason.
 *
 * Returns null when no quarter has any category score: there is no annual result to show.
 * Throws RangeError for a quarter outside 1-4, a quarter given twice, or a negative or fractional innovation count.
 */
export function annualResult(input: AnnualInput, policy: ScoringPolicy = DEFAULT_SCORING_POLICY): AnnualResult | null {
  const { year, quarters, verifiedInnovationCount } = input;
  if (!Number.isInteger(verifiedInnovationCount) || verifiedInnovationCount < 0) {
    throw new RangeError(`verified innovation count must be a whole number >= 0, got ${verifiedInnovationCount}`);
  }
  const seen = new Set<number>();
  for (const { quarter } of quarters) {
    if (!isValidQuarter(quarter)) throw new RangeError(`quarter ${quarter} of ${year} is outside 1-4`);
    if (seen.has(quarter)) throw new RangeError(`quarter ${quarter} of ${year} is given twice`);
    seen.add(quarter);
  }

  const hasilKerjaScore = meanOfPresent(quarters.map((q) => q.hasilKerjaScore));
  const perilakuKerjaScore = meanOfPresent(quarters.map((q) => q.perilakuKerjaScore));
  if (hasilKerjaScore === null && perilakuKerjaScore === null) return null;

  const hasilKerjaRating = ratingOrNull(hasilKerjaScore, policy);
  const perilakuKerjaRating = ratingOrNull(perilakuKerjaScore, policy);
  const predikatBeforeInnovationRule =
    hasilKerjaRating !== null && perilakuKerjaRating !== null
      ? predikatOf(hasilKerjaRating, perilakuKerjaRating)
      : null;

  const innovationRuleApplied =
    policy.innovationRule && predikatBeforeInnovationRule === 'SANGAT_BAIK' && verifiedInnovationCount < 1;

  return {
    year,
    hasilKerjaScore,
    perilakuKerjaScore,
    score: quarterlyScore(hasilKerjaScore, perilakuKerjaScore, policy),
    hasilKerjaRating,
    perilakuKerjaRating,
    predikat: innovationRuleApplied ? 'BAIK' : predikatBeforeInnovationRule,
    predikatBeforeInnovationRule,
    innovationCount: verifiedInnovationCount,
    innovationRuleApplied,
    note: innovationRuleApplied
      ? `SANGAT_BAIK requires at least one verified innovation in ${year} (PP 30/2019 Pasal 41, city policy); ` +
        'none recorded, so the predikat is BAIK.'
      : null,
  };
}

/** Mean of the values that exist; null when none does. */
function meanOfPresent(values: readonly (number | null)[]): number | null {
  let sum = 0;
  let count = 0;
  for (const value of values) {
    if (value === null) continue;
    sum += value;
    count += 1;
  }
  return count > 0 ? sum / count : null;
}
