import { analyticsNoteText, decideSuppression, compareKeys, raterStatOf } from '@kinerja/shared';
import type { Context } from '../../graphql/context.js';
import { badUserInput, forbidden } from '../../graphql/errors.js';
import type { RaterObjectivityInput } from './people.types.js';
import { agencyDirectory, localeOf, periodRangeOf, readSql } from './request.js';

/** A rater statistic before its assessor is resolved (the resolver loads the record with the caller's visibility). */
export interface RaterStatRow {
  assessorId: number;
  nEmployees: number | null;
  nScores: number | null;
  meanGiven: number | null;
  leniency: number | null;
  standardError: number | null;
  z: number | null;
  flags: string[];
  suppressed: boolean;
  note: string | null;
}

/**
 * Rater objectivity (docs/analytics.md "Rater objectivity"): PostgreSQL sums every assessor's judged scores of the
 * `analytics_score` read model (cell means, residuals, employee mean residuals, leniency, the spreads and the HALO
 * counts; `RATER_SUMS_SQL`); the standard error, z and flags are the shared `raterStatOf`. Who sees what (docs/analytics.md): ADMIN and LEADER
 * every assessor, an agency head the evaluations of their own agency, POLICY and ANALYST every assessor under a
 * pseudonym with the numbers of an assessor who rated fewer employees than the policy minimum withheld.
 */
interface RaterSumsRow {
  assessor_id: number;
  n_employees: number;
  n_scores: number;
  mean_given: number;
  sd_given: number | null;
  leniency: number;
  sd_in_cells: number | null;
  eligible: number;
  uniform: number;
  sd_pairs: number | null;
}

/**
 * Per assessor, over the judged scores of the range ($1..$2 quarter indexes) and agency ($3, null for all): the
 * residual of a score is against the mean of its (criterion, agency, quarter) cell, every judged score included; the
 * sd of all judged scores in the assessor's (agency, quarter) cells is pooled from per-cell sums (shifted by 100, so
 * that the sums of squares stay small); HALO compares scores rounded to 6 decimals. `sd_pairs` is the sample sd of
 * the employee mean residuals of every pair in scope, the same on every row.
 */
export const RATER_SUMS_SQL = `with j as (
    select assessor_id, employee_id, evaluation_id, criterion_code, category, agency_id, period_index, score
      from analytics_score
     where judged and period_index between $1 and $2 and ($3::int is null or agency_id = $3)),
  cell as (select criterion_code, agency_id, period_index, avg(score) as m from j group by 1, 2, 3),
  pair as (select j.assessor_id, j.employee_id, avg(j.score - cell.m) as r
             from j join cell using (criterion_code, agency_id, period_index)
            where j.assessor_id is not null group by 1, 2),
  pooled as (select stddev_samp(r) as sd from pair),
  spread as (select agency_id, period_index, count(*)::float8 as n, sum(score - 100) as s,
                    sum((score - 100) * (score - 100)) as ss
               from j group by 1, 2),
  cells_of as (select distinct assessor_id, agency_id, period_index from j where assessor_id is not null),
  in_cells as (select c.assessor_id, sum(sp.n) as n, sum(sp.s) as s, sum(sp.ss) as ss
                 from cells_of c join spread sp using (agency_id, period_index) group by 1),
  given as (select assessor_id, count(distinct employee_id)::int as n_employees, count(*)::int as n_scores,
                   avg(score) as mean_given, stddev_samp(score) as sd_given
              from j where assessor_id is not null group by 1),
  halo as (select assessor_id, count(*)::int as eligible, count(*) filter (where lo = hi)::int as uniform
             from (select assessor_id, evaluation_id, min(round(score::numeric, 6)) as lo,
                          max(round(score::numeric, 6)) as hi
                     from j where assessor_id is not null and category = 'PERILAKU_KERJA'
                    group by 1, 2 having count(*) >= 2) x
            group by 1),
  leniency as (select assessor_id, avg(r) as leniency from pair group by 1)
  select g.assessor_id, g.n_employees, g.n_scores, g.mean_given, g.sd_given, l.leniency,
         case when ic.n > 1 then sqrt(greatest((ic.ss - ic.s * ic.s / ic.n) / (ic.n - 1), 0)) end as sd_in_cells,
         coalesce(h.eligible, 0) as eligible, coalesce(h.uniform, 0) as uniform, (select sd from pooled) as sd_pairs
    from given g join leniency l using (assessor_id)
    left join in_cells ic using (assessor_id) left join halo h using (assessor_id)`;

export async function raterObjectivity(ctx: Context, input: RaterObjectivityInput): Promise<RaterStatRow[]> {
  const viewer = ctx.viewer!;
  const range = periodRangeOf(input.from, input.to, 'input');
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
  if (viewer.role === 'AGENCY_HEAD') {
    if (viewer.agencyId === null)
      throw forbidden({ code: 'ACCOUNT_WITHOUT_AGENCY', params: { query: 'raterObjectivity' } });
    if (agencyId !== null && agencyId !== viewer.agencyId) {
      throw forbidden({ code: 'OWN_AGENCY_ONLY', params: { query: 'raterObjectivity', what: 'ASSESSORS' } });
    }
    agencyId = viewer.agencyId;
  }
  const { rows } = await sql.query<RaterSumsRow>(RATER_SUMS_SQL, [range.from, range.to, agencyId]);
  const sdPairs = rows.length === 0 || rows[0]!.sd_pairs === null ? null : Number(rows[0]!.sd_pairs);
  const policy = { zThreshold: ctx.policy.raterZThreshold, minEmployees: ctx.policy.raterMinEmployees };
  const stats = rows
    .map((r) =>
      raterStatOf(
        {
          assessorId: String(r.assessor_id),
          nEmployees: Number(r.n_employees),
          nScores: Number(r.n_scores),
          meanGiven: Number(r.mean_given),
          leniency: Number(r.leniency),
          sdGiven: r.sd_given === null ? null : Number(r.sd_given),
          sdInCells: r.sd_in_cells === null ? null : Number(r.sd_in_cells),
          eligibleBehaviour: Number(r.eligible),
          uniformBehaviour: Number(r.uniform),
        },
        sdPairs,
        policy,
      ),
    )
    .sort((x, y) => compareKeys(x.assessorId, y.assessorId));
  const pseudonymised = viewer.role === 'POLICY' || viewer.role === 'ANALYST';
  const min = ctx.policy.suppressionMinGroup;
  const locale = localeOf(ctx);
  // Each row is an aggregate over the assessor's employees, keyed by the assessor (docs/analytics.md "Suppression"):
  // a small one is withheld, and so is a second one when it would be the only one withheld.
  const decisions = pseudonymised
    ? decideSuppression(
        stats.map((s) => ({ keys: [String(s.assessorId)], nEmployees: s.nEmployees, agencyCode: null })),
        { kind: 'RESTRICTED' },
        min,
      )
    : null;
  return stats.map((s, i) => {
    const decision = decisions?.[i];
    if (decision?.suppressed) {
      return {
        assessorId: Number(s.assessorId),
        nEmployees: null,
        nScores: null,
        meanGiven: null,
        leniency: null,
        standardError: null,
        z: null,
        flags: [],
        suppressed: true,
        note: analyticsNoteText(decision.note!, locale),
      };
    }
    return {
      assessorId: Number(s.assessorId),
      nEmployees: s.nEmployees,
      nScores: s.nScores,
      meanGiven: s.meanGiven,
      leniency: s.leniency,
      standardError: s.standardError,
      z: s.z,
      flags: [...s.flags],
      suppressed: false,
      note: null,
    };
  });
}
