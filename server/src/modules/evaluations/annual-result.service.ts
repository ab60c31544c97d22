import type { EntityManager } from '@mikro-orm/postgresql';
import { COUNTED_STATUSES, YEAR_MAX, YEAR_MIN, type AnnualResult, type EvaluationStatus } from '@kinerja/shared';
import { employeeIdsByYear, employeeYearKey, type EmployeeYear } from '../../graphql/batching.js';
import { toConnection, type Connection } from '../../graphql/connection.js';
import { badUserInput } from '../../graphql/errors.js';
import { say } from '../../graphql/locale.js';
import { pageWindow } from '../../graphql/pagination.js';
import { checkScoreRange } from '../../graphql/score-range.js';
import { employeeScopeCondition, isPseudonymised, type Scope } from '../access/read-scopes.js';
import { agencyIdsByCodes } from '../agency/agency.service.js';
import type { AnnualResultFilter, AnnualResultListRow, AnnualResultOrder } from './annual-result.types.js';

/**
 * The statuses whose quarters enter an annual result: SUBMITTED, ACKNOWLEDGED and FINAL.
 *
 * docs/scoring.md#annual-result: DRAFT evaluations do not count, and every aggregate counts SUBMITTED, ACKNOWLEDGED
 * or FINAL (COUNTED_STATUSES). Read together, an OBJECTED evaluation is out as well:
 * its scores are contested until the decision sets it to ACKNOWLEDGED. Using the analytics set here also keeps one
 * annual result per employee: the agency comparison and the distribution check rank the same annual predikat that
 * the employee's own page shows, so the two cannot disagree while an objection is pending.
 */
export const ANNUAL_RESULT_STATUSES: readonly EvaluationStatus[] = COUNTED_STATUSES;

/** An annual result, with what the API adds to the shared rule's answer. */
export interface AnnualResultWithSource extends AnnualResult {
  quarterCount: number;
  policyVersion: string;
}

/**
 * Why a rule changed an annual result, in the request's language (docs/i18n.md): the stored `note` column keeps the
 * English sentence of the shared rule for the record; the API words it from the stored facts, so that it follows
 * `Accept-Language` like every other message.
 */
export function annualNote(result: { year: number; innovationRuleApplied: boolean }): string | null {
  return result.innovationRuleApplied
    ? say({ code: 'ANNUAL_INNOVATION_RULE_NOTE', params: { year: result.year } })
    : null;
}

/**
 * The stored annual results (evaluasi tahunan) of employees and years, null where the year has no result: written by
 * the results writer under the policy in force, frozen once the year is closed (docs/scoring.md "Annual result").
 */
export async function storedAnnualResults(
  em: EntityManager,
  keys: readonly { employeeId: number; year: number }[],
): Promise<(AnnualResultWithSource | null)[]> {
  const rows = await em
    .getConnection()
    .execute<(Omit<AnnualResultWithSource, 'note'> & { employeeId: number; note: string | null })[]>(
      `select a.employee_id as "employeeId", a.year, a.hasil_kerja_score as "hasilKerjaScore",
            a.perilaku_kerja_score as "perilakuKerjaScore", a.score, a.hasil_kerja_rating as "hasilKerjaRating",
            a.perilaku_kerja_rating as "perilakuKerjaRating", a.predikat,
            a.predikat_before_innovation_rule as "predikatBeforeInnovationRule",
            a.innovation_count as "innovationCount", a.innovation_rule_applied as "innovationRuleApplied", a.note,
            a.quarter_count as "quarterCount", a.policy_version as "policyVersion"
       from annual_result a
       join unnest(?::int[], ?::int[]) as k(employee_id, year) on a.employee_id = k.employee_id and a.year = k.year`,
      // Array literals: knex would spread a JavaScript array into a list of parameters.
      [`{${keys.map((k) => k.employeeId).join(',')}}`, `{${keys.map((k) => k.year).join(',')}}`],
    );
  const byKey = new Map(
    rows.map(({ employeeId, ...row }) => [`${employeeId}:${row.year}`, { ...row, note: annualNote(row) }]),
  );
  return keys.map((k) => byKey.get(`${k.employeeId}:${k.year}`) ?? null);
}

/**
 * Verified innovations per employee and year (an innovation counts for the year it is recorded in, whenever it was
 * verified; verified means a verification time or a verifier is recorded), in one query per distinct year.
 */
