import { analyticsNoteText, compareKeys, trainingImpactOfSums, type CohortSums, type SideSums } from '@kinerja/shared';
import type { Context } from '../../graphql/context.js';
import { badUserInput } from '../../graphql/errors.js';
import type { TrainingImpactInput, TrainingImpactType } from './people.types.js';
import { agencyDirectory, callerOf, localeOf, readSql } from './request.js';

/**
 * Training impact (docs/analytics.md "Training impact"): PostgreSQL forms the cohorts and sums each kept cohort's
 * changes (`COHORT_SUMS_SQL`); the weighting, standard error, interval, suppression and pre-trend notes are the
 * shared `trainingImpactOfSums`, the same combination the reference `trainingImpact` uses. The result is the
 * same for every caller: with fewer treated or control employees than the policy minimum it is suppressed for all
 * (for a caller who sees no small group, below the larger of that and the group minimum).
 */
interface CohortSumsRow {
  part: 'main' | 'pre' | 'main_controls' | 'pre_controls';
  agency_id: number | null;
  t0: number | null;
  treated: boolean | null;
  n: number;
  mean_change: number | null;
  var_change: number | null;
  mean_before: number | null;
  mean_after: number | null;
}

/**
 * The kept cohorts of the training impact summed in PostgreSQL (docs/analytics.md "Training impact", steps 1-4 and
 * 10): $1 the agency in scope (null: every agency), $2 the training (null: every one), $3 the window. Treated: the
 * first in-scope completion of each employee with an agency on record (t0 its quarter index); controls of a cohort:
 * the employees of its agency with no completion of any kind in t0-w..t0+w; each member's mean quarterly score in
 * the windows (from `analytics_evaluation`, one mean per quarter); cohorts kept with a treated and a control change.
 * Rows per (part, agency, t0, side) with the side's count, mean and sample variance of the changes and mean before
 * and after; `main_controls` and `pre_controls` carry the distinct control employees. A cohort is kept by a window
 * over its members, not by joining the members to a grouped list of cohorts: the planner, which cannot estimate the
 * rows of these CTEs, took that join for one row and re-aggregated the cohorts once per member (docs/analytics.md
 * "Training impact").
 */
