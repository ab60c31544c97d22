import { trainingImpactOfSums, type CohortSums, type ScoringPolicy, type SideSums } from '@kinerja/shared';
import { agencyCode } from './analytics-data.js';

/**
 * The query pairs of `pnpm bench analytics` (docs/benchmarks.md "Analytics on 20 million scores"): each analytics
 * query through the API (an ADMIN token: nothing suppressed) and a hand-written SQL aggregate over the RAW tables
 * (`evaluation_score` with `criterion`, `evaluation`, `period`, `employee`, `participation`; never the read models nor
 * the stored results) computing the same figures: the category scores `Σ w·s / Σ w`, the quarterly score
 * `wHK·HK + wPK·PK` with the policy's weights, ratings and predikat after the comparison rounding (docs/scoring.md).
 * Both answers are normalised to the same plain rows and compared before anything is timed.
 */

export type Plain = Record<string, string | number | null>[];

export interface AnalyticsPair {
  name: string;
  title: string;
  graphql: { query: string; variables?: Record<string, unknown> };
  /** The API's `data` as plain rows. */
  fromApi(data: never): Plain;
  /** SQL statements run one after the other on one connection (timed together), and their rows as plain rows. */
  sql: { text: string; params: unknown[] }[];
  fromSql(results: Record<string, unknown>[][], policy: ScoringPolicy): Plain;
}

const COUNTED = `('SUBMITTED', 'ACKNOWLEDGED', 'FINAL')`;
/** Every score with its criterion, evaluation and period: the raw rows the baselines below aggregate. */
const RAW_SCORES = `evaluation_score s join criterion c on c.id = s.criterion_id
  join evaluation v on v.id = s.evaluation_id join period p on p.id = v.period_id`;
const idx = (year: number, quarter: number) => year * 4 + quarter - 1;
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/**
 * Per counted evaluation in quarter indexes $1..$2, from the raw scores: category scores, quarterly score ($3, $4:
 * the policy's category weights), predikat ($5 diAtas, $6 sesuai thresholds, after rounding to 1e-6).
 */
const RAW_EVALUATIONS = `raw_eval as (
    select v.id, v.employee_id, v.agency_id, p.year, p.quarter, p.year * 4 + p.quarter - 1 as period_index,
           sum(c.weight * s.score) filter (where c.category = 'HASIL_KERJA')
             / sum(c.weight) filter (where c.category = 'HASIL_KERJA') as hk,
           sum(c.weight * s.score) filter (where c.category = 'PERILAKU_KERJA')
             / sum(c.weight) filter (where c.category = 'PERILAKU_KERJA') as pk
      from evaluation_score s
      join criterion c on c.id = s.criterion_id
      join evaluation v on v.id = s.evaluation_id
      join period p on p.id = v.period_id
     where v.status in ${COUNTED} and p.year * 4 + p.quarter - 1 between $1 and $2
     group by v.id, v.employee_id, v.agency_id, p.year, p.quarter),
  rated as (
    select r.*, $3::float8 * r.hk + $4::float8 * r.pk as score,
           case when round((r.hk * 1e6)::numeric) / 1e6 >= $5 then 2 when round((r.hk * 1e6)::numeric) / 1e6 >= $6 then 1 else 0 end as hkr,
           case when round((r.pk * 1e6)::numeric) / 1e6 >= $5 then 2 when round((r.pk * 1e6)::numeric) / 1e6 >= $6 then 1 else 0 end as pkr
      from raw_eval r),
  raw_result as (
    select rated.*, case
        when hkr = 2 and pkr = 2 then 'SANGAT_BAIK'
        when hkr >= 1 and pkr >= 1 then 'BAIK'
        when hkr >= 1 then 'KURANG'
        when pkr >= 1 then 'BUTUH_PERBAIKAN'
        else 'SANGAT_KURANG' end as predikat
      from rated)`;

function resultParams(policy: ScoringPolicy, from: number, to: number): unknown[] {
  return [
    from,
    to,
    policy.categoryWeights.HASIL_KERJA,
    policy.categoryWeights.PERILAKU_KERJA,
    policy.ratingThresholds.diAtas,
    policy.ratingThresholds.sesuai,
  ];
}

