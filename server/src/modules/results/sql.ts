import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type pg from 'pg';
import { writesDone } from './writes-done.js';

/**
 * The one SQL interface of the results writer and the period closer: a PostgreSQL connection inside a transaction.
 * The importer's raw `pg` connection is one; inside a MikroORM transaction `sqlOf(tem)` gives the transaction's own.
 */
export type Sql = pg.ClientBase;

/** The connection of the MikroORM transaction `tem` is running in (call it inside `em.transactional`). */
export async function sqlOf(tem: EntityManager): Promise<Sql> {
  const trx = tem.getTransactionContext<{ client: { acquireConnection(): Promise<unknown> } }>();
  if (!trx) throw new Error('sqlOf needs a transaction: call it inside em.transactional');
  // A knex transaction's client hands out the transaction's own connection.
  return (await trx.client.acquireConnection()) as Sql;
}

/**
 * Runs `work` in a transaction of its own, on one connection of the ORM's pool (command-line tools, start), and
 * `writesDone` before it commits.
 */
export async function inTransaction<T>(orm: Pick<MikroORM, 'em'>, work: (sql: Sql) => Promise<T>): Promise<T> {
  const knex = orm.em.getConnection().getKnex();
  const sql = (await knex.client.acquireConnection()) as Sql;
  try {
    await sql.query('begin');
    try {
      const result = await work(sql);
      await writesDone(sql);
      await sql.query('commit');
      return result;
    } catch (error) {
      await sql.query('rollback').catch(() => undefined);
      throw error;
    }
  } finally {
    await knex.client.releaseConnection(sql);
  }
}
