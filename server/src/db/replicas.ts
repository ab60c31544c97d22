import { AsyncLocalStorage } from 'node:async_hooks';
import type { MikroORM } from '@mikro-orm/postgresql';

/**
 * Read replicas (docs/operations.md "Read replicas", docs/scaling.md): with `DATABASE_REPLICA_URLS`, MikroORM opens a
 * pool per streaming replica, and this router decides per request where reads go. Only the reads of a read-only
 * operation (a GraphQL query: analytics, lists, lookups) go to a replica; a mutation reads and writes on the primary
 * from its first statement to its answer (read-after-write), as does everything in a transaction and everything
 * outside a request (start, migrations, commands). A replica that stops answering is left out within one health
 * check, and with none left the reads go to the primary.
 */

interface Connection {
  execute(sql: string): Promise<unknown>;
  getKnex(): { client: { pool?: unknown } };
}

interface DriverWithReplicas {
  connection: Connection;
  replicas: Connection[];
  getConnection(type?: 'read' | 'write'): Connection;
}

/** What the request being served allows: set by the app around each API request. */
export interface ReadRouting {
  /** True once the operation is known to be a query. */
  readOnly: boolean;
}

const routing = new AsyncLocalStorage<ReadRouting>();

/** Runs `fn` (the rest of an API request) with its own routing state; reads go to the primary until told otherwise. */
export function withReadRouting<T>(fn: () => T): T {
  return routing.run({ readOnly: false }, fn);
}

/** Marks the current request read-only (a GraphQL query): its reads may go to a replica from now on. */
export function markReadOnly(readOnly: boolean): void {
  const state = routing.getStore();
  if (state) state.readOnly = readOnly;
}

const HEALTH_TIMEOUT_MS = 1000;

export interface ReplicaRouter {
  /** Replicas configured, and which of them answered the last health check. */
  status(): { name: string; healthy: boolean; pool: unknown }[];
  /** Checks every replica now (also every `intervalMs`). */
  check(): Promise<void>;
  stop(): void;
}

/**
 * Routes the ORM's reads (its `getConnection('read')`, which the query builder, `find` with `preferReadReplicas` and
 * the analytics' read connection use) to a healthy replica inside read-only requests, and to the primary everywhere
 * else. MikroORM picks a random replica for every read on its own; the router replaces that choice.
 */
export function installReplicaRouting(orm: MikroORM, intervalMs = 2000): ReplicaRouter {
  const driver = orm.em.getDriver() as unknown as DriverWithReplicas;
  const replicas = driver.replicas ?? [];
  const healthy = replicas.map(() => true);
  let next = 0;
  driver.getConnection = (type: 'read' | 'write' = 'write') => {
    if (type !== 'read' || replicas.length === 0 || !routing.getStore()?.readOnly) return driver.connection;
    for (let tried = 0; tried < replicas.length; tried++) {
      const i = next++ % replicas.length;
      if (healthy[i]) return replicas[i]!;
    }
    return driver.connection;
  };
  const check = async () => {
    await Promise.all(
      replicas.map(async (replica, i) => {
        let timer: NodeJS.Timeout | undefined;
        try {
          await Promise.race([
            replica.execute('select 1'),
            new Promise((_, reject) => {
              timer = setTimeout(() => reject(new Error('no answer')), HEALTH_TIMEOUT_MS);
            }),
          ]);
          healthy[i] = true;
        } catch {
          healthy[i] = false;
        } finally {
          clearTimeout(timer);
        }
      }),
    );
  };
  const timer = replicas.length > 0 ? setInterval(() => void check(), intervalMs) : undefined;
  timer?.unref();
  return {
    status: () =>
      replicas.map((replica, i) => ({
        name: `replica-${i + 1}`,
        healthy: healthy[i]!,
        pool: replica.getKnex().client.pool ?? null,
      })),
    check,
    stop: () => clearInterval(timer),
  };
}
