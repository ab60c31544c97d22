import { execFile } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database.js';
import { accountToken } from '../helpers/auth.js';
import { createPrivateCluster, PG_BIN, type PrivateCluster } from '../helpers/private-cluster.js';
import { buildScenario, DEFAULT_AGENCIES } from '../helpers/scenario.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import type { Json } from '../workflow/helpers.js';

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * docs/operations.md "Read replicas": a private PostgreSQL 15 primary and a hot standby made from it with
 * `pg_basebackup -R` (streaming replication). With the standby in `DATABASE_REPLICA_URLS`, the reads of queries are
 * served by the standby, writes and the reads of a mutation (read-after-write) by the primary, and reads fall back
 * to the primary when the standby stops. Which server ran a statement is seen on each pool's own query stream.
 */
describe('read replicas: a primary and a hot standby (private PostgreSQL 15 clusters)', () => {
  let primary: PrivateCluster;
  let standby: PrivateCluster;
  let db: Database;
  let server: TestServer;
  let headers: Record<string, string>;
  const seen = { primary: [] as string[], standby: [] as string[] };
  const standbyDir = mkdtempSync(join(tmpdir(), 'kinerja-standby-'));

  beforeAll(async () => {
    primary = await createPrivateCluster();
    await primary.client('createdb', ['kinerja']);
    const setup = await openDatabase({ databaseUrl: primary.url('kinerja'), dataDir: null, poolMax: 2 });
    await buildScenario(setup.orm, { employees: 12, quarters: [1], agencies: [DEFAULT_AGENCIES[0]!] });
    ({ headers } = await accountToken(setup.orm.em.fork(), { login: 'admin.replicas', role: 'ADMIN' }));
    await setup.close();

    // The standby: a base backup of the primary with its recovery settings (-R), streaming the WAL.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) {
      const { stdout } = await run('id', ['-u', 'postgres']);
      const { stdout: gid } = await run('id', ['-g', 'postgres']);
      chownSync(standbyDir, Number(stdout.trim()), Number(gid.trim()));
    }
    const args = [
      '-h',
      '127.0.0.1',
      '-p',
      String(primary.port),
      '-U',
      'postgres',
      '-D',
      standbyDir,
      '-R',
      '-X',
      'stream',
      // A fast checkpoint: the default (spread) waits for most of checkpoint_timeout.
      '-c',
      'fast',
    ];
    const binary = join(PG_BIN, 'pg_basebackup');
    await (asRoot ? run('runuser', ['-u', 'postgres', '--', binary, ...args]) : run(binary, args));
    standby = await createPrivateCluster({ dataDir: standbyDir, init: false });
    expect((await standby.client('psql', ['-Atc', 'select pg_is_in_recovery()', 'kinerja'])).trim()).toBe('t');

    db = await openDatabase({
      databaseUrl: primary.url('kinerja'),
      replicaUrls: [standby.url('kinerja')],
      dataDir: null,
      poolMax: 4,
    });
    const driver = db.orm.em.getDriver() as unknown as {
      connection: { getKnex(): { on(event: string, fn: (q: { sql: string }) => void): void } };
      replicas: { getKnex(): { on(event: string, fn: (q: { sql: string }) => void): void } }[];
    };
    driver.connection.getKnex().on('query', (q) => seen.primary.push(q.sql));
    driver.replicas[0]!.getKnex().on('query', (q) => seen.standby.push(q.sql));
    server = await startTestServer(db.orm, {}, { replicas: db.replicas });
  });

  afterAll(async () => {
    await server?.stop();
    await db?.close();
    await standby?.destroy();
    await primary?.destroy();
    rmSync(standbyDir, { recursive: true, force: true });
  });

  const clear = () => {
    seen.primary.length = 0;
    seen.standby.length = 0;
  };
  const ask = async (query: string, variables?: Record<string, unknown>) => {
    const answer = await server.graphql(query, variables, headers);
    expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
    return answer.data as Json;
  };
  // The employee table, as the ORM writes it (`from "employee" as "e0"`) and as the plain reads do (`from employee e`).
  const EMPLOYEE_READ = /from "?employee"?\s/;
  const LIST = '{ employees(first: 50) { totalCount edges { node { nip name } } } }';
  const TREND = `query { performanceTrend(input: { from: { year: 2025, quarter: 1 }, to: { year: 2025, quarter: 1 } }) {
    year quarter n mean } }`;

  it('reads of queries (a list, an analytics query) are served by the standby', async () => {
    clear();
    const list = await ask(LIST);
    expect(list.employees.totalCount).toBe(12);
    expect(seen.standby.some((sql) => EMPLOYEE_READ.test(sql))).toBe(true);
    expect(seen.primary.some((sql) => EMPLOYEE_READ.test(sql) && /limit/.test(sql))).toBe(false);
    clear();
    await ask(TREND);
    expect(seen.standby.some((sql) => sql.includes('analytics_evaluation'))).toBe(true);
    expect(seen.primary.some((sql) => sql.includes('analytics_evaluation'))).toBe(false);
  });

  it('writes and the reads of a mutation go to the primary (read-after-write), even while the standby lags', async () => {
    // Replay paused: the standby stays at the state before the write.
    await standby.client('psql', ['-Atc', 'select pg_wal_replay_pause()', 'kinerja']);
    try {
      clear();
      const created = await ask(
        `mutation { createTraining(input: { code: "REPL-1", title: "Pelatihan Replika", kind: BIMTEK, hoursJp: 12 }) {
          code title hoursJp } }`,
      );
      expect(created.createTraining).toEqual({ code: 'REPL-1', title: 'Pelatihan Replika', hoursJp: 12 });
      expect(seen.primary.some((sql) => /insert into "?training"? /i.test(sql))).toBe(true);
      expect(seen.standby).toEqual([]);
      // A query now reads the standby, which has not replayed the write yet: the routing is real.
      const stale = await server.graphql('{ training(code: "REPL-1") { code } }', undefined, headers);
      expect(stale.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    } finally {
      await standby.client('psql', ['-Atc', 'select pg_wal_replay_resume()', 'kinerja']);
    }
    let replayed: unknown = null;
    for (let i = 0; i < 100 && replayed === null; i++) {
      replayed =
        (await server.graphql('{ training(code: "REPL-1") { code } }', undefined, headers)).data?.training ?? null;
      if (replayed === null) await sleep(100);
    }
    expect(replayed).toEqual({ code: 'REPL-1' });
  });

  it('when the standby stops, reads are answered by the primary', async () => {
    await standby.stop('fast');
    await db.replicas.check();
    expect(db.replicas.status().map((r) => r.healthy)).toEqual([false]);
    clear();
    const list = await ask(LIST);
    expect(list.employees.totalCount).toBe(12);
    expect(seen.primary.some((sql) => EMPLOYEE_READ.test(sql))).toBe(true);
    expect(seen.standby).toEqual([]);
    await ask(TREND);
    expect(seen.primary.some((sql) => sql.includes('analytics_evaluation'))).toBe(true);
  });
});