const STATS = (v: string) => `count(*)::int as n, avg(${v}) as mean, stddev_samp(${v}) as stddev,
  min(${v}) as min, max(${v}) as max,
  percentile_cont(array[0.25, 0.5, 0.75]) within group (order by ${v}) as q`;

const PREDIKATS = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'] as const;
const PREDIKAT_COUNTS = `array[${PREDIKATS.map((p) => `count(*) filter (where predikat = '${p}')`).join(', ')}] as predikat`;

function statsRow(r: Record<string, unknown>, withMinMax: boolean): Record<string, number | null> {
  const q = (r.q as (string | number)[]).map(Number);
  return {
    n: num(r.n),
    mean: num(r.mean),
    stddev: num(r.stddev),
    ...(withMinMax ? { min: num(r.min), max: num(r.max) } : {}),
    p25: q[0]!,
    median: q[1]!,
    p75: q[2]!,
  };
}

function predikatFields(counts: (string | number)[] | null | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  PREDIKATS.forEach((p, i) => (out[p] = counts ? Number(counts[i]) : 0));
  return out;
}

function apiPredikat(list: { predikat: string; count: number }[] | null): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of PREDIKATS) out[p] = list?.find((c) => c.predikat === p)?.count ?? 0;
  return out;
}

const TREND_FIELDS = 'year quarter key n mean median stddev p25 p75';
type TrendPoint = {
  year: number;
  quarter: number;
  key: string;
  n: number;
  mean: number;
  median: number;
  stddev: number;
  p25: number;
  p75: number;
};
const trendRows = (d: { performanceTrend: TrendPoint[] }): Plain =>
  d.performanceTrend.map((p) => ({
    period: `${p.year}-Q${p.quarter}`,
    key: p.key,
    n: p.n,
    mean: p.mean,
    stddev: p.stddev,
    p25: p.p25,
    median: p.median,
    p75: p.p75,
  }));

type StatGroup = {
  keys: { value: string }[];
  n: number;
  mean: number;
  stddev: number;
  min: number;
  p25: number;
  median: number;
  p75: number;
  max: number;
  predikatCounts: { predikat: string; count: number }[] | null;
};
const statRows = (d: { scoreStatistics: StatGroup[] }, withPredikat: boolean): Plain =>
  d.scoreStatistics.map((g) => ({
    key: g.keys.map((k) => k.value).join('|'),
    n: g.n,
    mean: g.mean,
    stddev: g.stddev,
    min: g.min,
    max: g.max,
    p25: g.p25,
    median: g.median,
    p75: g.p75,
    ...(withPredikat ? apiPredikat(g.predikatCounts) : {}),
  }));

const byKey = (rows: Plain) =>
  [...rows].sort((a, b) => {
    const x = `${a.period ?? ''}|${a.key ?? ''}`;
    const y = `${b.period ?? ''}|${b.key ?? ''}`;
    return x < y ? -1 : x > y ? 1 : 0;
  });

/** The rater sums of `RATER_SUMS_SQL` (server/src/modules/analytics/rater-objectivity.service.ts), from the raw tables. */
const RAW_RATER_SQL = `with j as (
    select v.assessor_id, v.employee_id, s.evaluation_id, c.code as criterion_code, c.category, v.agency_id,
           p.year * 4 + p.quarter - 1 as period_index, s.score
      from ${RAW_SCORES}
     where not s.derived_from_indicator and v.status in ${COUNTED}
       and p.year * 4 + p.quarter - 1 between $1 and $2),
  cell as (select criterion_code, agency_id, period_index, avg(score) as m from j group by 1, 2, 3),
  pair as (select j.assessor_id, j.employee_id, avg(j.score - cell.m) as r
             from j join cell using (criterion_code, agency_id, period_index)
            where j.assessor_id is not null group by 1, 2),
  given as (select assessor_id, count(distinct employee_id)::int as n_employees, count(*)::int as n_scores,
                   avg(score) as mean_given
              from j where assessor_id is not null group by 1),
  leniency as (select assessor_id, avg(r) as leniency from pair group by 1)
  select e.nip, g.n_employees, g.n_scores, g.mean_given, l.leniency
    from given g join leniency l using (assessor_id) join employee e on e.id = g.assessor_id`;

/**
 * The cohort sums of `COHORT_SUMS_SQL` (server/src/modules/analytics/training-impact.service.ts) for every agency and
 * training, window $1, with each member's quarterly score from the raw scores ($2..$5 the policy's weights and
 * thresholds are not needed: only the score).
 */
