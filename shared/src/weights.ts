import { CRITERION_CATEGORIES, type CriterionCategory } from './enums.js';
import { problem, type Problem } from './problems.js';
import { roundForComparison } from './rounding.js';

/**
 * The weight rules of the criteria catalogue, checked in one place for the API (createCriterion,
 * replaceCriterionWeights) and the import (criteria.csv) alike (docs/scoring.md#criteria-and-weights):
 * - a weight is above 0 and at most 100;
 * - for every agency, year and category, the weights of the criteria that apply (the city-wide ones plus the
 *   agency's own, in force that year) sum to 100, compared after `roundForComparison` (so 33.3 + 33.3 + 33.4 and
 *   99.9999999 pass). A category with no criterion at all in a year is not checked.
 */

/** The largest weight of one criterion, and what the weights of a category sum to. */
export const WEIGHT_MAX = 100;
export const WEIGHT_TOTAL = 100;

/** The problems of one weight: a finite number above 0 and at most WEIGHT_MAX. */
export function checkWeight(weight: number, field = 'weight'): Problem[] {
  if (Number.isFinite(weight) && weight > 0 && weight <= WEIGHT_MAX) return [];
  return [problem('WEIGHT_OUT_OF_RANGE', field, { value: weight, max: WEIGHT_MAX })];
}

/** Sums weights as the rule compares them: rounded for comparison. */
export function weightTotal(weights: readonly number[]): number {
  return roundForComparison(weights.reduce((sum, w) => sum + w, 0));
}

/**
 * The problem of a complete list of weights given for one agency, category and year (as replaceCriterionWeights
 * takes them): they must sum to 100. Field `weights`.
 */
export function checkWeightList(
  weights: readonly number[],
  where: { category: CriterionCategory; agency: string; year: number },
): Problem[] {
  const sum = weightTotal(weights);
  if (sum === WEIGHT_TOTAL) return [];
  const { category, agency, year } = where;
  return [problem('WEIGHTS_SUM_NOT_100', 'weights', { category, agency, from: year, to: year, sum })];
}

/** What the sum rule needs of a criterion: whom it applies to (null: every agency), its category, weight and years. */
export interface WeightedCriterion {
  agencyId: number | null;
  category: CriterionCategory;
  weight: number;
  yearFrom: number;
  /** The last year in force; null while it has no end. */
  yearTo: number | null;
}

/** True when a criterion is in force in a year. */
export function inForce(c: Pick<WeightedCriterion, 'yearFrom' | 'yearTo'>, year: number): boolean {
  return c.yearFrom <= year && (c.yearTo === null || c.yearTo >= year);
}

/** The criteria of a category that apply to an agency in a year: the city-wide ones and the agency's own. */
export function criteriaInForce<C extends WeightedCriterion>(
  criteria: readonly C[],
  agencyId: number,
  category: CriterionCategory,
  year: number,
): C[] {
  return criteria.filter(
    (c) => c.category === category && inForce(c, year) && (c.agencyId === null || c.agencyId === agencyId),
  );
}

/**
 * What to check: one agency, one category, the years `from`..`to` (null: on). `ref` is handed back with a problem
 * found in these years (e.g. the file line that asked for the check); where scopes overlap, the first one given
 * wins.
 */
export interface WeightScope<R> {
  agencyId: number;
  /** The agency's code, named in the problem. */
  agency: string;
  category: CriterionCategory;
  from: number;
  to: number | null;
  ref: R;
}

/** A broken sum, with the `ref` of the scope that covers its first year. */
export type WeightSumProblem<R> = Problem<'WEIGHTS_SUM_NOT_100'> & { ref: R };

/**
 * Checks the sum rule over the criteria given (the whole catalogue of the categories concerned, as it will be after
 * the change) in every scope. The set in force changes only at a criterion's first year or the year after its last,
 * so those years (and each scope's first year) cover every year. Consecutive years with the same wrong sum are one
 * problem (`from`..`to`, `to` null when it runs on without end). Problems come by category, then agency in the order
 * of the scopes, then year.
 */
export function checkWeightSums<R>(
  criteria: readonly WeightedCriterion[],
  scopes: readonly WeightScope<R>[],
): WeightSumProblem<R>[] {
  const problems: WeightSumProblem<R>[] = [];
  for (const category of CRITERION_CATEGORIES) {
    const inCategory = criteria.filter((c) => c.category === category);
    const boundaries = new Set<number>();
    for (const c of inCategory) {
      boundaries.add(c.yearFrom);
      if (c.yearTo !== null) boundaries.add(c.yearTo + 1);
    }
    const sortedBoundaries = [...boundaries].sort((a, b) => a - b);
    // Per agency: the years to check, each with the first scope that asked for it.
    const perAgency = new Map<number, { agency: string; years: Map<number, R> }>();
    for (const scope of scopes) {
      if (scope.category !== category) continue;
      let entry = perAgency.get(scope.agencyId);
      if (!entry) perAgency.set(scope.agencyId, (entry = { agency: scope.agency, years: new Map() }));
      const years = [scope.from, ...sortedBoundaries].filter(
        (y) => y >= scope.from && (scope.to === null || y <= scope.to),
      );
      for (const y of years) if (!entry.years.has(y)) entry.years.set(y, scope.ref);
    }
    for (const [agencyId, { agency, years }] of perAgency) {
      let run: WeightSumProblem<R> | null = null;
      const flush = () => {
        if (run) problems.push(run);
        run = null;
      };
      for (const year of [...years.keys()].sort((a, b) => a - b)) {
        const sum = weightTotal(criteriaInForce(inCategory, agencyId, category, year).map((c) => c.weight));
        const next = sortedBoundaries.find((b) => b > year);
        const end = next === undefined ? null : next - 1;
        if (sum === 0 || sum === WEIGHT_TOTAL) {
          flush();
          continue;
        }
        const current = run as WeightSumProblem<R> | null;
        if (current && current.params.sum === sum && current.params.to !== null && current.params.to + 1 === year) {
          current.params.to = end;
        } else {
          flush();
          run = {
            ...problem('WEIGHTS_SUM_NOT_100', 'weight', { category, agency, from: year, to: end, sum }),
            ref: years.get(year)!,
          };
        }
      }
      flush();
    }
  }
  return problems;
}
