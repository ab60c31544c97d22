/**
 * Stored results (docs/scoring.md "Stored results"): the one results writer, the pure computations it uses, the kept
 * policy versions, the stale marks of the analytics and the one way to close periods.
 */
export { computeAnnualResults, computeEvaluationResults, evaluationResultRow } from './compute.js';
export type { AnnualResultRow, CountedQuarter, EvaluationResultRow, ScoreOfEvaluation } from './compute.js';
export { afterQuarter, closeHistoryThrough, closePeriod, closePeriodsThrough, quarterEnd } from './period-closing.js';
export type { ClosedPeriod, ClosingRequest } from './period-closing.js';
export { keptPolicies, recomputeForPolicy, recordPolicyInForce } from './policy-versions.js';
export type { KeptPolicy, Recomputed } from './policy-versions.js';
export { inTransaction, sqlOf, type Sql } from './sql.js';
export { markStale, markStaleOne, type StaleKind } from './stale.js';
export { onWritesDone, writerTransaction, writesDone } from './writes-done.js';
export {
  employeeYearsOf,
  selectIds,
  storeEvaluationResults,
  writeAnnualResults,
  writeEvaluationResults,
  writeResults,
  type EmployeeYearKey,
  type WriteOptions,
} from './writer.js';