const RAW_COHORT_SQL = `with emp as (select id, agency_id from employee where agency_id is not null),
  comp as (select p.employee_id, p.training_id,
                  extract(year from p.completed_on)::int * 4 + extract(quarter from p.completed_on)::int - 1 as q
             from participation p join emp on emp.id = p.employee_id
            where p.status = 'COMPLETED' and p.completed_on is not null),
  treated as (select c.employee_id, e.agency_id, min(c.q) as t0
                from comp c join emp e on e.id = c.employee_id group by c.employee_id, e.agency_id),
  cohort as (select distinct agency_id, t0 from treated),
  member as (select agency_id, t0, employee_id, true as treated from treated
             union all
             select k.agency_id, k.t0, e.id, false
               from cohort k join emp e on e.agency_id = k.agency_id
              where not exists (select 1 from comp c where c.employee_id = e.id and c.q between k.t0 - $1 and k.t0 + $1)),
  es as (select s.evaluation_id,
                sum(c.weight * s.score) filter (where c.category = 'HASIL_KERJA')
                  / sum(c.weight) filter (where c.category = 'HASIL_KERJA') as hk,
                sum(c.weight * s.score) filter (where c.category = 'PERILAKU_KERJA')
                  / sum(c.weight) filter (where c.category = 'PERILAKU_KERJA') as pk
           from evaluation_score s join criterion c on c.id = s.criterion_id group by s.evaluation_id),
  sc as (select v.employee_id, p.year * 4 + p.quarter - 1 as q, avg($2::float8 * es.hk + $3::float8 * es.pk) as s
           from evaluation v join period p on p.id = v.period_id join es on es.evaluation_id = v.id
          where v.status in ${COUNTED} and es.hk is not null and es.pk is not null group by 1, 2),
  win as (select m.agency_id, m.t0, m.employee_id, m.treated,
                 avg(sc.s) filter (where sc.q between m.t0 - 2 * $1 and m.t0 - $1 - 1) as early,
                 avg(sc.s) filter (where sc.q between m.t0 - $1 and m.t0 - 1) as before,
                 avg(sc.s) filter (where sc.q between m.t0 + 1 and m.t0 + $1) as after
            from member m join sc on sc.employee_id = m.employee_id and sc.q between m.t0 - 2 * $1 and m.t0 + $1
           group by 1, 2, 3, 4),
  main as (select * from win where before is not null and after is not null),
  kept as (select agency_id, t0 from main group by 1, 2 having bool_or(treated) and bool_or(not treated)),
  mk as (select m.* from main m join kept using (agency_id, t0)),
  pre as (select * from mk where early is not null),
  pre_kept as (select agency_id, t0 from pre group by 1, 2 having bool_or(treated) and bool_or(not treated)),
  pk as (select p.* from pre p join pre_kept using (agency_id, t0))
  select 'main' as part, agency_id, t0, treated, count(*)::int as n, avg(after - before) as mean_change,
         var_samp(after - before) as var_change, avg(before) as mean_before, avg(after) as mean_after
    from mk group by agency_id, t0, treated
  union all
  select 'pre', agency_id, t0, treated, count(*)::int, avg(before - early), var_samp(before - early), avg(early),
         avg(before)
    from pk group by agency_id, t0, treated
  union all
  select 'main_controls', null, null, null, count(distinct employee_id)::int, null, null, null, null
    from mk where not treated
  union all
  select 'pre_controls', null, null, null, count(distinct employee_id)::int, null, null, null, null
    from pk where not treated`;

type CohortRow = {
  part: string;
  agency_id: number | null;
  t0: number | null;
  treated: boolean | null;
  n: number;
  mean_change: number | null;
  var_change: number | null;
  mean_before: number | null;
  mean_after: number | null;
};

