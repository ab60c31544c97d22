import type { MikroORM } from '@mikro-orm/postgresql';
import type { ScoringPolicy } from '@kinerja/shared';
import { badUserInput, notFound } from '../../graphql/errors.js';
import { recordPolicyInForce } from './policy-versions.js';
import { inTransaction, type Sql } from './sql.js';
import { employeeYearsOfYear, selectIds, writeAnnualResults, writeEvaluationResults } from './writer.js';

/** Who closes, under which policy, and why. */
export interface ClosingRequest {
  /** An account login, `cli:<os user>` or `system:demo-data`, for the audit log. */
  actor: string;
  policy: ScoringPolicy;
  reason: string | null;
  /**
   * Closing imported history (`pnpm run import --close-through`, the demo load): the evaluations it finalises are
   * dated at the quarter's end and the period closed just after it, never later than now (docs/workflow.md
   * "Honest history"). Otherwise both are now.
   */
  history?: boolean;
}

/** What closing a period did. */
export interface ClosedPeriod {
  periodId: number;
  year: number;
  quarter: number;
  /** Evaluations finalised by the closing (SUBMITTED and ACKNOWLEDGED ones). */
  finalized: number;
  /** DRAFT evaluations left as they are (they count nowhere). */
  drafts: number;
  /** OBJECTED evaluations left for the decision; they cannot be finalised before it. */
  objected: number;
}

/** The last second of a quarter (UTC). */
export function quarterEnd(year: number, quarter: number): Date {
  return new Date(Date.UTC(year, quarter * 3, 1) - 1000);
}

/** The first moment after a quarter (UTC). */
export function afterQuarter(year: number, quarter: number): Date {
  return new Date(Date.UTC(year, quarter * 3, 1));
}

function notLater(date: Date, now: Date): Date {
  return date.getTime() < now.getTime() ? date : now;
}

/**
 * THE way to close a period (docs/workflow.md "Closing a period"), used by the `closePeriod` mutation, by
 * `pnpm run import --close-through` and by the demo load, on the caller's transaction: locks the period, finalises
 * every SUBMITTED or ACKNOWLEDGED evaluation of it (their results recomputed by the results writer, then frozen; the
 * version of each goes up by one), closes the period and writes ONE audit entry `period.close` listing the
 * evaluations it finalised. When the period was the last open quarter of its year, the year's annual results are
 * written and frozen (docs/scoring.md "Annual result"). Refuses a missing or already CLOSED period.
 */
export async function closePeriod(
  sql: Sql,
  period: { year: number; quarter: number },
  request: ClosingRequest,
): Promise<ClosedPeriod> {
  const { rows } = await sql.query<{ id: number; status: string }>(
    'select id, status from period where year = $1 and quarter = $2 for update',
    [period.year, period.quarter],
  );
  const row = rows[0];
  if (!row) throw notFound({ code: 'PERIOD_NOT_FOUND', params: { year: period.year, quarter: period.quarter } });
  if (row.status === 'CLOSED')
    throw badUserInput('input.quarter', {
      code: 'PERIOD_ALREADY_CLOSED',
      params: { year: period.year, quarter: period.quarter },
    });
  const now = new Date();
  const finalizedAt = request.history ? notLater(quarterEnd(period.year, period.quarter), now) : now;
  const closedAt = request.history ? notLater(afterQuarter(period.year, period.quarter), now) : now;

  const ids = await selectIds(
    sql,
    `select id from evaluation where period_id = $1 and status in ('SUBMITTED', 'ACKNOWLEDGED') order by id
       for update`,
    [row.id],
  );
  // Computed once more under the weights and policy in force, then frozen by the status.
  await writeEvaluationResults(sql, ids, request.policy);
  await sql.query(
    `update evaluation set status = 'FINAL', finalized_at = $2, version = version + 1, updated_at = now()
      where id = any($1::int[])`,
    [ids, finalizedAt],
  );
  const { rows: left } = await sql.query<{ drafts: number; objected: number }>(
    `select count(*) filter (where status = 'DRAFT')::int as drafts,
            count(*) filter (where status = 'OBJECTED')::int as objected
       from evaluation where period_id = $1`,
    [row.id],
  );
  await sql.query(`update period set status = 'CLOSED', closed_at = $2 where id = $1`, [row.id, closedAt]);
  const closed: ClosedPeriod = {
    periodId: row.id,
    year: period.year,
    quarter: period.quarter,
    finalized: ids.length,
    drafts: left[0].drafts,
    objected: left[0].objected,
  };
  await sql.query(
    `insert into audit_log (actor, action, entity_type, entity_id, before, after, reason)
     values ($1, 'period.close', 'period', $2, $3, $4, $5)`,
    [
      request.actor.slice(0, 120),
      String(row.id),
      JSON.stringify({ year: period.year, quarter: period.quarter, status: 'OPEN' }),
      JSON.stringify({
        year: period.year,
        quarter: period.quarter,
        status: 'CLOSED',
        finalized: closed.finalized,
        drafts: closed.drafts,
        objected: closed.objected,
        policyVersion: request.policy.version,
        // Compact: the ids of the evaluations finalised (each went to FINAL with its version raised by one).
        finalizedEvaluations: ids,
      }),
      request.reason,
    ],
  );
  const { rows: open } = await sql.query<{ open: number }>(
    `select 4 - count(*)::int as open from period where year = $1 and status = 'CLOSED'`,
    [period.year],
  );
  if (open[0].open === 0) {
    await writeAnnualResults(sql, await employeeYearsOfYear(sql, period.year), request.policy);
  }
  return closed;
}

/**
 * Closes every OPEN period up to and including `through`, oldest first, each by `closePeriod` (the same audit entry
 * and version changes as the mutation), in the caller's transaction: after loading history
 * (`pnpm run import --close-through`, the demo load). Returns the periods closed.
 */
export async function closePeriodsThrough(
  sql: Sql,
  through: { year: number; quarter: number },
  request: ClosingRequest,
): Promise<ClosedPeriod[]> {
  const { rows } = await sql.query<{ year: number; quarter: number }>(
    `select year, quarter from period where status = 'OPEN' and (year, quarter) <= ($1, $2) order by year, quarter`,
    [through.year, through.quarter],
  );
  const closed: ClosedPeriod[] = [];
  for (const period of rows) closed.push(await closePeriod(sql, period, request));
  return closed;
}

/**
 * Closes imported history: every OPEN period up to and including `through`, in a transaction of its own, with the
 * dates of their quarters (`history`). What `pnpm run import --close-through` and the demo load call. Returns the
 * periods closed as `YYYY-Qn`.
 */
export async function closeHistoryThrough(
  orm: Pick<MikroORM, 'em'>,
  through: { year: number; quarter: number },
  request: Omit<ClosingRequest, 'history'>,
): Promise<string[]> {
  const closed = await inTransaction(orm, async (sql) => {
    await recordPolicyInForce(sql, request.policy);
    return closePeriodsThrough(sql, through, { ...request, history: true });
  });
  return closed.map((p) => `${p.year}-Q${p.quarter}`);
}
