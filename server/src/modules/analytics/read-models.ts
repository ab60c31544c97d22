import type { AnalyticsSql } from './sql.js';

/**
 * The two read models of every analytics query (docs/analytics.md "Read models and their refresh"): `analytics_evaluation` (one row per
 * counted evaluation) and `analytics_score` (one row per criterion score of a counted evaluation). Both carry the
 * evaluation's period and agency and the employee's CURRENT grouping attributes (empty ones as `UNKNOWN`), so the
 * queries never read `evaluation_score` or join the employee table at request time.
 */

/** Counted evaluations (docs/analytics.md "What every figure counts"): DRAFT and OBJECTED are left out. */
export const COUNTED_STATUSES = ['SUBMITTED', 'ACKNOWLEDGED', 'FINAL'] as const;

/**
 * The rank group in SQL, as `rankGroup` in shared/src/analytics/dimensions.ts: PPPK whatever the golongan; a PNS by
 * the golongan before the slash of `I/a`..`IV/e`; otherwise UNKNOWN.
 */
const RANK_GROUP_SQL = `case
  when e.employment_type = 'PPPK' then 'PPPK'
  when e.employment_type = 'PNS' and e.rank ~ '^(IV|III|II|I)/[a-e]$' then substring(e.rank from '^(IV|III|II|I)/')
  else 'UNKNOWN' end`;

/** The employee's grouping attributes, empty ones as UNKNOWN. */
const ATTRIBUTES_SQL = `coalesce(e.position_type, 'UNKNOWN'), coalesce(e.employment_type, 'UNKNOWN'),
  ${RANK_GROUP_SQL}, coalesce(e.gender, 'UNKNOWN')`;

/**
 * A scope of the read models: the evaluations of one agency (null: every agency), year and quarter (null: every one),
 * as a stale mark names them. `match(alias)` is the SQL condition on a table with agency_id, year and quarter columns.
 */
export interface Scope {
  agencyId: number | null;
  year: number | null;
  quarter: number | null;
}

/** The condition "row of `alias` lies in one of the scopes of the JSON parameter `$n`". */
export function inScopes(alias: string, param: string): string {
  return `exists (select 1 from jsonb_to_recordset(${param}::jsonb) as s("agencyId" int, "year" int, "quarter" int)
    where (s."agencyId" is null or ${alias}.agency_id = s."agencyId")
      and (s."year" is null or ${alias}.year = s."year")
      and (s."quarter" is null or ${alias}.quarter = s."quarter"))`;
}

/**
 * Conditions implied by the scopes that the indexes can serve (on `period_index` and `agency_id`; on `period_id` for
 * the evaluations): the quarter indexes of the scopes when every scope names its year and quarter, and the agencies
 * when every scope names its agency. Without them every refresh read both read models and the stored results whole,
 * whatever it refreshed (docs/benchmarks.md "Analytics on 20 million scores"). `inScopes` stays the exact condition.
 * The evaluations' periods are a semi-join (`period_id in (select ...)`), not `= any(array(select ...))`: the planner
 * cannot estimate an array computed at run time, took a third of `evaluation` to match and scanned it whole with the
 * employee table and JIT (2.5 s per refresh at 20 million scores against 54 ms).
 */
export function narrowing(scopes: readonly Scope[], params: unknown[]): { analytics: string; evaluation: string } {
  const analytics: string[] = [];
  const evaluation: string[] = [];
  if (scopes.every((s) => s.year !== null && s.quarter !== null)) {
    params.push([...new Set(scopes.map((s) => s.year! * 4 + s.quarter! - 1))]);
    const n = params.length;
    analytics.push(`ALIAS.period_index = any($${n}::int[])`);
    evaluation.push(`ev.period_id in (select id from period where year * 4 + quarter - 1 = any($${n}::int[]))`);
  }
  if (scopes.every((s) => s.agencyId !== null)) {
    params.push([...new Set(scopes.map((s) => s.agencyId!))]);
    analytics.push(`ALIAS.agency_id = any($${params.length}::int[])`);
    evaluation.push(`ev.agency_id = any($${params.length}::int[])`);
  }
  return {
    analytics: analytics.map((c) => ` and ${c}`).join(''),
    evaluation: evaluation.map((c) => ` and ${c}`).join(''),
  };
}

/**
 * Brings both tables up to date for the given scopes (null: everything): deletes their rows in scope and inserts
 * them again from the stored results. Runs in the caller's transaction.
 */
export async function refreshEvaluationReadModels(sql: AnalyticsSql, scopes: readonly Scope[] | null): Promise<void> {
  const all = scopes === null;
  const params: unknown[] = all ? [] : [JSON.stringify(scopes)];
  const narrow = all ? { analytics: '', evaluation: '' } : narrowing(scopes, params);
  const on = (alias: string) => narrow.analytics.replaceAll('ALIAS.', `${alias}.`);
  // The evaluations' own scope is narrowed inside the subquery below; the scores' source is analytics_evaluation.
  const sourceScope = all ? 'true' : inScopes('src', '$1');
  if (all) {
    await sql.query('delete from analytics_score');
    await sql.query('delete from analytics_evaluation');
  } else {
    await sql.query(`delete from analytics_score a where ${inScopes('a', '$1')}${on('a')}`, params);
    await sql.query(`delete from analytics_evaluation a where ${inScopes('a', '$1')}${on('a')}`, params);
  }
  await sql.query(
    `insert into analytics_evaluation (evaluation_id, employee_id, agency_id, assessor_id, year, quarter, period_index,
       status, hasil_kerja_score, perilaku_kerja_score, score, predikat,
       position_type, employment_type, rank_group, gender)
     select src.id, src.employee_id, src.agency_id, src.assessor_id, src.year, src.quarter, src.year * 4 + src.quarter - 1,
       src.status, src.hasil_kerja_score, src.perilaku_kerja_score, src.score, src.predikat, ${ATTRIBUTES_SQL}
     from (select ev.*, p.year, p.quarter from evaluation ev join period p on p.id = ev.period_id
           where ev.status in ('SUBMITTED', 'ACKNOWLEDGED', 'FINAL')${narrow.evaluation}) src
     join employee e on e.id = src.employee_id
     where ${sourceScope}`,
    params,
  );
  await sql.query(
    `insert into analytics_score (evaluation_id, criterion_id, criterion_code, category, score, judged,
       employee_id, agency_id, assessor_id, year, quarter, period_index,
       position_type, employment_type, rank_group, gender)
     select s.evaluation_id, s.criterion_id, c.code, c.category, s.score, not s.derived_from_indicator,
       src.employee_id, src.agency_id, src.assessor_id, src.year, src.quarter, src.period_index,
       src.position_type, src.employment_type, src.rank_group, src.gender
     from analytics_evaluation src
     join evaluation_score s on s.evaluation_id = src.evaluation_id
     join criterion c on c.id = s.criterion_id
     where ${sourceScope}${on('src')}`,
    params,
  );
}
