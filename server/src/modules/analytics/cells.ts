import { isSuppressionExempt, type AggregateCaller } from '@kinerja/shared';
import { inScopes, narrowing, type Scope } from './read-models.js';
import type { AnalyticsSql } from './sql.js';

/**
 * `analytics_cell`, the pre-aggregated read model of criterion scores (docs/analytics.md "Read models and their
 * refresh"): one row per quarter x agency (the evaluation's) x criterion code, category and `judged` x the employee's
 * grouping attributes (position type, employment type, rank group, gender), holding
 *
 * - `n`: the scores of the cell;
 * - `n_employees`: the distinct employees of the cell, counted so that they ADD UP over the cells of one quarter and
 *   one criterion code: a score counts only when it is the first (lowest criterion id) of its evaluation and code,
 *   so an evaluation that held two scores under one code (two criteria of one code) is one employee even when its
 *   two scores lie in two cells (another category or `judged`);
 * - `score_sum`, `score_sum_squares`: exact `numeric` sums of the scores and of their squares, so that a mean and a
 *   sample standard deviation over any set of cells are exact (no cancellation: `n·Σx² - (Σx)²` is computed in
 *   `numeric` before the one division);
 * - `score_min`, `score_max`.
 *
 * Built from `analytics_score` (so its refresher runs after the one of the evaluation models), for the same scopes.
 */

/**
 * Brings `analytics_cell` up to date for the given scopes (null: everything): deletes its rows in scope and inserts
 * them again from `analytics_score`, with the same conditions the evaluation read models use (the exact scope and the
 * index-friendly quarter indexes and agencies). Runs in the caller's transaction.
 */
export async function refreshCells(sql: AnalyticsSql, scopes: readonly Scope[] | null): Promise<void> {
  const all = scopes === null;
  const params: unknown[] = all ? [] : [JSON.stringify(scopes)];
  const narrow = all ? '' : narrowing(scopes, params).analytics;
  const inScope = (alias: string) =>
    all ? 'true' : `${inScopes(alias, '$1')}${narrow.replaceAll('ALIAS.', `${alias}.`)}`;
  if (all) await sql.query('delete from analytics_cell');
  else await sql.query(`delete from analytics_cell c where ${inScope('c')}`, params);
  await sql.query(
    `insert into analytics_cell (period_index, year, quarter, agency_id, criterion_code, category, judged,
       position_type, employment_type, rank_group, gender,
       n, n_employees, score_sum, score_sum_squares, score_min, score_max)
     select s.period_index, s.year, s.quarter, s.agency_id, s.criterion_code, s.category, s.judged,
       s.position_type, s.employment_type, s.rank_group, s.gender,
       count(*), count(*) filter (where s.first_of_code), sum(s.x), sum(s.x * s.x), min(s.score), max(s.score)
     from (select a.*, a.score::numeric as x,
                  row_number() over (partition by a.evaluation_id, a.criterion_code order by a.criterion_id) = 1
                    as first_of_code
             from analytics_score a where ${inScope('a')}) s
     group by s.period_index, s.year, s.quarter, s.agency_id, s.criterion_code, s.category, s.judged,
       s.position_type, s.employment_type, s.rank_group, s.gender`,
    params,
  );
}

/**
 * Whether the caller needs the distinct employees of each group at all: only for suppression, which spares a FULL
 * caller (ADMIN, LEADER) every group, whatever its agencies (`isSuppressionExempt` with no agency).
 */
export function needsEmployeeCounts(caller: AggregateCaller): boolean {
  return !isSuppressionExempt(caller, null);
}

/**
 * The exact figures from a count, a `numeric` sum and sum of squares, a minimum and a maximum: the mean and the sample
 * standard deviation (null for one score). `n·Σx² - (Σx)²` is never negative in exact arithmetic, so the variance is
 * `(n·Σx² - (Σx)²) / (n·(n - 1))` with one rounding, at the cast to float8. The cells and the per-score rows both go
 * through it: `numeric` sums are exact whatever the order, so a figure is the same to the last bit whichever model
 * answers it (whether or not the caller also asked for quartiles).
 */
function exactFiguresSql(n: string, sum: string, sumSquares: string, min: string, max: string): string {
  return `${n}::int as n,
  (${sum} / ${n})::float8 as mean,
  case when ${n} > 1 then sqrt(((${n} * ${sumSquares} - ${sum} * ${sum}) / (${n} * (${n} - 1)))::float8) end as stddev,
  ${min} as min, ${max} as max`;
}

/** The figures over a set of cells (alias `a`). */
export const CELL_FIGURES_SQL = exactFiguresSql(
  'sum(a.n)',
  'sum(a.score_sum)',
  'sum(a.score_sum_squares)',
  'min(a.score_min)',
  'max(a.score_max)',
);

/** The same figures over criterion score rows (`value`: the score column), exactly as the cells give them. */
export function scoreFiguresSql(value: string): string {
  return exactFiguresSql(
    'count(*)',
    `sum(${value}::numeric)`,
    `sum(${value}::numeric * ${value}::numeric)`,
    `min(${value})`,
    `max(${value})`,
  );
}