export async function verifiedInnovationCounts(em: EntityManager, keys: readonly EmployeeYear[]): Promise<number[]> {
  const counts = new Map<string, number>();
  await Promise.all(
    [...employeeIdsByYear(keys)].map(async ([year, employeeIds]) => {
      const rows: { employee_id: number; n: number }[] = await em
        .getConnection()
        .execute(
          'select employee_id, count(*)::int as n from innovation ' +
            'where employee_id in (?) and (verified_at is not null or verified_by_id is not null)' +
            (year === null ? '' : ' and year = ?') +
            ' group by employee_id',
          year === null ? [employeeIds] : [employeeIds, year],
        );
      for (const row of rows) counts.set(employeeYearKey({ employeeId: row.employee_id, year }), row.n);
    }),
  );
  return keys.map((key) => counts.get(employeeYearKey(key)) ?? 0);
}

/**
 * The ORDER BY of each order of `annualResults`, ending with the key (employee id, year) so that offsets are stable
 * (docs/graphql.md#orders-and-filters-of-the-lists). A pseudonymised caller's EMPLOYEE_ASC is by pseudonym: the
 * name order would rank the people it hides.
 */
function annualResultOrderSql(order: AnnualResultOrder, pseudonymised: boolean): string {
  switch (order) {
    case 'SCORE_DESC':
      return 'a.score desc nulls last, a.employee_id, a.year';
    case 'SCORE_ASC':
      return 'a.score asc nulls last, a.employee_id, a.year';
    case 'EMPLOYEE_ASC':
      return pseudonymised ? 'e.pseudonym, a.year, a.employee_id' : 'e.name, e.nip, a.year, a.employee_id';
  }
}

/**
 * The `annualResults` connection, read from the stored annual results (table `annual_result`): the rows of the
 * employees the caller may list (the same scope as `employees`), filtered in SQL; one count and one page query (plus
 * one to resolve agency codes when they are given).
 */
export async function findAnnualResults(
  em: EntityManager,
  scope: Scope,
  args: {
    filter?: AnnualResultFilter | null;
    first?: number | null;
    after?: string | null;
    orderBy?: AnnualResultOrder | null;
    scoreMax: number;
  },
): Promise<Connection<AnnualResultListRow>> {
  const { filter } = args;
  const { limit, offset } = pageWindow(args);
  checkScoreRange(filter?.minScore, filter?.maxScore, args.scoreMax);
  const parts: string[] = [];
  const params: unknown[] = [];
  if (filter?.year !== null && filter?.year !== undefined) {
    if (!Number.isInteger(filter.year) || filter.year < YEAR_MIN || filter.year > YEAR_MAX) {
      throw badUserInput(
        'filter.year',
        `tahun harus antara ${YEAR_MIN} dan ${YEAR_MAX}, bukan ${filter.year} / ` +
          `year must be between ${YEAR_MIN} and ${YEAR_MAX}, not ${filter.year}`,
      );
    }
    parts.push('a.year = ?');
    params.push(filter.year);
  }
  if (filter?.agencyCodes) {
    const ids = await agencyIdsByCodes(em, filter.agencyCodes, 'filter.agencyCodes');
    parts.push('a.agency_id = any(?::int[])');
    params.push(`{${ids.join(',')}}`);
  }
  if (filter?.predikats) {
    parts.push('a.predikat = any(?::text[])');
    params.push(`{${filter.predikats.join(',')}}`);
  }
  if (filter?.minScore !== null && filter?.minScore !== undefined) {
    parts.push('a.score >= ?');
    params.push(filter.minScore);
  }
  if (filter?.maxScore !== null && filter?.maxScore !== undefined) {
    parts.push('a.score <= ?');
    params.push(filter.maxScore);
  }
  const visible = employeeScopeCondition(scope, 'e');
  if (visible) {
    parts.push(visible.sql);
    params.push(...visible.params);
  }
  const from = `from annual_result a join employee e on e.id = a.employee_id${
    parts.length > 0 ? ` where ${parts.join(' and ')}` : ''
  }`;
  const connection = em.getConnection();
  const [{ n: totalCount }] = await connection.execute<{ n: number }[]>(`select count(*)::int as n ${from}`, params);
  if (limit === 0 || offset >= totalCount) return toConnection([], offset, totalCount);
  const rows = await connection.execute<AnnualResultListRow[]>(
    `select a.employee_id as "employeeId", a.agency_id as "agencyId", a.year::int as year,
            a.hasil_kerja_score as "hasilKerjaScore", a.perilaku_kerja_score as "perilakuKerjaScore", a.score,
            a.hasil_kerja_rating as "hasilKerjaRating", a.perilaku_kerja_rating as "perilakuKerjaRating",
            a.predikat, a.innovation_count as "innovationCount", a.frozen_at is not null as frozen
       ${from}
      order by ${annualResultOrderSql(args.orderBy ?? 'SCORE_DESC', isPseudonymised(scope))}
      limit ? offset ?`,
    [...params, limit, offset],
  );
  return toConnection(rows, offset, totalCount);
}
