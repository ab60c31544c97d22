import { mean, sampleVariance } from './descriptive.js';
import type { AnalyticsNote } from './notes.js';
import { compareKeys } from './ranks.js';

/**
 * Training impact as a difference in differences stacked by cohort (docs/analytics.md, "Training impact"). Quarters
 * are quarter indexes (periods.ts `quarterIndex`), so windows cross year ends by plain arithmetic.
 */

/** One employee's quarterly score of one quarter (counted evaluations only); null when the score is not defined. */
export interface EmployeeQuarterScore {
  employeeId: string;
  quarter: number;
  score: number | null;
}

/** One completed participation (status COMPLETED with a completion date): the quarter of its completion date. */
export interface CompletedTraining {
  employeeId: string;
  quarter: number;
}

export interface TrainingImpactInput {
  /** Quarterly scores of every employee who may be treated or a control, at most one row per employee and quarter. */
  scores: readonly EmployeeQuarterScore[];
  /** Completed participations in scope (the training, the agency's employees, both, or every training). */
  inScopeCompletions: readonly CompletedTraining[];
  /** Completed participations of ANY training (the in-scope ones are taken as included whether repeated or not). */
  allCompletions: readonly CompletedTraining[];
  /** The agency on each employee's record; an employee without one is neither treated nor a control. */
  agencyOf: ReadonlyMap<string, string>;
  /** Quarters before and after the training quarter (policy `trainingImpactDefaultWindow`, 2). */
  window: number;
  /** Fewest treated and control employees for a result (policy `trainingImpactMinN`, 5). */
  minN: number;
}

/** One kept cohort (agency x t0 with at least one treated and one control employee). */
export interface TrainingImpactCohort {
  agencyCode: string;
  t0: number;
  nTreated: number;
  nControl: number;
  /** nTreated of this cohort / nTreated of all kept cohorts. */
  weight: number;
  effect: number;
}

/** The weighted difference in differences over the kept cohorts. */
export interface DidEstimate {
  nTreated: number;
  nControl: number;
  treatedPre: number;
  treatedPost: number;
  controlPre: number;
  controlPost: number;
  effect: number;
  standardError: number;
  ciLow: number;
  ciHigh: number;
  cohorts: TrainingImpactCohort[];
}

export interface TrainingImpactResult {
  /** All null when suppressed (nTreated or nControl below minN, for every caller). */
  nTreated: number | null;
  nControl: number | null;
  treatedPre: number | null;
  treatedPost: number | null;
  controlPre: number | null;
  controlPost: number | null;
  effect: number | null;
  standardError: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  /** The kept cohorts; empty when suppressed. */
  cohorts: TrainingImpactCohort[];
  /**
   * The same computation one window earlier (t0-2w..t0-w-1 vs t0-w..t0-1) on the same treated and control employees;
   * null when suppressed, when no cohort keeps a treated and a control employee there, or when it has fewer than
   * minN treated or control employees (preTrendNote says which).
   */
  preTrend: DidEstimate | null;
  preTrendNote: AnalyticsNote | null;
  suppressed: boolean;
  note: AnalyticsNote | null;
}

/** z of the two-sided 95% interval. */
export const CI95_Z = 1.96;

/** One employee of one cohort: the means of their scores in the "before" and "after" windows. */
interface Change {
  employeeId: string;
  before: number;
  after: number;
}

interface Cohort {
  agencyCode: string;
  t0: number;
  treated: string[];
}

