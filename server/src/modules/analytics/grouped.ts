import {
  compareKeys,
  decideSuppression,
  PREDIKATS,
  type AggregateCaller,
  type AnalyticsNote,
  type Predikat,
} from '@kinerja/shared';
import { CELL_FIGURES_SQL, needsEmployeeCounts, scoreFiguresSql } from './cells.js';
import type { AgencyRow } from './request.js';
import type { AnalyticsSql } from './sql.js';

/**
 * Grouped descriptive statistics over the read models, computed in PostgreSQL (the trend and the ad hoc statistics,
 * docs/analytics.md "Trend" and "Ad hoc statistics"); `groupStatistics` in shared/src/analytics is the reference they
 * agree with. Suppression (shared `decideSuppression`) is applied to the groups of the whole answer afterwards.
 */

/** A dimension of a grouped answer; ALL is the single key of an ungrouped trend. */
export type GroupDimension =
  | 'ALL'
  | 'YEAR'
  | 'PERIOD'
  | 'AGENCY'
  | 'CRITERION'
  | 'POSITION_TYPE'
  | 'EMPLOYMENT_TYPE'
  | 'RANK_GROUP'
  | 'GENDER'
  | 'PREDIKAT';

/** What a value is: the quarterly score, a category score, or (with CRITERION) a criterion score. */
export type ValueMetric = 'SCORE' | 'HASIL_KERJA' | 'PERILAKU_KERJA';

/** The key of each dimension in SQL; `a` holds the evaluation's (or score's) period, agency and attributes. */
const KEY_SQL: Record<GroupDimension, string> = {
  ALL: `'ALL'`,
  YEAR: `a.year::text`,
  PERIOD: `a.year::text || '-Q' || a.quarter::text`,
  AGENCY: `a.agency_id::text`,
  CRITERION: `s.criterion_code`, // `a.criterion_code` when only the score table is read
  POSITION_TYPE: `a.position_type`,
  EMPLOYMENT_TYPE: `a.employment_type`,
  RANK_GROUP: `a.rank_group`,
  GENDER: `a.gender`,
  PREDIKAT: `coalesce(a.predikat, 'NONE')`,
};

/**
 * The columns each dimension groups by (CRITERION: the score's code, as in KEY_SQL). The statement groups by these
 * plain columns and builds the key array from them: grouping by the array of text keys itself cost PostgreSQL 5x on
 * the cells and 1.5x on the evaluations at 20 million scores (docs/benchmarks.md "20 million scores").
 */
const GROUP_SQL: Record<GroupDimension, readonly string[]> = {
  ALL: [],
  YEAR: ['a.year'],
  PERIOD: ['a.year', 'a.quarter'],
  AGENCY: ['a.agency_id'],
  CRITERION: ['s.criterion_code'],
  POSITION_TYPE: ['a.position_type'],
  EMPLOYMENT_TYPE: ['a.employment_type'],
  RANK_GROUP: ['a.rank_group'],
  GENDER: ['a.gender'],
  PREDIKAT: ['a.predikat'],
};

const METRIC_SQL: Record<ValueMetric, string> = {
  SCORE: 'a.score',
  HASIL_KERJA: 'a.hasil_kerja_score',
  PERILAKU_KERJA: 'a.perilaku_kerja_score',
};

export interface GroupFilter {
  /** Inclusive quarter indexes (year * 4 + quarter - 1). */
  from: number;
  to: number;
  agencyIds?: number[] | null;
  criterionCodes?: string[] | null;
  positionTypes?: string[] | null;
  employmentTypes?: string[] | null;
  genders?: string[] | null;
  /** Quarterly predikat; `NONE` selects evaluations without one. */
  predikats?: string[] | null;
}

export interface GroupedRequest {
  dimensions: readonly GroupDimension[];
  metric: ValueMetric;
  filter: GroupFilter;
  /** Whether predikat counts are wanted (the ad hoc statistics, when selected; the trend has none). */
  predikatCounts: boolean;
  /** Whether p25, median and p75 are wanted (the caller selected one of them); without them they are null. */
  quantiles: boolean;
}

