import { COUNTED_STATUSES, type CriterionCategory, type ScoringPolicy } from '@kinerja/shared';
import { computeAnnualResults, computeEvaluationResults, type EvaluationResultRow } from './compute.js';
import type { Sql } from './sql.js';
import { markStale } from './stale.js';

/** Evaluations (or employee-years) per statement: a few MB of parameters at most. */
const CHUNK = 5000;

/** Annual results rewritten under advisory locks (one per employee-year) when a batch has at most this many. */
const ADVISORY_LOCKS_AT_MOST = 64;
/** The advisory-lock keys of annual results: 2^50 + employee id x 4096 + year, apart from any other key. */
const ANNUAL_LOCK_SPACE = '1125899906842624::bigint';

const COUNTED = COUNTED_STATUSES.map((s) => `'${s}'`).join(', ');

/** An employee and a year, the key of an annual result. */
export interface EmployeeYearKey {
  employeeId: number;
  year: number;
}

/**
 * THE results writer (docs/scoring.md "Stored results"): recomputes and stores the results of the given evaluations
 * from their stored scores, the weights of their criteria in force now and `policy`, and then the annual results of
 * their employees' years. FINAL evaluations are left as they are (their results are frozen), and so are frozen
 * annual results. Every path that changes scores, weights, statuses or the policy calls it in its own transaction.
 * Marks what it touched stale for the analytics. Returns how many evaluations it wrote.
 */
export async function writeResults(sql: Sql, evaluationIds: readonly number[], policy: ScoringPolicy): Promise<number> {
  const written = await writeEvaluationResults(sql, evaluationIds, policy);
  await writeAnnualResults(sql, await employeeYearsOf(sql, evaluationIds), policy);
  return written;
}

/** The ids a query selects (its first column), for the writer. */
export async function selectIds(sql: Sql, select: string, params: unknown[] = []): Promise<number[]> {
  const { rows } = await sql.query<[number]>({ text: select, values: params, rowMode: 'array' });
  return rows.map((r) => r[0]);
}

/** Options of the quarterly writer. */
export interface WriteOptions {
  /**
   * Also (re)compute FINAL evaluations among the ids: only for evaluations being finalised in this very transaction
   * (the importer's FINAL rows whose scores it changed in an OPEN period). Never for a FINAL evaluation of the past.
   */
  finalising?: boolean;
}

/** The quarterly part of the writer: results of evaluations that are not FINAL, in chunks. */
export async function writeEvaluationResults(
  sql: Sql,
  evaluationIds: readonly number[],
  policy: ScoringPolicy,
  options: WriteOptions = {},
): Promise<number> {
  const statusFilter = options.finalising ? 'true' : `e.status <> 'FINAL'`;
  let written = 0;
  for (let start = 0; start < evaluationIds.length; start += CHUNK) {
    const ids = evaluationIds.slice(start, start + CHUNK);
    // Locked first (in id order), and the scores read in a later statement: a concurrent save of one of them has
    // committed by then, so its new scores are the ones computed, never overwritten by older ones.
    await sql.query('select id from evaluation where id = any($1::int[]) order by id for update', [ids]);
    const { rows } = await sql.query<[number, string, CriterionCategory, number, number]>({
      text: `select s.evaluation_id, c.code, c.category, c.weight, s.score
               from evaluation e join evaluation_score s on s.evaluation_id = e.id
               join criterion c on c.id = s.criterion_id
              where e.id = any($1::int[]) and ${statusFilter}`,
      values: [ids],
      rowMode: 'array',
    });
    const results = computeEvaluationResults(
      ids,
      rows.map(([evaluationId, criterionCode, category, weight, score]) => ({
        evaluationId,
        criterionCode,
        category,
        weight,
        score,
      })),
      policy,
    );
    written += await storeEvaluationResults(sql, results, policy.version, options);
  }
  return written;
}

/**
 * Stores computed quarterly results on evaluations that are not FINAL (also the importer's rows) and marks their
 * agencies' quarters stale. Returns how many rows changed.
 */
