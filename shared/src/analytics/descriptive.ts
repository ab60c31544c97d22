import { PREDIKATS, type Predikat } from '../enums.js';

/**
 * Descriptive statistics of a group of scores, exactly as docs/analytics.md defines them, so that the SQL read models
 * (`avg`, `stddev_samp`, `percentile_cont`, `min`, `max`) and these functions give the same figures. Every function
 * takes the values in any order and never changes the array it is given.
 */

/** The figures of one group. Every number is null for an empty group; `stddev` is null for a group of one. */
export interface Description {
  /** How many values the group holds. */
  n: number;
  mean: number | null;
  /** Sample standard deviation (divides by n - 1), as PostgreSQL's `stddev_samp`. */
  stddev: number | null;
  min: number | null;
  p25: number | null;
  median: number | null;
  p75: number | null;
  max: number | null;
}

/** The arithmetic mean; null for no values. */
export function mean(values: readonly number[]): number | null {
  assertFinite(values);
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/**
 * The sample standard deviation `sqrt(sum((x - mean)^2) / (n - 1))`; null for fewer than two values (a single value
 * says nothing about spread, and PostgreSQL's `stddev_samp` is null there too). Two passes (mean first), so that
 * scores near 100 with a tiny spread do not lose their digits.
 */
export function sampleStdDev(values: readonly number[]): number | null {
  const variance = sampleVariance(values);
  return variance === null ? null : Math.sqrt(variance);
}

/** The sample variance `sum((x - mean)^2) / (n - 1)`; null for fewer than two values. */
export function sampleVariance(values: readonly number[]): number | null {
  assertFinite(values);
  if (values.length < 2) return null;
  const m = mean(values) as number;
  let squares = 0;
  for (const v of values) squares += (v - m) * (v - m);
  return squares / (values.length - 1);
}

/**
 * The p-th percentile (0 <= p <= 1) by linear interpolation between the two nearest ranks, as PostgreSQL's
 * `percentile_cont`: with the values sorted ascending as v[0..n-1], position `p * (n - 1)`, lower row `floor`, upper
 * row `ceil`, result `v[lower] + (v[upper] - v[lower]) * (position - lower)` (the same operations in the same order
 * as PostgreSQL, so the doubles agree). Null for no values.
 */
export function percentileCont(values: readonly number[], p: number): number | null {
  assertFinite(values);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`percentile must be between 0 and 1, got ${p}`);
  if (values.length === 0) return null;
  return percentileOfSorted(sortAscending(values), p);
}

/** n, mean, sample standard deviation, min, quartiles (percentile_cont) and max of a group of values. */
export function describeValues(values: readonly number[]): Description {
  assertFinite(values);
  if (values.length === 0) {
    return { n: 0, mean: null, stddev: null, min: null, p25: null, median: null, p75: null, max: null };
  }
  const sorted = sortAscending(values);
  return {
    n: values.length,
    mean: mean(values),
    stddev: sampleStdDev(values),
    min: sorted[0] as number,
    p25: percentileOfSorted(sorted, 0.25),
    median: percentileOfSorted(sorted, 0.5),
    p75: percentileOfSorted(sorted, 0.75),
    max: sorted[sorted.length - 1] as number,
  };
}

/** One predikat's count in a group and its share of the group's values that have a predikat. */
export interface PredikatCount {
  predikat: Predikat;
  count: number;
  /** count / (values with a predikat); null when none has one. */
  share: number | null;
}

/**
 * Counts of each of the five predikat, best first, zeros included, and each one's share. The share's denominator is
 * the number of values that HAVE a predikat (a null predikat, e.g. an evaluation with only one category, counts in
 * no share); where a score is defined the predikat is too, so for the quarterly or annual score it is simply n.
 */
export function predikatCounts(predikats: readonly (Predikat | null)[]): PredikatCount[] {
  const counts = new Map<Predikat, number>(PREDIKATS.map((p) => [p, 0]));
  let total = 0;
  for (const p of predikats) {
    if (p === null) continue;
    const current = counts.get(p);
    if (current === undefined) throw new RangeError(`predikat "${String(p)}" is not one of ${PREDIKATS.join(', ')}`);
    counts.set(p, current + 1);
    total += 1;
  }
  return PREDIKATS.map((predikat) => {
    const count = counts.get(predikat) as number;
    return { predikat, count, share: total === 0 ? null : count / total };
  });
}

function sortAscending(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

function percentileOfSorted(sorted: readonly number[], p: number): number {
  const position = p * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const lo = sorted[lower] as number;
  if (lower === upper) return lo;
  const hi = sorted[upper] as number;
  return lo + (hi - lo) * (position - lower);
}

function assertFinite(values: readonly number[]): void {
  for (const [i, v] of values.entries()) {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new RangeError(`values[${i}] must be a finite number, got ${String(v)}`);
    }
  }
}
