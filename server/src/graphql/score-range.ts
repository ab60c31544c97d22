import { badUserInput } from './errors.js';

/**
 * Checks the score bounds of a list filter (docs/graphql.md#orders-and-filters-of-the-lists): each bound a finite
 * number on 0..scoreMax, and `minScore` not above `maxScore` (refused at `maxScore`: the range is empty). `prefix` is
 * the path of the filter argument, e.g. `filter`.
 */
export function checkScoreRange(
  minScore: number | null | undefined,
  maxScore: number | null | undefined,
  scoreMax: number,
  prefix = 'filter',
): void {
  for (const [name, value] of [
    ['minScore', minScore],
    ['maxScore', maxScore],
  ] as const) {
    if (value === null || value === undefined) continue;
    if (!Number.isFinite(value) || value < 0 || value > scoreMax) {
      throw badUserInput(`${prefix}.${name}`, { code: 'SCORE_BOUND_RANGE', params: { name, max: scoreMax, value } });
    }
  }
  if (
    minScore !== null &&
    minScore !== undefined &&
    maxScore !== null &&
    maxScore !== undefined &&
    minScore > maxScore
  ) {
    throw badUserInput(`${prefix}.maxScore`, { code: 'SCORE_RANGE_EMPTY', params: { min: minScore, max: maxScore } });
  }
}