export async function storeEvaluationResults(
  sql: Sql,
  results: readonly EvaluationResultRow[],
  policyVersion: string,
  options: WriteOptions = {},
): Promise<number> {
  if (results.length === 0) return 0;
  const { rowCount } = await sql.query(
    `update evaluation e set hasil_kerja_score = r.hk, perilaku_kerja_score = r.pk, score = r.score,
        hasil_kerja_rating = r.hkr, perilaku_kerja_rating = r.pkr, predikat = r.predikat, policy_version = $9,
        result_weights = r.weights
       from unnest($1::int[], $2::float8[], $3::float8[], $4::float8[], $5::text[], $6::text[], $7::text[],
                   $8::jsonb[]) as r(id, hk, pk, score, hkr, pkr, predikat, weights)
      where e.id = r.id and ${options.finalising ? 'true' : `e.status <> 'FINAL'`}`,
    [
      results.map((r) => r.evaluationId),
      results.map((r) => r.hasilKerjaScore),
      results.map((r) => r.perilakuKerjaScore),
      results.map((r) => r.score),
      results.map((r) => r.hasilKerjaRating),
      results.map((r) => r.perilakuKerjaRating),
      results.map((r) => r.predikat),
      results.map((r) => JSON.stringify(r.weights)),
      policyVersion,
    ],
  );
  await markStale(
    sql,
    'scores',
    `select e.agency_id, p.year, p.quarter from evaluation e join period p on p.id = e.period_id
      where e.id = any($1::int[])`,
    [results.map((r) => r.evaluationId)],
  );
  return rowCount ?? 0;
}

/** The employee-years of evaluations. */
export async function employeeYearsOf(sql: Sql, evaluationIds: readonly number[]): Promise<EmployeeYearKey[]> {
  const keys: EmployeeYearKey[] = [];
  for (let start = 0; start < evaluationIds.length; start += CHUNK * 10) {
    const { rows } = await sql.query<[number, number]>({
      text: `select distinct e.employee_id, p.year from evaluation e join period p on p.id = e.period_id
              where e.id = any($1::int[])`,
      values: [evaluationIds.slice(start, start + CHUNK * 10)],
      rowMode: 'array',
    });
    for (const [employeeId, year] of rows) keys.push({ employeeId, year });
  }
  return dedupe(keys);
}

function dedupe(keys: readonly EmployeeYearKey[]): EmployeeYearKey[] {
  const seen = new Map<string, EmployeeYearKey>();
  for (const k of keys) seen.set(`${k.employeeId}:${k.year}`, k);
  return [...seen.values()];
}

/**
 * The annual part of the writer (docs/scoring.md "Annual result"): recomputes the annual results of employee-years
 * from the stored category scores of their counted evaluations (SUBMITTED, ACKNOWLEDGED, FINAL) and their verified
 * innovations, under `policy`. A frozen result is left as it is. A result is frozen as it is written once its year
 * is closed (every quarter CLOSED) and the employee has no pending objection (OBJECTED evaluation) that year.
 */
