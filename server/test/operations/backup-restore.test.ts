import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database.js';
import { accountToken } from '../helpers/auth.js';
import { fixture, importFolder } from '../import/helpers.js';
import { createPrivateCluster, type PrivateCluster } from '../helpers/private-cluster.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/**
 * docs/operations.md "Backup and restore", tried as the city's IT staff would: a database with data is dumped with
 * `pg_dump -Fc`, restored with `pg_restore` into a fresh database, and the API on the restored database gives the same
 * answers to a fixed set of queries (the accounts and the token secret come along, so the same token still works).
 * On a private PostgreSQL 15 cluster, never the machine's shared one.
 */
const QUERIES: Record<string, string> = {
  agencies: '{ agencies { code name kind employeeCount } }',
  employees: `{ employees(first: 50) { totalCount edges { node { nip name gender employmentType rank position
    positionType agency { code } supervisor { nip } evaluations(year: 2025) { period { year quarter status } status
    version hasilKerjaScore perilakuKerjaScore score hasilKerjaRating perilakuKerjaRating predikat
    scores { criterion { code } score derivedFromIndicator evidence } }
    annualResult(year: 2025) { score predikat note } } } } }`,
  criteria: '{ criteria(agencyCode: "DISDIK", year: 2025) { code name category weight target direction } }',
  periods: '{ periods { year quarter status } }',
  trainings:
    '{ trainings(first: 20) { edges { node { code title kind hoursJp participants { employee { nip } } } } } }',
  me: '{ me { login role } }',
};

describe('backup with pg_dump and restore with pg_restore (private PostgreSQL 15 cluster)', () => {
  let cluster: PrivateCluster;
  let source: Database;
  let restored: Database | null = null;
  let server: TestServer | null = null;
  let headers: Record<string, string>;
  const dir = mkdtempSync(join(tmpdir(), 'kinerja-backup-'));

  beforeAll(async () => {
    cluster = await createPrivateCluster();
    await cluster.client('createdb', ['kinerja']);
    source = await openDatabase({ databaseUrl: cluster.url('kinerja'), dataDir: null, poolMax: 4 });
    const report = await importFolder(source.orm, fixture('valid'));
    expect(report.errors).toEqual([]);
    ({ headers } = await accountToken(source.orm.em.fork(), { login: 'admin.backup', role: 'ADMIN' }));
  });

  afterAll(async () => {
    await server?.stop();
    await restored?.close();
    await source?.close();
    await cluster?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  async function answers(db: Database): Promise<Record<string, unknown>> {
    server = await startTestServer(db.orm);
    const result: Record<string, unknown> = {};
    for (const [name, query] of Object.entries(QUERIES)) {
      const response = await server.graphql(query, undefined, headers);
      expect(response.errors, name).toBeUndefined();
      result[name] = response.data;
    }
    await server.stop();
    server = null;
    return result;
  }

  it('the restored database answers every query exactly as the original', async () => {
    const before = await answers(source);
    // The fixture's data are really there (a restore of an empty database would prove nothing).
    expect((before.employees as { employees: { totalCount: number } }).employees.totalCount).toBeGreaterThan(0);
    expect(JSON.stringify(before.employees)).toContain('"score"');

    const dump = join(dir, 'kinerja.dump');
    await cluster.client('pg_dump', ['-Fc', '-f', dump, 'kinerja']);
    expect(statSync(dump).size).toBeGreaterThan(1000);
    await cluster.client('createdb', ['kinerja_restored']);
    await cluster.client('pg_restore', ['--no-owner', '--exit-on-error', '-d', 'kinerja_restored', dump]);

    // Opening runs the migrations: on a restored database there is nothing left to migrate.
    restored = await openDatabase({ databaseUrl: cluster.url('kinerja_restored'), dataDir: null, poolMax: 4 });
    const after = await answers(restored);
    expect(after).toEqual(before);
  });
});
