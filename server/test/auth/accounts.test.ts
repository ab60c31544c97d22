import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/modules/auth/password.js';
import { accountToken } from '../helpers/auth.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { buildScenario, type Scenario } from '../helpers/scenario.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import type { Json } from '../workflow/helpers.js';

const ACCOUNTS = `query ($filter: AccountFilter, $first: Int) {
  accounts(filter: $filter, first: $first) {
    totalCount
    edges { node { login role active lastLoginAt mustChangePassword employee { nip name } } }
  }
}`;
const DISABLE = `mutation ($login: String!, $reason: String) { disableAccount(login: $login, reason: $reason) { login active } }`;
const ENABLE = `mutation ($login: String!) { enableAccount(login: $login) { login active } }`;

/** The administrators' accounts page (docs/access.md#accounts): the list, and disabling and enabling an account. */
describe('accounts: list, disable, enable', () => {
  let db: TestDatabase;
  let scenario: Scenario;
  let server: TestServer;
  const as: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    db = await createTestDatabase();
    scenario = await buildScenario(db.orm, { employees: 3, quarters: [1], status: () => 'DRAFT' });
    const em = db.orm.em.fork();
    as.admin = (await accountToken(em, { login: 'admin', role: 'ADMIN' })).headers;
    as.kepsek = (
      await accountToken(em, { login: 'kepsek', role: 'SUPERVISOR', employeeId: scenario.employees[0]!.id })
    ).headers;
    as.guru = (
      await accountToken(em, { login: 'guru', role: 'EMPLOYEE', employeeId: scenario.employees[2]!.id })
    ).headers;
    await em
      .getConnection()
      .execute(`update app_user set password_hash = ? where login = 'guru'`, [await hashPassword('rahasia-guru-2026')]);
    server = await startTestServer(db.orm);
  });

  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  const list = async (filter: Json = null) => {
    const result = await server.graphql<Json>(ACCOUNTS, { filter }, as.admin);
    expect(result.errors).toBeUndefined();
    return result.data!.accounts;
  };

  it('lists the accounts by login, with search, role and state filters and the last login', async () => {
    const all = await list();
    expect(all.edges.map((e: Json) => e.node.login)).toEqual(['admin', 'guru', 'kepsek']);
    expect(all.totalCount).toBe(3);
    expect(all.edges[1].node).toMatchObject({ role: 'EMPLOYEE', active: true, lastLoginAt: null });
    expect(all.edges[1].node.employee.nip).toBe(scenario.employees[2]!.nip);
    // Search by the employee's NIP, by part of the login; filter by role.
    expect(
      (await list({ search: scenario.employees[0]!.nip.slice(0, 14) })).edges.map((e: Json) => e.node.login),
    ).toContain('kepsek');
    expect((await list({ search: 'KEPS' })).edges.map((e: Json) => e.node.login)).toEqual(['kepsek']);
    expect((await list({ role: 'ADMIN' })).edges.map((e: Json) => e.node.login)).toEqual(['admin']);
    const login = await server.graphql<Json>(
      'mutation { login(login: "guru", password: "rahasia-guru-2026") { token } }',
      {},
    );
    expect(login.errors).toBeUndefined();
    const after = (await list({ search: 'guru' })).edges[0].node;
    expect(Date.now() - Date.parse(after.lastLoginAt)).toBeLessThan(60_000);
    const refused = await server.graphql(ACCOUNTS, {}, as.kepsek);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('a disabled account stops working at once (its token is refused), is audited, and works again once enabled', async () => {
    const me = () => server.graphql<Json>('{ me { login } }', {}, as.guru);
    expect((await me()).data?.me.login).toBe('guru');
    const disabled = await server.graphql<Json>(DISABLE, { login: 'guru', reason: 'Pindah tugas' }, as.admin);
    expect(disabled.data?.disableAccount).toEqual({ login: 'guru', active: false });
    // The token was checked a moment ago (cached for up to 30 s): disabling forgets the checked tokens.
    expect((await me()).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const login = await server.graphql('mutation { login(login: "guru", password: "rahasia-guru-2026") { token } }');
    expect(login.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await list({ active: false })).edges.map((e: Json) => e.node.login)).toEqual(['guru']);
    const [audit] = await db.orm.em
      .fork()
      .getConnection()
      .execute(`select actor, action, entity_id, reason from audit_log where action = 'account.disable'`);
    expect(audit).toEqual({ actor: 'admin', action: 'account.disable', entity_id: 'guru', reason: 'Pindah tugas' });

    const enabled = await server.graphql<Json>(ENABLE, { login: 'guru' }, as.admin);
    expect(enabled.data?.enableAccount).toEqual({ login: 'guru', active: true });
    expect((await me()).data?.me.login).toBe('guru');
  });

  it('refuses disabling one\u2019s own account, an unknown login, and callers other than ADMIN', async () => {
    const self = await server.graphql(DISABLE, { login: 'admin' }, as.admin);
    expect(self.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'login' });
    expect(self.errors?.[0]?.message).toBe('Anda tidak dapat menonaktifkan akun Anda sendiri');
    const nobody = await server.graphql(DISABLE, { login: 'nobody' }, as.admin);
    expect(nobody.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const supervisor = await server.graphql(DISABLE, { login: 'guru' }, as.kepsek);
    expect(supervisor.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await list({ active: true })).totalCount).toBe(3);
  });
});
