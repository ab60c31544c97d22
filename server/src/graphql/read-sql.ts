import type { EntityManager } from '@mikro-orm/postgresql';
import type pg from 'pg';

/**
 * Plain SQL for the hot reads of the API (pages of employees, one employee, evaluations by employee): the statement
 * goes straight to a `pg` connection of the ORM's pool, without MikroORM's query builder (turning a filter object into
 * SQL and mapping the rows back was 12-16% of a small page's CPU) and without knex's raw-query runner
 * (docs/benchmarks.md#read-path-against-postgraphile). Parameters are written `?`, as in knex and in the access
 * module's SQL conditions (`employeeScopeCondition`); an array parameter is one PostgreSQL array (`= any(?)`).
 *
 * Reads follow the request's routing (`getConnection('read')`: a replica for read-only requests, db/replicas.ts);
 * inside a transaction they run on the transaction's connection. Every statement is announced on knex's `query`
 * event like the ORM's own, so the statement counters of the tests (N+1) see them.
 */
export async function readRows<T>(em: EntityManager, sql: string, params: readonly unknown[] = []): Promise<T[]> {
  const text = numbered(sql);
  const trx = em.getTransactionContext<{ client: KnexClient }>();
  const client = trx ? trx.client : (em.getConnection('read').getKnex().client as unknown as KnexClient);
  const connection = await client.acquireConnection();
  try {
    client.emit('query', { sql: text, bindings: params });
    const result = await connection.query(text, params as unknown[]);
    return result.rows as T[];
  } finally {
    if (!trx) await client.releaseConnection(connection);
  }
}

interface KnexClient {
  acquireConnection(): Promise<pg.ClientBase>;
  releaseConnection(connection: pg.ClientBase): Promise<unknown>;
  emit(event: 'query', data: { sql: string; bindings: readonly unknown[] }): void;
}

const numberedCache = new Map<string, string>();

/** `?` placeholders as `$1, $2, ...` (the statements of these reads use no `?` operator of their own). */
export function numbered(sql: string): string {
  let text = numberedCache.get(sql);
  if (text === undefined) {
    let n = 0;
    text = sql.replace(/\?/g, () => `$${++n}`);
    if (numberedCache.size < 1000) numberedCache.set(sql, text);
  }
  return text;
}
