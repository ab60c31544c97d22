import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';

export interface OrmOptions {
  url: string;
  /** Connections in the pool; 1 for the embedded PGlite, which serves one statement at a time. */
  poolMax: number;
  /** Called with every SQL statement sent (tests count them). */
  onQuery?: (sql: string) => void;
  /** Streaming replicas for the reads of read-only requests (`DATABASE_REPLICA_URLS`, db/replicas.ts). */
  replicaUrls?: readonly string[];
}

export function ormConfig(options: OrmOptions): Options {
  return {
    clientUrl: options.url,
    entities: ENTITIES,
    discovery: { warnWhenNoEntities: true },
    extensions: [Migrator],
    migrations: {
      migrationsList: MIGRATIONS,
      transactional: true,
      allOrNothing: true,
      tableName: 'mikro_orm_migrations',
      silent: true,
    },
    pool: { min: 0, max: options.poolMax },
    // Reads of read-only requests may go to a replica; db/replicas.ts decides which request may (none without replicas).
    replicas: (options.replicaUrls ?? []).map((url, i) => ({ name: `replica-${i + 1}`, clientUrl: url })),
    preferReadReplicas: true,
    // Guards against a forgotten fork: every request and command works on its own EntityManager.
    allowGlobalContext: false,
    forceUtcTimezone: true,
    debug: false,
    // Relations of many rows load in batches rather than one query per row.
    dataloader: true,
  };
}

/** Opens the ORM, and hooks the statement counter on the driver's query stream when asked. */
export async function openOrm(options: OrmOptions): Promise<MikroORM> {
  const orm = await MikroORM.init(ormConfig(options));
  if (options.onQuery) {
    const onQuery = options.onQuery;
    orm.em
      .getConnection()
      .getKnex()
      .on('query', (query: { sql: string }) => onQuery(query.sql));
  }
  return orm;
}

/** Brings the schema up to date; safe to run on every start. */
export async function migrate(orm: MikroORM): Promise<void> {
  await orm.getMigrator().up();
}
