import { analyticsNoteText, trainingImpact as didByCohort } from '@kinerja/shared';
import type { Context } from '../../graphql/context.js';
import { badUserInput } from '../../graphql/errors.js';
import type { TrainingImpactInput, TrainingImpactType } from './people.types.js';
import { agencyDirectory, callerOf, localeOf, readSql } from './request.js';

/**
 * Training impact (docs/analytics.md "Training impact"): PostgreSQL gives each employee's mean quarterly score per
 * quarter (from `analytics_evaluation`), the current agency of every employee and the completed participations as
 * quarter indexes; the stacked difference in differences over cohorts is the shared pure function. The result is the
 * same for every caller: with fewer treated or control employees than the policy minimum it is suppressed for all
 * (for a caller who sees no small group, below the larger of that and the group minimum).
 */
export async function trainingImpact(ctx: Context, input: TrainingImpactInput): Promise<TrainingImpactType> {
  const w = input.window ?? ctx.policy.trainingImpactDefaultWindow;
  if (!Number.isInteger(w) || w < 1 || w > 8) {
    throw badUserInput('input.window', `Jendela harus 1-8 triwulan (window must be 1-8 quarters), bukan ${w}.`);
  }
  const sql = readSql(ctx);
  const agencies = await agencyDirectory(sql);
  let agencyId: number | null = null;
  if (input.agencyCode) {
    const agency = agencies.byCode.get(input.agencyCode);
    if (!agency) {
      throw badUserInput(
        'input.agencyCode',
        `Kode perangkat daerah "${input.agencyCode}" tidak dikenal (unknown agency code).`,
      );
    }
    agencyId = agency.id;
  }
  let trainingId: number | null = null;
  if (input.trainingCode) {
    const { rows } = await sql.query<{ id: number }>('select id from training where code = $1', [input.trainingCode]);
    if (rows.length === 0) {
      throw badUserInput(
        'input.trainingCode',
        `Kode pelatihan "${input.trainingCode}" tidak dikenal (unknown training code).`,
      );
    }
    trainingId = rows[0]!.id;
  }

  // Controls come from the same agency as their cohort, so only the agencies in scope are read.
  const [scores, employees, completions] = await Promise.all([
    sql.query<{ employee_id: number; period_index: number; score: number }>(
      `select a.employee_id, a.period_index, avg(a.score) as score
         from analytics_evaluation a join employee e on e.id = a.employee_id
        where a.score is not null and ($1::int is null or e.agency_id = $1)
        group by a.employee_id, a.period_index`,
      [agencyId],
    ),
    sql.query<{ id: number; agency_id: number }>(
      'select id, agency_id from employee where agency_id is not null and ($1::int is null or agency_id = $1)',
      [agencyId],
    ),
    sql.query<{ employee_id: number; training_id: number; period_index: number }>(
      `select p.employee_id, p.training_id,
              (extract(year from p.completed_on)::int * 4 + extract(quarter from p.completed_on)::int - 1) as period_index
         from participation p join employee e on e.id = p.employee_id
        where p.status = 'COMPLETED' and p.completed_on is not null and ($1::int is null or e.agency_id = $1)`,
      [agencyId],
    ),
  ]);
  const all = completions.rows.map((c) => ({ employeeId: String(c.employee_id), quarter: Number(c.period_index) }));
  const inScope = completions.rows
    .filter((c) => trainingId === null || c.training_id === trainingId)
    .map((c) => ({ employeeId: String(c.employee_id), quarter: Number(c.period_index) }));
  const result = didByCohort({
    scores: scores.rows.map((s) => ({
      employeeId: String(s.employee_id),
      quarter: Number(s.period_index),
      score: Number(s.score),
    })),
    inScopeCompletions: inScope,
    allCompletions: all,
    agencyOf: new Map(employees.rows.map((e) => [String(e.id), String(e.agency_id)])),
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
