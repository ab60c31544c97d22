/**
 * The one rounding used before comparing scores with thresholds or with each other (docs/scoring.md#comparison-rounding).
 *
 * Scores are sums of products of doubles, so a score that is 90 on paper can come out as 89.99999999999999
 * (0.7 * 87.3 + 0.3 * 96.3). Rounding to 6 decimal places removes that noise while keeping every real difference a
 * clerk could enter. The SQL side must use the same formula, `round(x * 1e6) / 1e6` on the double value, so that the
 * server, the database and the dashboard never disagree on a rating. Scores are never negative, so `Math.round`'s
 * half-up behaviour on negative numbers does not matter.
 */
export function roundForComparison(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** Orders two scores after `roundForComparison`: -1 if a < b, 0 if they are equal, 1 if a > b. */
export function compareScores(a: number, b: number): -1 | 0 | 1 {
  const ra = roundForComparison(a);
  const rb = roundForComparison(b);
  if (ra < rb) return -1;
  if (ra > rb) return 1;
  return 0;
}
