import type { MikroORM } from '@mikro-orm/postgresql';
import type pg from 'pg';
import { rebuildAnalytics } from '../../src/modules/analytics/index.js';

/**
 * The analytics read models against a from-scratch rebuild (docs/analytics.md "Read models and their refresh"): the tables as the writers'
 * refreshes left them, compared row by row with what `rebuildAnalytics` makes of the same data (in a transaction that
 * is rolled back). Answers the differences in words (an empty list is a pass), with the row counts compared. The
 * cells' numeric sums are exact, so they compare as text like every other column.
 */
export async function readModelDifferences(
  orm: MikroORM,
): Promise<{ differences: string[]; evaluations: number; scores: number; cells: number }> {
  const knex = orm.em.getConnection().getKnex();
  const sql = (await knex.client.acquireConnection()) as pg.ClientBase;
  try {
    const snapshot = async () => ({
      evaluations: (await sql.query('select * from analytics_evaluation order by evaluation_id')).rows,
      scores: (await sql.query('select * from analytics_score order by evaluation_id, criterion_id')).rows,
      cells: (await sql.query('select * from analytics_cell')).rows,
    });
    const differences: string[] = [];
    const marks = (await sql.query<{ n: number }>('select count(*)::int as n from analytics_stale')).rows[0]!.n;
    if (marks > 0) differences.push(`${marks} stale marks left after the writers' transactions`);
    const kept = await snapshot();
    await sql.query('begin');
    let rebuilt: Awaited<ReturnType<typeof snapshot>>;
    try {
      await rebuildAnalytics(sql);
      rebuilt = await snapshot();
    } finally {
      await sql.query('rollback');
    }
    for (const table of ['evaluations', 'scores', 'cells'] as const) {
      const a = kept[table].map((r) => JSON.stringify(r));
      const b = new Set(rebuilt[table].map((r) => JSON.stringify(r)));
      const aSet = new Set(a);
      for (const row of a) if (!b.has(row)) differences.push(`${table}: kept but not rebuilt ${row}`);
      for (const row of b) if (!aSet.has(row)) differences.push(`${table}: rebuilt but missing ${row}`);
    }
    return {
      differences,
      evaluations: rebuilt.evaluations.length,
      scores: rebuilt.scores.length,
      cells: rebuilt.cells.length,
    };
  } finally {
    await knex.client.releaseConnection(sql);
  }
}
