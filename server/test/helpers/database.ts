import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/database.js';

/**
 * A fresh, migrated database for one test file: a throw-away database on the PostgreSQL of `TEST_DATABASE_URL`
 * (CI: the machine's PostgreSQL 15), otherwise an in-memory embedded PostgreSQL (PGlite).
 */
export interface TestDatabase extends Database {
  /** True when running against a real PostgreSQL server (concurrency tests need one). */
  real: boolean;
}

export async function createTestDatabase(
  options: { onQuery?: (sql: string) => void; poolMax?: number } = {},
): Promise<TestDatabase> {
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) {
    const db = await openDatabase({ databaseUrl: null, dataDir: null, onQuery: options.onQuery });
    return { ...db, real: false };
  }
  const name = `kinerja_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const db = await openDatabase({
    databaseUrl: url.toString(),
    dataDir: null,
    onQuery: options.onQuery,
    poolMax: options.poolMax ?? 5,
  });
  return {
    ...db,
    real: true,
    async close() {
      await db.close();
      const drop = new pg.Client({ connectionString: admin });
      await drop.connect();
      try {
        await drop.query(`drop database if exists ${name} with (force)`);
      } finally {
        await drop.end();
      }
    },
  };
}
