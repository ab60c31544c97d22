import type { MikroORM } from '@mikro-orm/postgresql';
import { DEFAULT_SCORING_POLICY, quarterIndex, type ScoringPolicy } from '@kinerja/shared';
import { storeFinalResults } from './finalize.js';
import { supportsCopyFrom, type Sql } from './staging.js';

export interface ClosePeriodsOptions {
  orm: MikroORM;
  /** The last quarter to close (inclusive). */
  through: { year: number; quarter: number };
  actor: string;
  policy?: ScoringPolicy;
  reason?: string;
}

/**
 * Closes every OPEN period up to and including `through`, as after loading history (import-format.md: historical data
 * is imported first and its periods closed afterwards). Closing finalises every evaluation of the period that is not
 * DRAFT or OBJECTED (domain.md), storing its results computed by the shared rules; each closed period gets an audit
 * entry. One transaction. Returns the periods closed, as `YYYY-Qn`.
 */
export async function closePeriodsThrough(options: ClosePeriodsOptions): Promise<string[]> {
  const policy = options.policy ?? DEFAULT_SCORING_POLICY;
  const last = quarterIndex(options.through.year, options.through.quarter);
  const knex = options.orm.em.getConnection().getKnex();
  const sql = (await knex.client.acquireConnection()) as Sql;
  try {
    const useCopy = await supportsCopyFrom(sql);
    await sql.query('begin');
    try {
      const { rows: periods } = await sql.query<{ id: number; year: number; quarter: number }>(
        `select id, year, quarter from period where status = 'OPEN' and year * 4 + quarter - 1 <= $1
          order by year, quarter for update`,
        [last],
      );
      const ids = periods.map((p) => p.id);
      if (ids.length > 0) {
        await storeFinalResults(
          sql,
          `select id as evaluation_id from evaluation
            where period_id = any($1::int[]) and status in ('SUBMITTED', 'ACKNOWLEDGED', 'FINAL')
              and (status <> 'FINAL' or policy_version is null)`,
          [ids],
          policy,
          useCopy,
        );
        await sql.query(`update period set status = 'CLOSED', closed_at = now() where id = any($1::int[])`, [ids]);
        await sql.query(
          `insert into audit_log (actor, action, entity_type, entity_id, before, after, reason)
           select $1, 'period.close', 'period', p.id::text, '{"status":"OPEN"}'::jsonb, '{"status":"CLOSED"}'::jsonb, $2
             from period p where p.id = any($3::int[])`,
          [options.actor.slice(0, 120), options.reason ?? null, ids],
        );
      }
      await sql.query('commit');
      return periods.map((p) => `${p.year}-Q${p.quarter}`);
    } catch (error) {
      await sql.query('rollback').catch(() => undefined);
      throw error;
    }
  } finally {
    await knex.client.releaseConnection(sql);
  }
}
