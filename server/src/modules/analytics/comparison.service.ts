import {
  checkQuarter,
  checkYear,
  analyticsNoteText,
  compareKeys,
  decideSuppression,
  PREDIKATS,
  rankByMean,
  type Predikat,
} from '@kinerja/shared';
import type { Context } from '../../graphql/context.js';
import { throwProblems } from '../../graphql/errors.js';
import type { AgencyStandingType } from './analytics.types.js';
import { needsEmployeeCounts } from './cells.js';
import { agencyDirectory, callerOf, localeOf, readSql } from './request.js';
import type { AnalyticsSql } from './sql.js';

/**
 * The agency comparison (docs/analytics.md "Agency comparison"): per agency, for a quarter (quarterly scores of the
 * evaluations stored with it) or a year (annual scores, each employee in the agency of their last counted evaluation
 * of the year), n, mean, rank among all agencies, predikat counts, criterion means and training JP, from the read
 * models and the stored annual results.
 */

/** The employees an agency comparison counts: one row per employee with a defined score. */
export function countedEmployeesSql(quarterly: boolean): string {
  return quarterly
    ? `select a.employee_id, a.agency_id, a.employment_type, a.score, a.predikat
         from analytics_evaluation a where a.period_index = $1 and a.score is not null`
    : `select l.employee_id, l.agency_id, l.employment_type, r.score, r.predikat
         from (select distinct on (employee_id) employee_id, agency_id, employment_type
                 from analytics_evaluation where year = $2 order by employee_id, quarter desc) l
         join annual_result r on r.employee_id = l.employee_id and r.year = $2
        where r.score is not null`;
}

interface AgencyFigures {
  agency_id: number;
  n: number;
  mean: number;
  predikat: (number | string)[];
  jp_total: number;
  pns: number;
  pns_meeting: number;
}