export function trainingImpact(input: TrainingImpactInput): TrainingImpactResult {
  const { window: w, minN } = input;
  if (!Number.isInteger(w) || w < 1) throw new RangeError(`window must be a whole number of at least 1, got ${w}`);
  if (!Number.isInteger(minN) || minN < 1)
    throw new RangeError(`minN must be a whole number of at least 1, got ${minN}`);

  const scoresByEmployee = indexScores(input.scores);
  const trainedQuarters = new Map<string, number[]>();
  for (const list of [input.allCompletions, input.inScopeCompletions]) {
    list.forEach((c, i) => {
      assertQuarter(`completions[${i}].quarter`, c.quarter);
      const qs = trainedQuarters.get(c.employeeId);
      if (qs === undefined) trainedQuarters.set(c.employeeId, [c.quarter]);
      else qs.push(c.quarter);
    });
  }

  // A treated employee's cohort: their agency and the quarter of their first in-scope completion.
  const firstInScope = new Map<string, number>();
  input.inScopeCompletions.forEach((c) => {
    const t0 = firstInScope.get(c.employeeId);
    if (t0 === undefined || c.quarter < t0) firstInScope.set(c.employeeId, c.quarter);
  });
  const cohorts = new Map<string, Cohort>();
  for (const [employeeId, t0] of firstInScope) {
    const agencyCode = input.agencyOf.get(employeeId);
    if (agencyCode === undefined) continue;
    const id = `${agencyCode}\u0000${t0}`;
    const cohort = cohorts.get(id);
    if (cohort === undefined) cohorts.set(id, { agencyCode, t0, treated: [employeeId] });
    else cohort.treated.push(employeeId);
  }
  const employeesByAgency = new Map<string, string[]>();
  for (const [employeeId, agencyCode] of input.agencyOf) {
    const list = employeesByAgency.get(agencyCode);
    if (list === undefined) employeesByAgency.set(agencyCode, [employeeId]);
    else list.push(employeeId);
  }

  const change = (employeeId: string, beforeFrom: number, beforeTo: number, afterFrom: number, afterTo: number) => {
    const before = windowMean(scoresByEmployee.get(employeeId), beforeFrom, beforeTo);
    const after = windowMean(scoresByEmployee.get(employeeId), afterFrom, afterTo);
    return before === null || after === null ? null : { employeeId, before, after };
  };

  // Main comparison: t0-w..t0-1 (before) vs t0+1..t0+w (after).
  const main: CohortChanges[] = [];
  const ordered = [...cohorts.values()].sort((a, b) => compareKeys(a.agencyCode, b.agencyCode) || a.t0 - b.t0);
  for (const cohort of ordered) {
    const { t0, agencyCode } = cohort;
    const treated = cohort.treated.sort(compareKeys).flatMap((e) => {
      const c = change(e, t0 - w, t0 - 1, t0 + 1, t0 + w);
      return c === null ? [] : [c];
    });
    const controls = (employeesByAgency.get(agencyCode) ?? [])
      .filter((e) => !(trainedQuarters.get(e) ?? []).some((q) => q >= t0 - w && q <= t0 + w))
      .sort(compareKeys)
      .flatMap((e) => {
        const c = change(e, t0 - w, t0 - 1, t0 + 1, t0 + w);
        return c === null ? [] : [c];
      });
    if (treated.length > 0 && controls.length > 0) main.push({ agencyCode, t0, treated, controls });
  }

  const pre = (): DidEstimate | null => {
    const cohortsBefore: CohortChanges[] = [];
    for (const k of main) {
      const { t0 } = k;
      const earlier = (list: Change[]) =>
        list.flatMap((m) => {
          const c = change(m.employeeId, t0 - 2 * w, t0 - w - 1, t0 - w, t0 - 1);
          return c === null ? [] : [c];
        });
      const treated = earlier(k.treated);
      const controls = earlier(k.controls);
      if (treated.length > 0 && controls.length > 0) {
        cohortsBefore.push({ agencyCode: k.agencyCode, t0, treated, controls });
      }
    }
    return estimateDid(cohortsBefore);
  };
  return finish(estimateDid(main), pre, w, minN);
}

interface CohortChanges {
  agencyCode: string;
  t0: number;
  treated: Change[];
  controls: Change[];
}

/**
 * The treated-weighted difference in differences over cohorts that each have at least one treated and one control
 * employee; null when there is none.
 */
function estimateDid(cohorts: readonly CohortChanges[]): DidEstimate | null {
  const controlIds = new Set(cohorts.flatMap((k) => k.controls.map((c) => c.employeeId)));
  const side = (list: Change[]): SideSums => {
    const d = list.map((c) => c.after - c.before);
    return {
      n: list.length,
      meanChange: mean(d) as number,
      varianceChange: sampleVariance(d),
      meanBefore: mean(list.map((c) => c.before)) as number,
      meanAfter: mean(list.map((c) => c.after)) as number,
    };
  };
  return didOfCohortSums(
    cohorts.map((k) => ({ agencyCode: k.agencyCode, t0: k.t0, treated: side(k.treated), controls: side(k.controls) })),
    controlIds.size,
  );
}

/** One side (treated or controls) of a kept cohort: its employees' changes summed. */
export interface SideSums {
  n: number;
  /** Mean of the changes `after - before`. */
  meanChange: number;
  /** Sample variance of the changes; null for one employee (contributes 0). */
  varianceChange: number | null;
  meanBefore: number;
  meanAfter: number;
}

/** A kept cohort (at least one treated and one control employee with a change), summed per side. */
export interface CohortSums {
  agencyCode: string;
  t0: number;
  treated: SideSums;
  controls: SideSums;
}

/**
 * The treated-weighted difference in differences of docs/analytics.md (steps 5-8) from the sums of the kept cohorts,
 * however they were summed (here, or in SQL over the read model); `distinctControls` is nControl (a control of two
 * cohorts counts once). Null when there is no cohort.
 */