/**
 * Where a grouped answer is computed (docs/analytics.md "Read models and their refresh"):
 * - `cells`: `analytics_cell`, when every figure asked for is exactly derivable from its sums: criterion scores, no
 *   quantile, no predikat (neither counts, nor a dimension, nor a filter), and the distinct employees of each group
 *   either not needed (a FULL caller) or additive over cells, which they are when each group lies within one quarter
 *   (keyed by PERIOD, or a range of one quarter) and one criterion code;
 * - `scores`: `analytics_score` (criterion scores otherwise), joined to `analytics_evaluation` for the predikat;
 * - `evaluations`: `analytics_evaluation` (quarterly or category scores).
 *
 * `employees` is how each group's distinct employees are counted: `none` (a FULL caller: suppression spares every
 * group, so they are not counted), `cells` (the sum of the cells' `n_employees`), `distinct`
 * (`count(distinct employee_id)`). An evaluation-level group within one quarter could use `count(*)` (one evaluation
 * per employee and quarter), but that measured no faster (docs/benchmarks.md "Analytics on 20 million scores").
 */
export interface GroupPlan {
  source: 'cells' | 'scores' | 'evaluations';
  employees: 'none' | 'cells' | 'distinct';
}

export function groupPlan(request: GroupedRequest, caller: AggregateCaller): GroupPlan {
  const byCriterion = request.dimensions.includes('CRITERION');
  const needsEvaluation =
    request.predikatCounts || (request.filter.predikats?.length ?? 0) > 0 || request.dimensions.includes('PREDIKAT');
  const counted = needsEmployeeCounts(caller);
  const oneQuarter = request.dimensions.includes('PERIOD') || request.filter.from === request.filter.to;
  if (byCriterion && !needsEvaluation && !request.quantiles && (!counted || oneQuarter)) {
    return { source: 'cells', employees: counted ? 'cells' : 'none' };
  }
  return { source: byCriterion ? 'scores' : 'evaluations', employees: counted ? 'distinct' : 'none' };
}

export interface GroupFigures {
  /** One key per dimension: agency codes for AGENCY, `2025-Q1` for PERIOD, ... */
  keys: string[];
  year: number | null;
  quarter: number | null;
  n: number | null;
  mean: number | null;
  stddev: number | null;
  min: number | null;
  p25: number | null;
  median: number | null;
  p75: number | null;
  max: number | null;
  predikatCounts: { predikat: Predikat; count: number; share: number | null }[] | null;
  suppressed: boolean;
  note: AnalyticsNote | null;
  /** Distinct employees behind the group (not returned to callers; suppression's unit); null when not counted. */
  employees: number | null;
}

interface Row {
  keys: string[];
  year: number | null;
  quarter: number | null;
  n: number;
  n_employees: number | null;
  min_agency: number;
  max_agency: number;
  mean: number;
  stddev: number | null;
  min: number;
  max: number;
  q: (number | string)[] | null;
  predikat: (number | string)[] | null;
}

/**
 * The grouped figures, ordered by their keys (dimension by dimension, compareKeys) and suppressed for the caller
 * under `minGroup` distinct employees, the second-group rule included.
 */
