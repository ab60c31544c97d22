import type { MikroORM } from '@mikro-orm/postgresql';
import { installAnalyticsRefresh, rebuildAnalyticsIfEmpty } from '../modules/analytics/refresh.js';
import { inTransaction } from '../modules/results/index.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded.js';
import { migrate, openOrm } from './orm.js';
import { installReplicaRouting, type ReplicaRouter } from './replicas.js';

export interface Database {
  orm: MikroORM;
  url: string;
  /** True when the embedded PostgreSQL (PGlite) serves the data. */
  embedded: boolean;
  /** The read replicas and their health (none without `DATABASE_REPLICA_URLS`). */
  replicas: ReplicaRouter;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** A real PostgreSQL; null starts the embedded one. */
  databaseUrl: string | null;
  /** Folder of the embedded database; null keeps it in memory. */
  dataDir: string | null;
  onQuery?: (sql: string) => void;
  /** Pool size against a real PostgreSQL. */
  poolMax?: number;
  /** Streaming replicas of `databaseUrl` for read-only requests (db/replicas.ts). */
  replicaUrls?: readonly string[];
}

/** Opens the database (starting the embedded one when no URL is given) and brings its schema up to date. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  let embedded: EmbeddedPostgres | null = null;
  let url = options.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres({ dataDir: options.dataDir });
    url = embedded.url;
  }
  try {
    const orm = await openOrm({
      url,
      poolMax: embedded ? 1 : (options.poolMax ?? 10),
      onQuery: options.onQuery,
      replicaUrls: embedded ? [] : options.replicaUrls,
    });
    const replicas = installReplicaRouting(orm);
    await replicas.check();
    await migrate(orm);
    // Every writer's transaction refreshes the analytics read models; a database that has evaluations but no read
    // models yet (the migration that created them has just run) gets them built (docs/analytics.md "Read models and their refresh").
    installAnalyticsRefresh();
    await inTransaction(orm, rebuildAnalyticsIfEmpty);
    return {
      orm,
      url,
      embedded: embedded !== null,
      replicas,
      async close() {
        replicas.stop();
        await orm.close(true);
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}
