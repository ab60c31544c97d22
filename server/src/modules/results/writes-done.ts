import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlOf, type Sql } from './sql.js';

/**
 * The end of a writer's transaction (docs/analytics.md "Read models and their refresh"): every writer that marks analytics figures stale
 * calls `writesDone` as the last step of its own transaction, so that the analytics read models are refreshed in that
 * transaction and a read never writes. The analytics module installs its refresh here (`installAnalyticsRefresh`,
 * called where the database is opened), because the writers' modules must not import the analytics module, which
 * reads their types (docs/architecture.md: modules depend on each other one way only).
 */

type WritesDoneHook = (sql: Sql) => Promise<unknown>;

let hook: WritesDoneHook | null = null;

/** Installs the one hook that runs at the end of every writer's transaction (installing it again replaces it). */
export function onWritesDone(next: WritesDoneHook): void {
  hook = next;
}

/** Runs the installed hook in the writer's transaction `sql`; call it after the transaction's last write. */
export async function writesDone(sql: Sql): Promise<void> {
  if (hook) await hook(sql);
}

/** `em.transactional` for a writer: runs `work`, then `writesDone` in the same transaction. */
export function writerTransaction<T>(em: EntityManager, work: (tem: EntityManager) => Promise<T>): Promise<T> {
  return em.transactional(async (tem) => {
    const result = await work(tem);
    await writesDone(await sqlOf(tem));
    return result;
  });
}