export async function groupedStatistics(
  sql: AnalyticsSql,
  request: GroupedRequest,
  agencies: Map<number, AgencyRow>,
  caller: AggregateCaller,
  minGroup: number,
): Promise<GroupFigures[]> {
  const plan = groupPlan(request, caller);
  const byCriterion = request.dimensions.includes('CRITERION');
  // Scores carry their evaluation's period, agency and attributes; the evaluation row is joined (both read models,
  // by primary key) only where the predikat is needed. Cells carry the same columns, so `a` serves all three.
  const needsEvaluation =
    request.predikatCounts || (request.filter.predikats?.length ?? 0) > 0 || request.dimensions.includes('PREDIKAT');
  const s = plan.source === 'scores' && needsEvaluation ? 's' : 'a';
  const withPeriod = request.dimensions.includes('PERIOD');
  const f = request.filter;
  const params: unknown[] = [f.from, f.to];
  const where = ['a.period_index between $1 and $2'];
  const value = byCriterion ? `${s}.score` : METRIC_SQL[request.metric];
  if (plan.source !== 'cells') where.push(`${value} is not null`);
  const inList = (column: string, values: readonly (string | number)[] | null | undefined, cast: string) => {
    if (!values || values.length === 0) return;
    params.push(JSON.stringify(values));
    where.push(`${column} = any(array(select jsonb_array_elements_text($${params.length}::jsonb))::${cast}[])`);
  };
  inList('a.agency_id', f.agencyIds, 'int');
  if (byCriterion) inList(`${s}.criterion_code`, f.criterionCodes, 'text');
  inList('a.position_type', f.positionTypes, 'text');
  inList('a.employment_type', f.employmentTypes, 'text');
  inList('a.gender', f.genders, 'text');
  inList(`coalesce(a.predikat, 'NONE')`, f.predikats, 'text');

  const from =
    plan.source === 'cells'
      ? 'analytics_cell a'
      : plan.source === 'evaluations'
        ? 'analytics_evaluation a'
        : needsEvaluation
          ? 'analytics_score s join analytics_evaluation a on a.evaluation_id = s.evaluation_id'
          : 'analytics_score a';
  const keyList = request.dimensions.map((d) => (d === 'CRITERION' ? `${s}.criterion_code` : KEY_SQL[d]));
  const groupColumns = [
    ...new Set(request.dimensions.flatMap((d) => (d === 'CRITERION' ? [`${s}.criterion_code`] : GROUP_SQL[d]))),
  ];
  const predikatSql = request.predikatCounts
    ? `array[${PREDIKATS.map((p) => `count(*) filter (where a.predikat = '${p}')`).join(', ')},
        count(*) filter (where a.predikat is not null)]`
    : 'null::bigint[]';
  const employeesSql = {
    none: 'null::int',
    cells: 'sum(a.n_employees)::int',
    distinct: 'count(distinct a.employee_id)::int',
  }[plan.employees];
  const figures =
    plan.source === 'cells'
      ? CELL_FIGURES_SQL
      : plan.source === 'scores'
        ? scoreFiguresSql(value)
        : `count(*)::int as n, avg(${value}) as mean, stddev_samp(${value}) as stddev,
         min(${value}) as min, max(${value}) as max`;
  const quantiles = request.quantiles
    ? `percentile_cont(array[0.25, 0.5, 0.75]) within group (order by ${value})`
    : 'null::float8[]';
  const text = `select array[${keyList.join(', ')}] as keys,
      ${withPeriod ? 'min(a.year)::int' : 'null::int'} as year, ${withPeriod ? 'min(a.quarter)::int' : 'null::int'} as quarter,
      ${figures}, ${employeesSql} as n_employees,
      min(a.agency_id) as min_agency, max(a.agency_id) as max_agency,
      ${quantiles} as q, ${predikatSql} as predikat
    from ${from}
    where ${where.join(' and ')}
    group by ${groupColumns.length > 0 ? groupColumns.join(', ') : '1'}`;
  const { rows } = await sql.query<Row>(text, params);

  const agencyIndex = request.dimensions.indexOf('AGENCY');
  const groups = rows.map((r) => {
    const keys = [...r.keys];
    if (agencyIndex >= 0) keys[agencyIndex] = agencies.get(Number(keys[agencyIndex]))?.code ?? keys[agencyIndex]!;
    return { keys, row: r };
  });
  groups.sort((x, y) => compareKeyLists(x.keys, y.keys));
  const decisions = decideSuppression(
    groups.map(({ keys, row }) => ({
      keys,
      // Not counted for a FULL caller, whom suppression spares anyway.
      nEmployees: row.n_employees === null ? 0 : Number(row.n_employees),
      agencyCode: row.min_agency === row.max_agency ? (agencies.get(Number(row.min_agency))?.code ?? null) : null,
    })),
    caller,
    minGroup,
  );
  return groups.map(({ keys, row }, i) => {
    const decision = decisions[i]!;
    const base = {
      keys,
      year: row.year,
      quarter: row.quarter,
      employees: row.n_employees === null ? null : Number(row.n_employees),
    };
    if (decision.suppressed) {
      return {
        ...base,
        n: null,
        mean: null,
        stddev: null,
        min: null,
        p25: null,
        median: null,
        p75: null,
        max: null,
        predikatCounts: null,
        suppressed: true,
        note: decision.note,
      };
    }
    const q = row.q === null ? [null, null, null] : row.q.map(Number);
    let predikatCounts: GroupFigures['predikatCounts'] = null;
    if (request.predikatCounts && row.predikat) {
      const counts = row.predikat.map(Number);
      const total = counts[PREDIKATS.length]!;
      predikatCounts = PREDIKATS.map((predikat, k) => ({
        predikat,
        count: counts[k]!,
        share: total === 0 ? null : counts[k]! / total,
      }));
    }
    return {
      ...base,
      n: Number(row.n),
      mean: Number(row.mean),
      stddev: row.stddev === null ? null : Number(row.stddev),
      min: Number(row.min),
      p25: q[0] ?? null,
      median: q[1] ?? null,
      p75: q[2] ?? null,
      max: Number(row.max),
      predikatCounts,
      suppressed: false,
      note: null,
    };
  });
}

function compareKeyLists(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = compareKeys(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}
