import type { Context } from '../../graphql/context.js';
import { badUserInput, forbidden } from '../../graphql/errors.js';
import { agencyDirectory, readSql } from './request.js';

/**
 * The most rows one answer holds (the cost budget prices the list at this size: server/src/security/cost.ts); the
 * first ones by employee id and criterion code. An agency's or a line's needs fit; for the whole city, ask per agency.
 */
export const TRAINING_NEEDS_MAX = 200;

/** A training need before its employee and trainings are resolved with the caller's visibility. */
export interface TrainingNeedRow {
  employeeId: number;
  criterion: string;
  scores: { year: number; quarter: number; score: number }[];
  trainingIds: number[];
}

/**
 * Training needs (docs/analytics.md "Training needs"), in one PostgreSQL query over the `analytics_score` read model:
 * per employee and criterion code, the last two counted evaluations that scored it, both below the policy threshold
 * (compared after rounding to 1e-6, as the shared rules do), with the trainings aimed at that code the employee has
 * not completed. Rows: ADMIN, LEADER, POLICY and ANALYST every employee (the last two pseudonymised by the employee
 * type), an agency head the employees of their agency, a supervisor their reporting line.
 */
export async function trainingNeeds(ctx: Context, agencyCode: string | null | undefined): Promise<TrainingNeedRow[]> {
  const viewer = ctx.viewer!;
  const sql = readSql(ctx);
  let agencyId: number | null = null;
  if (agencyCode) {
    const agency = (await agencyDirectory(sql)).byCode.get(agencyCode);
    if (!agency) {
      throw badUserInput('agencyCode', { code: 'AGENCY_CODE_UNKNOWN', params: { code: agencyCode } });
    }
    agencyId = agency.id;
  }
  let only: number[] | null = null;
  if (viewer.role === 'AGENCY_HEAD') {
    if (viewer.agencyId === null)
      throw forbidden({ code: 'ACCOUNT_WITHOUT_AGENCY', params: { query: 'trainingNeeds' } });
    if (agencyId !== null && agencyId !== viewer.agencyId) {
      throw forbidden({ code: 'OWN_AGENCY_ONLY', params: { query: 'trainingNeeds', what: 'EMPLOYEES' } });
    }
    agencyId = viewer.agencyId;
  } else if (viewer.role === 'SUPERVISOR') {
    only = [...(ctx.scope?.lineIds ?? [])];
  }
  const { rows } = await sql.query<{
    employee_id: number;
    criterion_code: string;
    scores: { year: number; quarter: number; score: number }[];
    training_ids: number[];
  }>(
    `with ranked as (
       select s.employee_id, s.criterion_code, s.year, s.quarter, s.score,
              row_number() over (partition by s.employee_id, s.criterion_code
                                 order by s.period_index desc, s.evaluation_id desc) as rn
         from analytics_score s join employee e on e.id = s.employee_id
        where ($1::int is null or e.agency_id = $1) and ($2::text is null or s.employee_id = any($2::text::int[]))
     ), needs as (
       select employee_id, criterion_code,
              json_agg(json_build_object('year', year, 'quarter', quarter, 'score', score) order by rn desc) as scores
         from ranked where rn <= 2
        group by employee_id, criterion_code
       having count(*) = 2 and bool_and(round(score::numeric, 6) < $3::numeric)
     )
     select n.employee_id, n.criterion_code, n.scores,
            coalesce((select (array_agg(t.id order by t.code))[1:10] from training t
                       where n.criterion_code = any(t.criterion_codes)
                         and not exists (select 1 from participation p
                                          where p.training_id = t.id and p.employee_id = n.employee_id
                                            and p.status = 'COMPLETED')), '{}') as training_ids
       from needs n order by n.employee_id, n.criterion_code limit $4`,
    // an int[] travels as its text form: the driver would spread a JS array into a list
    [agencyId, only === null ? null : `{${only.join(',')}}`, ctx.policy.trainingNeedThreshold, TRAINING_NEEDS_MAX],
  );
  return rows.map((r) => ({
    employeeId: r.employee_id,
    criterion: r.criterion_code,
    scores: (typeof r.scores === 'string' ? JSON.parse(r.scores) : r.scores) as TrainingNeedRow['scores'],
    trainingIds: r.training_ids.map(Number),
  }));
}
