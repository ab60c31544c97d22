import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountToken } from './helpers/auth.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';
import { buildScenario, type Scenario } from './helpers/scenario.js';
import { startTestServer, type TestServer } from './helpers/server.js';
import type { Json } from './workflow/helpers.js';

const LIST = `query ($year: Int) { innovationsToVerify(year: $year) { id title year verified employee { nip } } }`;

/**
 * The verification page (docs/access.md#who-changes-what): the unverified innovations the caller may verify, the
 * supervisor's direct reports' (never their own), an agency head's agency's, an administrator's all.
 */
describe('innovationsToVerify', () => {
  let db: TestDatabase;
  let scenario: Scenario;
  let server: TestServer;
  const as: Record<string, Record<string, string>> = {};
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    db = await createTestDatabase();
    scenario = await buildScenario(db.orm, { employees: 6, quarters: [1], status: () => 'DRAFT' });
    const em = db.orm.em.fork();
    const head = scenario.employees.find((e) => e.supervisorIndex === null && e.agencyCode === 'DISDIK')!;
    const report = scenario.employees.find((e) => e.supervisorIndex === head.index)!;
    const other = scenario.employees.find((e) => e.agencyCode !== 'DISDIK' && e.supervisorIndex !== null)!;
    const add = async (key: string, employeeId: number, title: string, verified = false) => {
      const [row] = await em
        .getConnection()
        .execute(
          `insert into innovation (employee_id, year, quarter, title, verified_at) values (?, 2025, 1, ?, ?) returning id`,
          [employeeId, title, verified ? new Date() : null],
        );
      ids[key] = row.id;
    };
    await add('report', report.id, 'Kelas digital');
    await add('reportDone', report.id, 'Perpustakaan keliling', true);
    await add('head', head.id, 'Rapat tanpa kertas');
    await add('other', other.id, 'Antrean daring');
    as.admin = (await accountToken(em, { login: 'admin', role: 'ADMIN' })).headers;
    as.head = (await accountToken(em, { login: 'kadis', role: 'SUPERVISOR', employeeId: head.id })).headers;
    as.report = (await accountToken(em, { login: 'staf', role: 'EMPLOYEE', employeeId: report.id })).headers;
    server = await startTestServer(db.orm);
  });

  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  const list = async (who: string, year: number | null = null) => {
    const result = await server.graphql<Json>(LIST, { year }, as[who]);
    expect(result.errors).toBeUndefined();
    return result.data!.innovationsToVerify.map((i: Json) => i.id).sort();
  };

  it('lists what each caller may verify, unverified only, never one\u2019s own', async () => {
    expect(await list('admin')).toEqual([ids.report, ids.head, ids.other].sort());
    expect(await list('head')).toEqual([ids.report]);
    expect(await list('report')).toEqual([]);
    expect(await list('admin', 2024)).toEqual([]);
  });

  it('a verified innovation leaves the list', async () => {
    const verify = await server.graphql(
      'mutation ($id: Int!) { verifyInnovation(input: { innovationId: $id }) { verified } }',
      { id: ids.report },
      as.head,
    );
    expect(verify.errors).toBeUndefined();
    expect(await list('head')).toEqual([]);
  });
});
