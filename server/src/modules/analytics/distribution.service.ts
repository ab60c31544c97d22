import {
  checkYear,
  analyticsNoteText,
  decideSuppression,
  distributionCheck as checkDistribution,
  distributionRuleText,
  type OrgPredikat,
  type Predikat,
} from '@kinerja/shared';
import type { Context } from '../../graphql/context.js';
import { badUserInput, throwProblems } from '../../graphql/errors.js';
import type { DistributionCheckType } from './analytics.types.js';
import { countedEmployeesSql } from './comparison.service.js';
import { agencyDirectory, callerOf, localeOf, readSql } from './request.js';

/**
 * The distribution check (docs/analytics.md "Distribution check"): an agency's employees of a year, counted as in the
 * year's agency comparison, with their annual predikat after the innovation rule, against the pattern its org
 * predikat (set by a leader) allows. One group: suppressed as a whole for a caller who may not see a small agency.
 */
export async function distributionCheck(
  ctx: Context,
  agencyCode: string,
  year: number,
): Promise<DistributionCheckType> {
  throwProblems(checkYear(year, 'year'), null);
  const sql = readSql(ctx);
  const agencies = await agencyDirectory(sql);
  const agency = agencies.byCode.get(agencyCode);
  if (!agency) throw badUserInput('agencyCode', { code: 'AGENCY_CODE_UNKNOWN', params: { code: agencyCode } });
  const locale = localeOf(ctx);
  const { rows } = await sql.query<{ predikat: Predikat | null }>(
    `select c.predikat from (${countedEmployeesSql(false)}) c where c.agency_id = $1`,
    [agency.id, year],
  );
  const predikats = rows.map((r) => r.predikat).filter((p): p is Predikat => p !== null);
  const org = await sql.query<{ predikat: OrgPredikat | null }>(
    'select predikat from org_performance where agency_id = $1 and year = $2',
    [agency.id, year],
  );
  const orgPredikat = org.rows[0]?.predikat ?? null;
  const result = checkDistribution({ agencyCode, year, orgPredikat, predikats });
  const [decision] = decideSuppression(
    [{ keys: [agencyCode], nEmployees: predikats.length, agencyCode }],
    callerOf(ctx, agencies.byId),
    ctx.policy.suppressionMinGroup,
  );
  // An agency with no counted employee has nothing to suppress: the note says there is none.
  if (decision!.suppressed && predikats.length > 0) {
    return {
      orgPredikat,
      counts: null,
      rules: [],
      met: null,
      suppressed: true,
      note: analyticsNoteText(decision!.note!, locale),
    };
  }
  return {
    orgPredikat: result.orgPredikat,
    counts: result.counts,
    rules: result.rules.map((r) => ({ rule: r.rule, met: r.met, detail: distributionRuleText(r, locale) })),
    met: result.met,
    suppressed: false,
    note: result.note ? analyticsNoteText(result.note, locale) : null,
  };
}