export function didOfCohortSums(cohorts: readonly CohortSums[], distinctControls: number): DidEstimate | null {
  const nTreated = cohorts.reduce((sum, k) => sum + k.treated.n, 0);
  if (nTreated === 0) return null;
  const sums = { treatedPre: 0, treatedPost: 0, controlPre: 0, controlPost: 0, effect: 0, variance: 0 };
  const out: TrainingImpactCohort[] = [];
  for (const k of cohorts) {
    const weight = k.treated.n / nTreated;
    const effect = k.treated.meanChange - k.controls.meanChange;
    sums.effect += weight * effect;
    sums.treatedPre += weight * k.treated.meanBefore;
    sums.treatedPost += weight * k.treated.meanAfter;
    sums.controlPre += weight * k.controls.meanBefore;
    sums.controlPost += weight * k.controls.meanAfter;
    const varT = k.treated.varianceChange ?? 0;
    const varC = k.controls.varianceChange ?? 0;
    sums.variance += weight * weight * (varT / k.treated.n + varC / k.controls.n);
    out.push({ agencyCode: k.agencyCode, t0: k.t0, nTreated: k.treated.n, nControl: k.controls.n, weight, effect });
  }
  const standardError = Math.sqrt(sums.variance);
  return {
    nTreated,
    nControl: distinctControls,
    treatedPre: sums.treatedPre,
    treatedPost: sums.treatedPost,
    controlPre: sums.controlPre,
    controlPost: sums.controlPost,
    effect: sums.effect,
    standardError,
    ciLow: sums.effect - CI95_Z * standardError,
    ciHigh: sums.effect + CI95_Z * standardError,
    cohorts: out,
  };
}

/**
 * The whole result from the sums of the main estimate and of the pre-trend (the kept cohorts of each, summed):
 * suppression below `minN` treated or control employees, the pre-trend's notes (docs/analytics.md steps 9-10).
 */
export function trainingImpactOfSums(input: {
  main: readonly CohortSums[];
  mainControls: number;
  pre: readonly CohortSums[];
  preControls: number;
  window: number;
  minN: number;
}): TrainingImpactResult {
  return finish(
    didOfCohortSums(input.main, input.mainControls),
    () => didOfCohortSums(input.pre, input.preControls),
    input.window,
    input.minN,
  );
}

function finish(
  estimate: DidEstimate | null,
  preOf: () => DidEstimate | null,
  w: number,
  minN: number,
): TrainingImpactResult {
  if (estimate === null || estimate.nTreated < minN || estimate.nControl < minN) {
    return suppressedResult(minN);
  }
  const preEstimate = preOf();
  let preTrend: DidEstimate | null = preEstimate;
  let preTrendNote: AnalyticsNote | null = null;
  if (preEstimate === null) {
    preTrendNote = { code: 'PRE_TREND_NO_DATA', params: { window: w } };
  } else if (preEstimate.nTreated < minN || preEstimate.nControl < minN) {
    preTrend = null;
    preTrendNote = { code: 'TRAINING_IMPACT_TOO_FEW', params: { min: minN } };
  }
  return { ...estimate, preTrend, preTrendNote, suppressed: false, note: null };
}

function suppressedResult(minN: number): TrainingImpactResult {
  return {
    nTreated: null,
    nControl: null,
    treatedPre: null,
    treatedPost: null,
    controlPre: null,
    controlPost: null,
    effect: null,
    standardError: null,
    ciLow: null,
    ciHigh: null,
    cohorts: [],
    preTrend: null,
    preTrendNote: null,
    suppressed: true,
    note: { code: 'TRAINING_IMPACT_TOO_FEW', params: { min: minN } },
  };
}

/** Each employee's defined scores by quarter; refuses a second row for the same employee and quarter. */
function indexScores(scores: readonly EmployeeQuarterScore[]): Map<string, Map<number, number>> {
  const byEmployee = new Map<string, Map<number, number>>();
  const seen = new Set<string>();
  scores.forEach((s, i) => {
    assertQuarter(`scores[${i}].quarter`, s.quarter);
    const id = `${s.employeeId}\u0000${s.quarter}`;
    if (seen.has(id)) {
      throw new RangeError(`scores[${i}]: employee ${s.employeeId} has a second score for quarter ${s.quarter}`);
    }
    seen.add(id);
    if (s.score === null) return;
    if (!Number.isFinite(s.score)) throw new RangeError(`scores[${i}].score must be a finite number or null`);
    const quarters = byEmployee.get(s.employeeId);
    if (quarters === undefined) byEmployee.set(s.employeeId, new Map([[s.quarter, s.score]]));
    else quarters.set(s.quarter, s.score);
  });
  return byEmployee;
}

/** Mean of the defined scores in quarters from..to (inclusive); null when there is none. */
function windowMean(quarters: ReadonlyMap<number, number> | undefined, from: number, to: number): number | null {
  if (quarters === undefined) return null;
  const values: number[] = [];
  for (let q = from; q <= to; q++) {
    const score = quarters.get(q);
    if (score !== undefined) values.push(score);
  }
  return mean(values);
}

function assertQuarter(field: string, quarter: number): void {
  if (!Number.isInteger(quarter)) throw new RangeError(`${field} must be a whole quarter index, got ${quarter}`);
}
