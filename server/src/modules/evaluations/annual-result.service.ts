import type { EntityManager } from '@mikro-orm/postgresql';
import { COUNTED_STATUSES, type AnnualResult, type EvaluationStatus } from '@kinerja/shared';
import { employeeIdsByYear, employeeYearKey, type EmployeeYear } from '../../graphql/batching.js';

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
  const byKey = new Map(rows.map(({ employeeId, ...row }) => [`${employeeId}:${row.year}`, row]));
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
