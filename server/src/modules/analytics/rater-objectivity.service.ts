import {
  analyticsNoteText,
  decideSuppression,
  raterObjectivity as raterStats,
  type CriterionCategory,
} from '@kinerja/shared';
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
 * Rater objectivity (docs/analytics.md "Rater objectivity"): the judged criterion scores in scope come from the
 * `analytics_score` read model with each score's residual against its (criterion, agency, quarter) cell computed in
 * PostgreSQL; the per-assessor combination is the shared pure function. Who sees what (docs/analytics.md): ADMIN and LEADER
 * every assessor, an agency head the evaluations of their own agency, POLICY and ANALYST every assessor under a
 * pseudonym with the numbers of an assessor who rated fewer employees than the policy minimum withheld.
 */
export async function raterObjectivity(ctx: Context, input: RaterObjectivityInput): Promise<RaterStatRow[]> {
  const viewer = ctx.viewer!;
  const range = periodRangeOf(input.from, input.to, 'input');
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
  if (viewer.role === 'AGENCY_HEAD') {
    if (viewer.agencyId === null) throw forbidden('raterObjectivity: your account has no agency');
    if (agencyId !== null && agencyId !== viewer.agencyId) {
      throw forbidden('raterObjectivity: an agency head sees the assessors of their own agency only');
    }
    agencyId = viewer.agencyId;
  }
  const { rows } = await sql.query<{
    assessor_id: number | null;
    employee_id: number;
    evaluation_id: number;
    criterion_code: string;
    category: CriterionCategory;
    agency_id: number;
    period_index: number;
    score: number;
  }>(
    `select s.assessor_id, s.employee_id, s.evaluation_id, s.criterion_code, s.category, s.agency_id,
            s.period_index, s.score
       from analytics_score s
      where s.judged and s.period_index between $1 and $2 and ($3::int is null or s.agency_id = $3)`,
    [range.from, range.to, agencyId],
  );
  const stats = raterStats(
    rows.map((r) => ({
      assessorId: r.assessor_id === null ? null : String(r.assessor_id),
      employeeId: String(r.employee_id),
      evaluationId: String(r.evaluation_id),
      criterionCode: r.criterion_code,
      category: r.category,
      agencyCode: String(r.agency_id),
      quarter: Number(r.period_index),
      score: Number(r.score),
      judged: true,
    })),
    { zThreshold: ctx.policy.raterZThreshold, minEmployees: ctx.policy.raterMinEmployees },
  );
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