/** The training impact of raw cohort sums, combined by the shared `trainingImpactOfSums` as the service does. */
function impactOfRawSums(rows: CohortRow[], window: number, minN: number): Plain {
  const side = (r: CohortRow | undefined): SideSums => ({
    n: Number(r!.n),
    meanChange: Number(r!.mean_change),
    varianceChange: r!.var_change === null ? null : Number(r!.var_change),
    meanBefore: Number(r!.mean_before),
    meanAfter: Number(r!.mean_after),
  });
  const cohortsOf = (part: string): CohortSums[] => {
    const of = rows.filter((r) => r.part === part && r.agency_id !== null);
    const keys = [...new Set(of.map((r) => `${r.agency_id}|${r.t0}`))];
    return keys
      .map((k) => {
        const [agencyId, t0] = k.split('|').map(Number) as [number, number];
        const at = (treated: boolean) =>
          of.find((r) => r.agency_id === agencyId && r.t0 === t0 && r.treated === treated);
        return {
          agencyCode: String(agencyId).padStart(6, '0'),
          t0,
          treated: side(at(true)),
          controls: side(at(false)),
        };
      })
      .sort((x, y) => (x.agencyCode < y.agencyCode ? -1 : x.agencyCode > y.agencyCode ? 1 : x.t0 - y.t0));
  };
  const distinct = (part: string) => Number(rows.find((r) => r.part === part)?.n ?? 0);
  const r = trainingImpactOfSums({
    main: cohortsOf('main'),
    mainControls: distinct('main_controls'),
    pre: cohortsOf('pre'),
    preControls: distinct('pre_controls'),
    window,
    minN,
  });
  return [
    {
      nTreated: r.nTreated,
      nControl: r.nControl,
      effect: r.effect,
      ciLow: r.ciLow,
      ciHigh: r.ciHigh,
      preTrend: r.preTrend?.effect ?? null,
    },
  ];
}