export async function agencyComparison(
  ctx: Context,
  year: number,
  quarter: number | null | undefined,
): Promise<AgencyStandingType[]> {
  const quarterly = quarter !== null && quarter !== undefined;
  throwProblems(checkYear(year, 'year'), null);
  if (quarterly) throwProblems(checkQuarter(quarter, 'quarter'), null);
  const periodIndex = year * 4 + (quarterly ? quarter : 1) - 1;
  const sql = readSql(ctx);
  const agencies = await agencyDirectory(sql);
  const locale = localeOf(ctx);
  const minJp = ctx.policy.minJpPerYearPns;
  const rows = await agencyFigures(sql, quarterly, periodIndex, year, minJp);
  const caller = callerOf(ctx, agencies.byId);
  const cells = await criterionMeans(sql, quarterly, periodIndex, needsEmployeeCounts(caller));

  const withCodes = rows
    .map((r) => ({ ...r, code: agencies.byId.get(r.agency_id)!.code }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const decisions = decideSuppression(
    withCodes.map((r) => ({ keys: [r.code], nEmployees: Number(r.n), agencyCode: r.code })),
    caller,
    ctx.policy.suppressionMinGroup,
  );
  // The criterion means of the agencies shown are groups too, keyed (agency, criterion): one scored by fewer
  // employees than the minimum is withheld, with the second-group rule (docs/analytics.md "Suppression").
  const shown = new Set(withCodes.filter((_, i) => !decisions[i]!.suppressed).map((r) => r.agency_id));
  const shownCells = cells
    .filter((c) => shown.has(c.agency_id))
    .map((c) => ({ ...c, code: agencies.byId.get(c.agency_id)!.code }))
    .sort((a, b) => compareKeys(a.code, b.code) || compareKeys(a.criterion_code, b.criterion_code));
  const cellDecisions = decideSuppression(
    shownCells.map((c) => ({
      keys: [c.code, c.criterion_code],
      // Not counted for a FULL caller, whom suppression spares anyway.
      nEmployees: c.n_employees === null ? 0 : Number(c.n_employees),
      agencyCode: c.code,
    })),
    caller,
    ctx.policy.suppressionMinGroup,
  );
  const means = new Map<number, { criterion: string; mean: number | null; suppressed: boolean }[]>();
  shownCells.forEach((c, i) => {
    const suppressed = cellDecisions[i]!.suppressed;
    const list = means.get(c.agency_id) ?? [];
    list.push({ criterion: c.criterion_code, mean: suppressed ? null : Number(c.mean), suppressed });
    means.set(c.agency_id, list);
  });
  const ranked = rankByMean(
    withCodes.map((r, i) => ({ key: r.code, mean: Number(r.mean), suppressed: decisions[i]!.suppressed })),
  );
  const byCode = new Map(withCodes.map((r, i) => [r.code, { row: r, decision: decisions[i]! }]));
  return Promise.all(
    ranked.map(async ({ key, rank }) => {
      const { row, decision } = byCode.get(key)!;
      const agency = (await ctx.loaders.agencyById.load(row.agency_id))!;
      if (decision.suppressed) {
        return {
          agency,
          n: null,
          meanScore: null,
          rank: null,
          predikatCounts: null,
          criterionMeans: null,
          trainingJpPerEmployee: null,
          shareMeeting20Jp: null,
          suppressed: true,
          note: decision.note ? analyticsNoteText(decision.note, locale) : null,
        };
      }
      const n = Number(row.n);
      const counts = row.predikat.map(Number);
      return {
        agency,
        n,
        meanScore: Number(row.mean),
        rank,
        predikatCounts: PREDIKATS.map((predikat: Predikat, k) => ({
          predikat,
          count: counts[k]!,
          share: counts[k]! / n,
        })),
        criterionMeans: means.get(row.agency_id) ?? [],
        trainingJpPerEmployee: Number(row.jp_total) / n,
        shareMeeting20Jp: Number(row.pns) === 0 ? null : Number(row.pns_meeting) / Number(row.pns),
        suppressed: false,
        note: null,
      };
    }),
  );
}

/**
 * Per agency: n, mean, predikat counts, and the JP of the calendar year of its n employees (completed participations
 * with a completion date in the year; the PPPK cap not applied), with the PNS meeting the policy's JP (compared after
 * the comparison rounding, `round(x * 1e6) / 1e6`).
 */
async function agencyFigures(
  sql: AnalyticsSql,
  quarterly: boolean,
  periodIndex: number,
  year: number,
  minJp: number,
): Promise<AgencyFigures[]> {
  const { rows } = await sql.query<AgencyFigures>(
    `with counted as (${countedEmployeesSql(quarterly)}),
     jp as (select p.employee_id, sum(p.hours_jp) as jp from participation p
             where p.status = 'COMPLETED' and p.completed_on is not null
               and p.completed_on >= make_date($2, 1, 1) and p.completed_on < make_date($2 + 1, 1, 1)
               and p.employee_id in (select employee_id from counted)
             group by p.employee_id)
     select c.agency_id, count(*)::int as n, avg(c.score) as mean,
       array[${PREDIKATS.map((p) => `count(*) filter (where c.predikat = '${p}')`).join(', ')}] as predikat,
       coalesce(sum(jp.jp), 0)::float8 as jp_total,
       count(*) filter (where c.employment_type = 'PNS')::int as pns,
       count(*) filter (where c.employment_type = 'PNS' and round(coalesce(jp.jp, 0) * 1e6) / 1e6 >= round($3::float8 * 1e6) / 1e6)::int as pns_meeting
     from counted c left join jp on jp.employee_id = c.employee_id
     group by c.agency_id`,
    [periodIndex, year, minJp],
  );
  return rows;
}

/**
 * Per agency and criterion code, the mean of every counted criterion score of the evaluations stored with it, with
 * the distinct employees behind it (null when `counted` is false: a FULL caller, whom suppression spares). From the
 * cells (`analytics_cell`: the exact mean of their sums) for a quarter, where the cells' `n_employees` add up (one
 * evaluation per employee and quarter), and for a year when the employees need no counting; otherwise, for a year,
 * from `analytics_score`, since an employee scored in several quarters of the year is one employee.
 */
async function criterionMeans(
  sql: AnalyticsSql,
  quarterly: boolean,
  periodIndex: number,
  counted: boolean,
): Promise<{ agency_id: number; criterion_code: string; mean: number; n_employees: number | null }[]> {
  const range = quarterly ? 'period_index = $1' : 'period_index between $1 and $1 + 3';
  const { rows } = await sql.query<{
    agency_id: number;
    criterion_code: string;
    mean: number;
    n_employees: number | null;
  }>(
    quarterly || !counted
      ? `select agency_id, criterion_code, (sum(score_sum) / sum(n))::float8 as mean,
           ${counted ? 'sum(n_employees)::int' : 'null::int'} as n_employees
           from analytics_cell where ${range}
          group by agency_id, criterion_code`
      : `select agency_id, criterion_code, (sum(score::numeric) / count(*))::float8 as mean,
             count(distinct employee_id)::int as n_employees
           from analytics_score where ${range}
          group by agency_id, criterion_code`,
    [periodIndex],
  );
  return rows;
}