export const COHORT_SUMS_SQL = `with emp as (
    select id, agency_id from employee where agency_id is not null and ($1::int is null or agency_id = $1)),
  comp as (select p.employee_id, p.training_id,
                  extract(year from p.completed_on)::int * 4 + extract(quarter from p.completed_on)::int - 1 as q
             from participation p join emp on emp.id = p.employee_id
            where p.status = 'COMPLETED' and p.completed_on is not null),
  treated as (select c.employee_id, e.agency_id, min(c.q) as t0
                from comp c join emp e on e.id = c.employee_id
               where $2::int is null or c.training_id = $2
               group by c.employee_id, e.agency_id),
  cohort as (select distinct agency_id, t0 from treated),
  member as (select agency_id, t0, employee_id, true as treated from treated
             union all
             select k.agency_id, k.t0, e.id, false
               from cohort k join emp e on e.agency_id = k.agency_id
              where not exists (select 1 from comp c where c.employee_id = e.id and c.q between k.t0 - $3 and k.t0 + $3)),
  sc as (select employee_id, period_index as q, avg(score) as s from analytics_evaluation
          where score is not null and employee_id in (select id from emp) group by 1, 2),
  win as (select m.agency_id, m.t0, m.employee_id, m.treated,
                 avg(sc.s) filter (where sc.q between m.t0 - 2 * $3 and m.t0 - $3 - 1) as early,
                 avg(sc.s) filter (where sc.q between m.t0 - $3 and m.t0 - 1) as before,
                 avg(sc.s) filter (where sc.q between m.t0 + 1 and m.t0 + $3) as after
            from member m join sc on sc.employee_id = m.employee_id and sc.q between m.t0 - 2 * $3 and m.t0 + $3
           group by 1, 2, 3, 4),
  main as (select * from win where before is not null and after is not null),
  mk as (select agency_id, t0, employee_id, treated, early, before, after
           from (select m.*, bool_or(treated) over c and bool_or(not treated) over c as kept
                   from main m window c as (partition by agency_id, t0)) x
          where kept),
  pre as (select * from mk where early is not null),
  pk as (select agency_id, t0, employee_id, treated, early, before, after
           from (select p.*, bool_or(treated) over c and bool_or(not treated) over c as kept
                   from pre p window c as (partition by agency_id, t0)) x
          where kept)
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

export async function trainingImpact(ctx: Context, input: TrainingImpactInput): Promise<TrainingImpactType> {
  const w = input.window ?? ctx.policy.trainingImpactDefaultWindow;
  if (!Number.isInteger(w) || w < 1 || w > 8) {
    throw badUserInput('input.window', { code: 'WINDOW_RANGE', params: { value: w, min: 1, max: 8 } });
  }
  const sql = readSql(ctx);
  const agencies = await agencyDirectory(sql);
  let agencyId: number | null = null;
  if (input.agencyCode) {
    const agency = agencies.byCode.get(input.agencyCode);
    if (!agency) {
      throw badUserInput('input.agencyCode', { code: 'AGENCY_CODE_UNKNOWN', params: { code: input.agencyCode } });
    }
    agencyId = agency.id;
  }
  let trainingId: number | null = null;
  if (input.trainingCode) {
    const { rows } = await sql.query<{ id: number }>('select id from training where code = $1', [input.trainingCode]);
    if (rows.length === 0) {
      throw badUserInput('input.trainingCode', { code: 'TRAINING_CODE_UNKNOWN', params: { code: input.trainingCode } });
    }
    trainingId = rows[0]!.id;
  }

  // Controls come from the same agency as their cohort, so only the agencies in scope are read.
  const { rows } = await sql.query<CohortSumsRow>(COHORT_SUMS_SQL, [agencyId, trainingId, w]);
  const code = (id: number) => agencies.byId.get(id)?.code ?? String(id);
  const side = (r: CohortSumsRow | undefined): SideSums => ({
    n: Number(r!.n),
    meanChange: Number(r!.mean_change),
    varianceChange: r!.var_change === null ? null : Number(r!.var_change),
    meanBefore: Number(r!.mean_before),
    meanAfter: Number(r!.mean_after),
  });
  const cohortsOf = (part: 'main' | 'pre'): CohortSums[] => {
    const of = rows.filter((r) => r.part === part && r.agency_id !== null);
    const keys = [...new Set(of.map((r) => `${r.agency_id}|${r.t0}`))];
    return keys
      .map((k) => {
        const [agencyIdOf, t0] = k.split('|').map(Number) as [number, number];
        const at = (treated: boolean) =>
          of.find((r) => r.agency_id === agencyIdOf && r.t0 === t0 && r.treated === treated);
        return { agencyCode: code(agencyIdOf), t0, treated: side(at(true)), controls: side(at(false)) };
      })
      .sort((x, y) => compareKeys(x.agencyCode, y.agencyCode) || x.t0 - y.t0);
  };
  const distinct = (part: string) => Number(rows.find((r) => r.part === part)?.n ?? 0);
  const result = trainingImpactOfSums({
    main: cohortsOf('main'),
    mainControls: distinct('main_controls'),
    pre: cohortsOf('pre'),
    preControls: distinct('pre_controls'),
    window: w,
    // Below trainingImpactMinN the result is withheld from everybody; a caller who sees only groups of at least
    // suppressionMinGroup employees sees it only when the treated and the controls are that many too.
    minN:
      callerOf(ctx, agencies.byId).kind === 'RESTRICTED'
        ? Math.max(ctx.policy.trainingImpactMinN, ctx.policy.suppressionMinGroup)
        : ctx.policy.trainingImpactMinN,
  });
  const locale = localeOf(ctx);
  const note = result.note ?? result.preTrendNote;
  return {
    nTreated: result.nTreated,
    nControl: result.nControl,
    treatedPre: result.treatedPre,
    treatedPost: result.treatedPost,
    controlPre: result.controlPre,
    controlPost: result.controlPost,
    effect: result.effect,
    standardError: result.standardError,
    ciLow: result.ciLow,
    ciHigh: result.ciHigh,
    preTrend: result.preTrend
      ? { effect: result.preTrend.effect, ciLow: result.preTrend.ciLow, ciHigh: result.preTrend.ciHigh }
      : null,
    suppressed: result.suppressed,
    note: note ? analyticsNoteText(note, locale) : null,
  };
}