export async function writeAnnualResults(
  sql: Sql,
  employeeYears: readonly EmployeeYearKey[],
  policy: ScoringPolicy,
): Promise<void> {
  const all = dedupe(employeeYears);
  for (let start = 0; start < all.length; start += CHUNK) {
    const keys = all.slice(start, start + CHUNK);
    const params = [keys.map((k) => k.employeeId), keys.map((k) => k.year)];
    if (keys.length <= ADVISORY_LOCKS_AT_MOST) {
      // Two steps on evaluations of one employee and year in parallel each rewrite the annual result: one at a time,
      // so the later one reads what the earlier one committed. (Large batches, closing and the import, hold the
      // period or the tables; advisory locks there would fill the lock table.)
      await sql.query(
        `select pg_advisory_xact_lock(${ANNUAL_LOCK_SPACE} + k.employee_id::bigint * 4096 + k.year)
           from unnest($1::int[], $2::int[]) as k(employee_id, year) order by k.employee_id, k.year`,
        params,
      );
    }
    const [quarters, innovations] = await Promise.all([
      sql.query<[number, number, number, number, number | null, number | null]>({
        text: `select e.employee_id, p.year, p.quarter, e.agency_id, e.hasil_kerja_score, e.perilaku_kerja_score
                 from unnest($1::int[], $2::int[]) as k(employee_id, year)
                 join evaluation e on e.employee_id = k.employee_id
                 join period p on p.id = e.period_id and p.year = k.year
                where e.status in (${COUNTED})`,
        values: params,
        rowMode: 'array',
      }),
      sql.query<[number, number, number]>({
        text: `select i.employee_id, i.year, count(*)::int
                 from unnest($1::int[], $2::int[]) as k(employee_id, year)
                 join innovation i on i.employee_id = k.employee_id and i.year = k.year
                where i.verified_at is not null or i.verified_by_id is not null
                group by i.employee_id, i.year`,
        values: params,
        rowMode: 'array',
      }),
    ]);
    const innovationCounts = new Map(innovations.rows.map(([e, y, n]) => [`${e}:${y}`, n]));
    const results = computeAnnualResults(
      keys,
      quarters.rows.map(([employeeId, year, quarter, agencyId, hasilKerjaScore, perilakuKerjaScore]) => ({
        employeeId,
        year,
        quarter,
        agencyId,
        hasilKerjaScore,
        perilakuKerjaScore,
      })),
      innovationCounts,
      policy,
    );
    const present = results.flatMap((r) => (r ? [r] : []));
    const absent = keys.filter((_, i) => results[i] === null);
    if (absent.length > 0) {
      await sql.query(
        `with gone as (
           delete from annual_result a using unnest($1::int[], $2::int[]) as k(employee_id, year)
            where a.employee_id = k.employee_id and a.year = k.year and a.frozen_at is null
           returning a.agency_id, a.year)
         insert into analytics_stale (kind, agency_id, year) select distinct 'annual', agency_id, year from gone
         on conflict do nothing`,
        [absent.map((k) => k.employeeId), absent.map((k) => k.year)],
      );
    }
    if (present.length === 0) continue;
    await sql.query(
      `with r as (
         select r.*, (select count(*) = 4 from period p where p.year = r.year and p.status = 'CLOSED')
                     and not exists (select 1 from evaluation e join period p on p.id = e.period_id
                                      where e.employee_id = r.employee_id and p.year = r.year
                                        and e.status = 'OBJECTED') as frozen
           from unnest($1::int[], $2::int[], $3::int[], $4::float8[], $5::float8[], $6::float8[], $7::text[],
                       $8::text[], $9::text[], $10::text[], $11::int[], $12::bool[], $13::text[], $14::int[])
                as r(employee_id, year, agency_id, hk, pk, score, hkr, pkr, predikat, before_rule, innovations,
                     rule_applied, note, quarters)),
       up as (
         insert into annual_result as a (employee_id, year, agency_id, hasil_kerja_score, perilaku_kerja_score, score,
                                         hasil_kerja_rating, perilaku_kerja_rating, predikat,
                                         predikat_before_innovation_rule, innovation_count, innovation_rule_applied,
                                         note, quarter_count, policy_version, computed_at, frozen_at)
         select employee_id, year, agency_id, hk, pk, score, hkr, pkr, predikat, before_rule, innovations,
                rule_applied, note, quarters, $15, now(), case when frozen then now() end
           from r
         on conflict (employee_id, year) do update set agency_id = excluded.agency_id,
            hasil_kerja_score = excluded.hasil_kerja_score, perilaku_kerja_score = excluded.perilaku_kerja_score,
            score = excluded.score, hasil_kerja_rating = excluded.hasil_kerja_rating,
            perilaku_kerja_rating = excluded.perilaku_kerja_rating, predikat = excluded.predikat,
            predikat_before_innovation_rule = excluded.predikat_before_innovation_rule,
            innovation_count = excluded.innovation_count, innovation_rule_applied = excluded.innovation_rule_applied,
            note = excluded.note, quarter_count = excluded.quarter_count, policy_version = excluded.policy_version,
            computed_at = excluded.computed_at, frozen_at = excluded.frozen_at
          where a.frozen_at is null
         returning a.agency_id, a.year)
       insert into analytics_stale (kind, agency_id, year) select distinct 'annual', agency_id, year from up
       on conflict do nothing`,
      [
        present.map((r) => r.employeeId),
        present.map((r) => r.year),
        present.map((r) => r.agencyId),
        present.map((r) => r.hasilKerjaScore),
        present.map((r) => r.perilakuKerjaScore),
        present.map((r) => r.score),
        present.map((r) => r.hasilKerjaRating),
        present.map((r) => r.perilakuKerjaRating),
        present.map((r) => r.predikat),
        present.map((r) => r.predikatBeforeInnovationRule),
        present.map((r) => r.innovationCount),
        present.map((r) => r.innovationRuleApplied),
        present.map((r) => r.note),
        present.map((r) => r.quarterCount),
        policy.version,
      ],
    );
  }
}

/** Annual results of every employee with a counted evaluation or a stored result in `year` (closing a year). */
export async function employeeYearsOfYear(sql: Sql, year: number): Promise<EmployeeYearKey[]> {
  const { rows } = await sql.query<[number]>({
    text: `select e.employee_id from evaluation e join period p on p.id = e.period_id where p.year = $1
           union select employee_id from annual_result where year = $1`,
    values: [year],
    rowMode: 'array',
  });
  return rows.map(([employeeId]) => ({ employeeId, year }));
}