export function analyticsPairs(policy: ScoringPolicy): AnalyticsPair[] {
  const all = resultParams(policy, idx(2023, 1), idx(2025, 4));
  const y2025 = resultParams(policy, idx(2025, 1), idx(2025, 4));
  const q4 = resultParams(policy, idx(2025, 4), idx(2025, 4));
  const agency = agencyCode(0);
  return [
    {
      name: 'trend',
      title: 'performanceTrend, whole province, 12 quarters',
      graphql: {
        query: `{ performanceTrend(input: { from: { year: 2023, quarter: 1 }, to: { year: 2025, quarter: 4 } }) { ${TREND_FIELDS} } }`,
      },
      fromApi: (d) => byKey(trendRows(d)),
      sql: [
        {
          text: `with ${RAW_EVALUATIONS}
            select year, quarter, ${STATS('score')} from raw_result where score is not null group by year, quarter`,
          params: all,
        },
      ],
      fromSql: ([rows]) =>
        byKey(rows!.map((r) => ({ period: `${r.year}-Q${r.quarter}`, key: 'ALL', ...statsRow(r, false) }))),
    },
    {
      name: 'trend-agency',
      title: 'performanceTrend by AGENCY, 2025',
      graphql: {
        query: `{ performanceTrend(input: { groupBy: AGENCY, from: { year: 2025, quarter: 1 }, to: { year: 2025, quarter: 4 } }) { ${TREND_FIELDS} } }`,
      },
      fromApi: (d) => byKey(trendRows(d)),
      sql: [
        {
          text: `with ${RAW_EVALUATIONS}
            select r.year, r.quarter, a.code as key, ${STATS('r.score')}
              from raw_result r join agency a on a.id = r.agency_id where r.score is not null
             group by r.year, r.quarter, a.code`,
          params: y2025,
        },
      ],
      fromSql: ([rows]) =>
        byKey(rows!.map((r) => ({ period: `${r.year}-Q${r.quarter}`, key: String(r.key), ...statsRow(r, false) }))),
    },
    {
      name: 'trend-criterion',
      title: 'performanceTrend by CRITERION (criterion scores), 2025',
      graphql: {
        query: `{ performanceTrend(input: { groupBy: CRITERION, from: { year: 2025, quarter: 1 }, to: { year: 2025, quarter: 4 } }) { ${TREND_FIELDS} } }`,
      },
      fromApi: (d) => byKey(trendRows(d)),
      sql: [
        {
          text: `select p.year, p.quarter, c.code as key, ${STATS('s.score')}
              from ${RAW_SCORES}
             where v.status in ${COUNTED} and p.year * 4 + p.quarter - 1 between $1 and $2
             group by p.year, p.quarter, c.code`,
          params: [idx(2025, 1), idx(2025, 4)],
        },
      ],
      fromSql: ([rows]) =>
        byKey(rows!.map((r) => ({ period: `${r.year}-Q${r.quarter}`, key: String(r.key), ...statsRow(r, false) }))),
    },
    {
      // Without quartiles the trend by criterion is read from the cells (analytics_cell), for every caller: each
      // point is one quarter and one code, so its distinct employees add up over the cells.
      name: 'trend-criterion-means',
      title: 'performanceTrend by CRITERION, 2025, n, mean and sd only (the cells)',
      graphql: {
        query: `{ performanceTrend(input: { groupBy: CRITERION, from: { year: 2025, quarter: 1 }, to: { year: 2025, quarter: 4 } }) { year quarter key n mean stddev } }`,
      },
      fromApi: (d: {
        performanceTrend: {
          year: number;
          quarter: number;
          key: string;
          n: number;
          mean: number;
          stddev: number | null;
        }[];
      }) =>
        byKey(
          d.performanceTrend.map((p) => ({
            period: `${p.year}-Q${p.quarter}`,
            key: p.key,
            n: p.n,
            mean: p.mean,
            stddev: p.stddev,
          })),
        ),
      sql: [
        {
          text: `select p.year, p.quarter, c.code as key, count(*)::int as n, avg(s.score) as mean,
                 stddev_samp(s.score) as stddev
              from ${RAW_SCORES}
             where v.status in ${COUNTED} and p.year * 4 + p.quarter - 1 between $1 and $2
             group by p.year, p.quarter, c.code`,
          params: [idx(2025, 1), idx(2025, 4)],
        },
      ],
      fromSql: ([rows]) =>
        byKey(
          rows!.map((r) => ({
            period: `${r.year}-Q${r.quarter}`,
            key: String(r.key),
            n: num(r.n),
            mean: num(r.mean),
            stddev: num(r.stddev),
          })),
        ),
    },
    {
      name: 'comparison',
      title: 'agencyComparison, 2025-Q4 (n, mean, rank, predikat counts, criterion means)',
      graphql: {
        query: `{ agencyComparison(year: 2025, quarter: 4) { agency { code } n meanScore rank
          predikatCounts { predikat count } criterionMeans { criterion mean } } }`,
      },
      fromApi: (d: {
        agencyComparison: {
          agency: { code: string };
          n: number;
          meanScore: number;
          rank: number;
          predikatCounts: { predikat: string; count: number }[];
          criterionMeans: { criterion: string; mean: number }[];
        }[];
      }) =>
        byKey(
          d.agencyComparison.flatMap((a) => [
            { key: a.agency.code, n: a.n, mean: a.meanScore, rank: a.rank, ...apiPredikat(a.predikatCounts) },
            ...a.criterionMeans.map((c) => ({ key: `${a.agency.code}|${c.criterion}`, mean: c.mean })),
          ]),
        ),
      sql: [
        {
          text: `with ${RAW_EVALUATIONS}, per_agency as (
              select a.code, count(*)::int as n, avg(r.score) as mean, ${PREDIKAT_COUNTS}
                from raw_result r join agency a on a.id = r.agency_id where r.score is not null group by a.code)
            select *, rank() over (order by round((mean * 1e6)::numeric) / 1e6 desc)::int as rank from per_agency`,
          params: q4,
        },
        {
          text: `select a.code, c.code as criterion, avg(s.score) as mean
              from ${RAW_SCORES}
              join agency a on a.id = v.agency_id
             where v.status in ${COUNTED} and p.year = 2025 and p.quarter = 4
             group by a.code, c.code`,
          params: [],
        },
      ],
      fromSql: ([agencies, criteria]) =>
        byKey([
          ...agencies!.map((r) => ({
            key: String(r.code),
            n: num(r.n),
            mean: num(r.mean),
            rank: num(r.rank),
            ...predikatFields(r.predikat as number[]),
          })),
          ...criteria!.map((r) => ({ key: `${r.code}|${r.criterion}`, mean: num(r.mean) })),
        ]),
    },
    {
      name: 'statistics',
      title: 'scoreStatistics by AGENCY x GENDER with predikat counts, 2025',
      graphql: {
        query: `{ scoreStatistics(input: { groupBy: [AGENCY, GENDER], filter: { from: { year: 2025, quarter: 1 }, to: { year: 2025, quarter: 4 } } }) {
          keys { value } n mean stddev min p25 median p75 max predikatCounts { predikat count } } }`,
      },
      fromApi: (d) => byKey(statRows(d, true)),
      sql: [
        {
          text: `with ${RAW_EVALUATIONS}
            select a.code || '|' || coalesce(e.gender, 'UNKNOWN') as key, ${STATS('r.score')}, ${PREDIKAT_COUNTS}
              from raw_result r join agency a on a.id = r.agency_id join employee e on e.id = r.employee_id
             where r.score is not null group by 1`,
          params: y2025,
        },
      ],
      fromSql: ([rows]) =>
        byKey(
          rows!.map((r) => ({ key: String(r.key), ...statsRow(r, true), ...predikatFields(r.predikat as number[]) })),
        ),
    },
    {
      name: 'statistics-criterion',
      title: 'scoreStatistics by CRITERION x POSITION_TYPE (criterion scores), 2025',
      graphql: {
        query: `{ scoreStatistics(input: { groupBy: [CRITERION, POSITION_TYPE], filter: { from: { year: 2025, quarter: 1 }, to: { year: 2025, quarter: 4 } } }) {
          keys { value } n mean stddev min p25 median p75 max } }`,
      },
      fromApi: (d) => byKey(statRows(d, false)),
      sql: [
        {
          text: `select c.code || '|' || coalesce(e.position_type, 'UNKNOWN') as key, ${STATS('s.score')}
              from ${RAW_SCORES}
              join employee e on e.id = v.employee_id
             where v.status in ${COUNTED} and p.year * 4 + p.quarter - 1 between $1 and $2
             group by 1`,
          params: [idx(2025, 1), idx(2025, 4)],
        },
      ],
      fromSql: ([rows]) => byKey(rows!.map((r) => ({ key: String(r.key), ...statsRow(r, true) }))),
    },
    {
      // Keyed by PERIOD and without quartiles or predikat counts: from the cells for every caller.
      name: 'statistics-criterion-means',
      title: 'scoreStatistics by PERIOD x CRITERION x POSITION_TYPE, 2025, n, mean, sd, min, max (the cells)',
      graphql: {
        query: `{ scoreStatistics(input: { groupBy: [PERIOD, CRITERION, POSITION_TYPE], filter: { from: { year: 2025, quarter: 1 }, to: { year: 2025, quarter: 4 } } }) {
          keys { value } n mean stddev min max } }`,
      },
      fromApi: (d: {
        scoreStatistics: {
          keys: { value: string }[];
          n: number;
          mean: number;
          stddev: number | null;
          min: number;
          max: number;
        }[];
      }) =>
        byKey(
          d.scoreStatistics.map((g) => ({
            key: g.keys.map((k) => k.value).join('|'),
            n: g.n,
            mean: g.mean,
            stddev: g.stddev,
            min: g.min,
            max: g.max,
          })),
        ),
      sql: [
        {
          text: `select p.year || '-Q' || p.quarter || '|' || c.code || '|' || coalesce(e.position_type, 'UNKNOWN') as key,
                 count(*)::int as n, avg(s.score) as mean, stddev_samp(s.score) as stddev, min(s.score) as min,
                 max(s.score) as max
              from ${RAW_SCORES}
              join employee e on e.id = v.employee_id
             where v.status in ${COUNTED} and p.year * 4 + p.quarter - 1 between $1 and $2
             group by 1`,
          params: [idx(2025, 1), idx(2025, 4)],
        },
      ],
      fromSql: ([rows]) =>
        byKey(
          rows!.map((r) => ({
            key: String(r.key),
            n: num(r.n),
            mean: num(r.mean),
            stddev: num(r.stddev),
            min: num(r.min),
            max: num(r.max),
          })),
        ),
    },
    {
      name: 'distribution',
      title: `distributionCheck ${agency} 2025 (annual predikat counts)`,
      graphql: { query: `{ distributionCheck(agencyCode: "${agency}", year: 2025) { counts { predikat count } } }` },
      fromApi: (d: { distributionCheck: { counts: { predikat: string; count: number }[] } }) => [
        apiPredikat(d.distributionCheck.counts),
      ],
      // The annual result (docs/scoring.md "Annual result"): annual category scores the means of the year's
      // quarterly ones, ratings and predikat as a quarter's, SANGAT_BAIK without a verified innovation BAIK; each
      // employee in the agency of their last counted evaluation of the year.
      sql: [
        {
          text: `with ${RAW_EVALUATIONS},
            last as (select distinct on (employee_id) employee_id, agency_id from raw_eval
                      order by employee_id, quarter desc),
            annual as (select r.employee_id, avg(r.hk) as hk, avg(r.pk) as pk from raw_eval r group by r.employee_id),
            annual_rated as (select a.*,
                case when round((hk * 1e6)::numeric) / 1e6 >= $5 then 2 when round((hk * 1e6)::numeric) / 1e6 >= $6 then 1 else 0 end as hkr,
                case when round((pk * 1e6)::numeric) / 1e6 >= $5 then 2 when round((pk * 1e6)::numeric) / 1e6 >= $6 then 1 else 0 end as pkr
                from annual a where hk is not null and pk is not null),
            annual_predikat as (select x.employee_id, case
                when hkr = 2 and pkr = 2 then case when exists (select 1 from innovation i where i.employee_id = x.employee_id
                    and i.year = 2025 and i.verified_at is not null) then 'SANGAT_BAIK' else 'BAIK' end
                when hkr >= 1 and pkr >= 1 then 'BAIK'
                when hkr >= 1 then 'KURANG'
                when pkr >= 1 then 'BUTUH_PERBAIKAN'
                else 'SANGAT_KURANG' end as predikat
                from annual_rated x)
            select ${PREDIKAT_COUNTS} from annual_predikat ap join last l using (employee_id)
             join agency a on a.id = l.agency_id where a.code = '${agency}'`,
          params: y2025,
        },
      ],
      fromSql: ([rows]) => [predikatFields(rows![0]!.predikat as number[])],
    },
    {
      name: 'rater-objectivity',
      title: 'raterObjectivity, whole province, 2025',
      graphql: {
        query: `{ raterObjectivity(input: { from: { year: 2025, quarter: 1 }, to: { year: 2025, quarter: 4 } }) {
          assessor { nip } nEmployees nScores meanGiven leniency } }`,
      },
      fromApi: (d: {
        raterObjectivity: {
          assessor: { nip: string };
          nEmployees: number;
          nScores: number;
          meanGiven: number;
          leniency: number;
        }[];
      }) =>
        byKey(
          d.raterObjectivity.map((r) => ({
            key: r.assessor.nip,
            nEmployees: r.nEmployees,
            nScores: r.nScores,
            meanGiven: r.meanGiven,
            leniency: r.leniency,
          })),
        ),
      sql: [{ text: RAW_RATER_SQL, params: [idx(2025, 1), idx(2025, 4)] }],
      fromSql: ([rows]) =>
        byKey(
          rows!.map((r) => ({
            key: String(r.nip),
            nEmployees: num(r.n_employees),
            nScores: num(r.n_scores),
            meanGiven: num(r.mean_given),
            leniency: num(r.leniency),
          })),
        ),
    },
    {
      name: 'training-impact',
      title: 'trainingImpact, every training and agency, window 2',
      graphql: {
        query: `{ trainingImpact(input: { window: 2 }) { nTreated nControl effect ciLow ciHigh preTrend { effect } } }`,
      },
      fromApi: (d: {
        trainingImpact: {
          nTreated: number;
          nControl: number;
          effect: number;
          ciLow: number;
          ciHigh: number;
          preTrend: { effect: number } | null;
        };
      }) => [
        {
          nTreated: d.trainingImpact.nTreated,
          nControl: d.trainingImpact.nControl,
          effect: d.trainingImpact.effect,
          ciLow: d.trainingImpact.ciLow,
          ciHigh: d.trainingImpact.ciHigh,
          preTrend: d.trainingImpact.preTrend?.effect ?? null,
        },
      ],
      sql: [
        {
          text: RAW_COHORT_SQL,
          params: [2, policy.categoryWeights.HASIL_KERJA, policy.categoryWeights.PERILAKU_KERJA],
        },
      ],
      // ADMIN: the minimum is trainingImpactMinN alone (training-impact.service.ts).
      fromSql: ([rows], p) => impactOfRawSums(rows as CohortRow[], 2, p.trainingImpactMinN),
    },
  ];
}
