import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { verifyPassword } from '../../src/modules/auth/password.js';
import { createAccount, issueToken, tokenSecret } from '../../src/modules/auth/auth.service.js';
import { signToken, verifyToken } from '../../src/modules/auth/token.js';
import { accountToken } from '../helpers/auth.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { buildScenario, type Scenario } from '../helpers/scenario.js';
import { startTestServer, type GraphQLResponse, type TestServer } from '../helpers/server.js';

/**
 * Login, the session cookie and bearer tokens, token expiry, tampering and revocation, password changes and resets,
 * the login throttle, and the initial-password rule, over HTTP against the real app.
 */

const PASSWORD = 'Horas-Sibolga-77';

// Every password check is counted (the login throttle test asserts how many ran); the real check still runs.
vi.mock('../../src/modules/auth/password.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/modules/auth/password.js')>();
  return { ...original, verifyPassword: vi.fn(original.verifyPassword) };
});

interface Exchange<T> {
  status: number;
  setCookie: string[];
  body: GraphQLResponse<T>;
}

async function post<T = Record<string, unknown>>(
  server: TestServer,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<Exchange<T>> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    setCookie: response.headers.getSetCookie(),
    body: (await response.json()) as GraphQLResponse<T>,
  };
}

const LOGIN = `mutation ($login: String!, $password: String!) {
  login(login: $login, password: $password) { token expiresAt user { login role mustChangePassword employee { nip name } } }
}`;
const ME = '{ me { login role anonymous mustChangePassword employee { nip } scope { description pseudonymised } } }';

interface LoginData {
  login: {
    token: string;
    expiresAt: string;
    user: { login: string; role: string; mustChangePassword: boolean; employee: { nip: string; name: string } | null };
  };
}
interface MeData {
  me: { login: string; role: string; anonymous: boolean; employee: { nip: string } | null };
}

function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

function errorCode(body: GraphQLResponse<unknown>): unknown {
  return body.errors?.[0]?.extensions?.code;
}

describe('accounts: login, tokens and passwords', () => {
  let db: TestDatabase;
  let server: TestServer;
  let scenario: Scenario;
  let em: EntityManager;
  let admin: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase();
    scenario = await buildScenario(db.orm, { employees: 9, quarters: [1] });
    em = db.orm.em.fork() as EntityManager;
    await createAccount(em, 'test', {
      login: 'budi',
      role: 'EMPLOYEE',
      employeeNip: scenario.employees[3]!.nip,
      password: PASSWORD,
    });
    admin = (await accountToken(em, { login: 'root', role: 'ADMIN' })).headers;
    server = await startTestServer(db.orm);
  });

  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  describe('login', () => {
    it('returns a token valid for the session hours, sets the httpOnly SameSite=Strict cookie, and runs as the account', async () => {
      const before = Date.now();
      const { body, setCookie } = await post<LoginData>(server, LOGIN, { login: ' Budi ', password: PASSWORD });
      expect(body.errors).toBeUndefined();
      const { token, expiresAt, user } = body.data!.login;
      // The rest of the operation runs as the account: its own employee record is visible in full.
      expect(user).toEqual({
        login: 'budi',
        role: 'EMPLOYEE',
        mustChangePassword: false,
        employee: { nip: scenario.employees[3]!.nip, name: scenario.employees[3]!.name },
      });
      const hours = (Date.parse(expiresAt) - before) / 3_600_000;
      expect(hours).toBeGreaterThan(7.99);
      expect(hours).toBeLessThanOrEqual(8.01);
      const cookie = setCookie.find((c) => c.startsWith('kinerja_session='));
      expect(cookie).toBeDefined();
      expect(cookie).toContain(`kinerja_session=${token}`);
      expect(cookie).toMatch(/; HttpOnly/);
      expect(cookie).toMatch(/; SameSite=Strict/);
      expect(cookie).toMatch(/; Path=\/;/);
      expect(cookie).not.toMatch(/; Secure/);
    });

    it('marks the cookie Secure in production', async () => {
      const production = await startTestServer(db.orm, { NODE_ENV: 'production' });
      try {
        const { setCookie, body } = await post<LoginData>(production, LOGIN, { login: 'budi', password: PASSWORD });
        expect(body.errors).toBeUndefined();
        expect(setCookie.find((c) => c.startsWith('kinerja_session='))).toMatch(/; Secure/);
      } finally {
        await production.stop();
      }
    });

    it('accepts the token as the cookie and as a bearer header', async () => {
      const { body } = await post<LoginData>(server, LOGIN, { login: 'budi', password: PASSWORD });
      const token = body.data!.login.token;
      for (const headers of [{ cookie: `kinerja_session=${token}` }, bearer(token)]) {
        const me = await post<MeData>(server, ME, {}, headers);
        expect(me.body.errors).toBeUndefined();
        expect(me.body.data!.me).toMatchObject({
          login: 'budi',
          role: 'EMPLOYEE',
          anonymous: false,
          employee: { nip: scenario.employees[3]!.nip },
        });
      }
    });

    it('answers a wrong password and an unknown login the same way, and sets no cookie', async () => {
      const wrong = await post(server, LOGIN, { login: 'budi', password: 'not-the-password' });
      const unknown = await post(server, LOGIN, { login: 'nobody-here', password: PASSWORD });
      for (const { body, setCookie } of [wrong, unknown]) {
        expect(body.data ?? null).toBeNull();
        expect(body.errors?.[0]).toMatchObject({
          message: 'Nama login atau kata sandi salah',
          extensions: { code: 'UNAUTHENTICATED' },
        });
        expect(setCookie.filter((c) => c.startsWith('kinerja_session='))).toEqual([]);
      }
    });

    it('refuses every other operation without a token outside demo mode', async () => {
      for (const query of [ME, '{ agencies { code } }', '{ employees { totalCount } }']) {
        const { body } = await post(server, query);
        expect(errorCode(body), query).toBe('UNAUTHENTICATED');
        expect(body.errors?.[0]?.message).toBe('Masuk (login) dulu: operasi ini memerlukan token');
      }
    });
  });

  describe('tokens', () => {
    let secret: string;
    let userId: number;

    beforeAll(async () => {
      secret = await tokenSecret(em, null);
      const rows: { id: number }[] = await em.execute(`select id from app_user where login = 'budi'`);
      userId = rows[0]!.id;
    });

    async function meWith(token: string) {
      return (await post<MeData>(server, ME, {}, bearer(token))).body;
    }

    it('refuses an expired token', async () => {
      const rows: { token_version: number }[] = await em.execute('select token_version from app_user where id = ?', [
        userId,
      ]);
      const now = Math.floor(Date.now() / 1000);
      const expired = signToken({ sub: userId, tv: rows[0]!.token_version, iat: now - 7200, exp: now - 1 }, secret);
      expect(verifyToken(expired, secret, now - 10)).not.toBeNull(); // well signed: refused for its age alone
      const body = await meWith(expired);
      expect(errorCode(body)).toBe('UNAUTHENTICATED');
    });

    it('refuses a tampered token: another account in the payload, a changed signature, another secret', async () => {
      const rows: { token_version: number }[] = await em.execute('select token_version from app_user where id = ?', [
        userId,
      ]);
      const good = issueToken({ id: userId, tokenVersion: rows[0]!.token_version }, secret, 1);
      expect((await meWith(good)).data?.me.login).toBe('budi');
      const [prefix, payload, signature] = good.split('.') as [string, string, string];
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { sub: number };
      const adminRows: { id: number }[] = await em.execute(`select id from app_user where login = 'root'`);
      const forged = Buffer.from(JSON.stringify({ ...claims, sub: adminRows[0]!.id })).toString('base64url');
      const flipped = signature.slice(0, -2) + (signature.endsWith('AA') ? 'BB' : 'AA');
      const otherSecret = issueToken({ id: userId, tokenVersion: rows[0]!.token_version }, 'x'.repeat(48), 1);
      for (const token of [
        `${prefix}.${forged}.${signature}`,
        `${prefix}.${payload}.${flipped}`,
        otherSecret,
        'junk',
      ]) {
        expect(errorCode(await meWith(token)), token).toBe('UNAUTHENTICATED');
      }
    });

    it('logout clears the cookie; logout(everywhere) revokes every token of the account', async () => {
      const { body } = await post<LoginData>(server, LOGIN, { login: 'budi', password: PASSWORD });
      const token = body.data!.login.token;
      const out = await post(server, 'mutation { logout }', {}, { cookie: `kinerja_session=${token}` });
      expect(out.body.data).toEqual({ logout: true });
      const cleared = out.setCookie.find((c) => c.startsWith('kinerja_session='));
      expect(cleared).toMatch(/^kinerja_session=;/);
      expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970/);
      // A plain logout revokes nothing: the token itself still works (a tool's copy, say) ...
      expect((await meWith(token)).data?.me.login).toBe('budi');
      // ... until the account logs out everywhere.
      const everywhere = await post(server, 'mutation { logout(everywhere: true) }', {}, bearer(token));
      expect(everywhere.body.data).toEqual({ logout: true });
      expect(errorCode(await meWith(token))).toBe('UNAUTHENTICATED');
    });
  });

  describe('passwords', () => {
    const CHANGE = `mutation ($current: String!, $next: String!) {
      changePassword(currentPassword: $current, newPassword: $next) { token user { login mustChangePassword } }
    }`;

    it('changePassword checks the current one, refuses a weak one, and revokes the tokens issued before', async () => {
      await createAccount(em, 'test', { login: 'sari', role: 'ANALYST', password: PASSWORD });
      const first = (await post<LoginData>(server, LOGIN, { login: 'sari', password: PASSWORD })).body.data!.login;
      const wrong = await post(
        server,
        CHANGE,
        { current: 'wrong-password', next: 'Another-Good-One-2' },
        bearer(first.token),
      );
      expect(wrong.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'currentPassword' });
      for (const weak of ['short', '123456789012345678', 'sari-and-more', 'aaaaaaaaaaaa']) {
        const refused = await post(server, CHANGE, { current: PASSWORD, next: weak }, bearer(first.token));
        expect(refused.body.errors?.[0]?.extensions, weak).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'newPassword',
        });
      }
      const changed = await post<{ changePassword: { token: string } }>(
        server,
        CHANGE,
        { current: PASSWORD, next: 'Another-Good-One-2' },
        bearer(first.token),
      );
      expect(changed.body.errors).toBeUndefined();
      const fresh = changed.body.data!.changePassword.token;
      expect(errorCode((await post(server, ME, {}, bearer(first.token))).body)).toBe('UNAUTHENTICATED');
      expect((await post<MeData>(server, ME, {}, bearer(fresh))).body.data?.me.login).toBe('sari');
      expect(errorCode((await post(server, LOGIN, { login: 'sari', password: PASSWORD })).body)).toBe(
        'UNAUTHENTICATED',
      );
      expect(
        (await post(server, LOGIN, { login: 'sari', password: 'Another-Good-One-2' })).body.errors,
      ).toBeUndefined();
    });

    it('resetPassword (ADMIN) revokes the tokens and requires a new password before anything else', async () => {
      await createAccount(em, 'test', {
        login: 'tigor',
        role: 'EMPLOYEE',
        employeeNip: scenario.employees[4]!.nip,
        password: PASSWORD,
      });
      const old = (await post<LoginData>(server, LOGIN, { login: 'tigor', password: PASSWORD })).body.data!.login;
      const reset = await post<{ resetPassword: { login: string; password: string; employee: { nip: string } } }>(
        server,
        'mutation { resetPassword(login: "tigor") { login password employee { nip } } }',
        {},
        admin,
      );
      expect(reset.body.errors).toBeUndefined();
      const { password, employee } = reset.body.data!.resetPassword;
      expect(password).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
      expect(employee.nip).toBe(scenario.employees[4]!.nip);
      expect(errorCode((await post(server, ME, {}, bearer(old.token))).body)).toBe('UNAUTHENTICATED');

      const login = (await post<LoginData>(server, LOGIN, { login: 'tigor', password })).body.data!.login;
      expect(login.user.mustChangePassword).toBe(true);
      const me = await post<MeData>(server, ME, {}, bearer(login.token));
      expect(me.body.data?.me).toMatchObject({ login: 'tigor', mustChangePassword: true });
      const blocked = await post(server, '{ employees { totalCount } }', {}, bearer(login.token));
      expect(blocked.body.errors?.[0]).toMatchObject({
        extensions: { code: 'FORBIDDEN' },
        message: expect.stringContaining('changePassword') as unknown,
      });
      const changed = await post<{ changePassword: { token: string; user: { mustChangePassword: boolean } } }>(
        server,
        CHANGE,
        { current: password, next: 'Punya-Sendiri-Kami-1' },
        bearer(login.token),
      );
      expect(changed.body.data?.changePassword.user.mustChangePassword).toBe(false);
      const after = await post(
        server,
        '{ employees { totalCount } }',
        {},
        bearer(changed.body.data!.changePassword.token),
      );
      expect(after.body.errors).toBeUndefined();
    });

    it('resetPassword and the account mutations are refused to everyone but ADMIN', async () => {
      const budi = (await post<LoginData>(server, LOGIN, { login: 'budi', password: PASSWORD })).body.data!.login;
      for (const mutation of [
        'mutation { resetPassword(login: "tigor") { password } }',
        'mutation { createAccounts { created } }',
        'mutation { createAccount(login: "x-y-z", role: ADMIN) { initialPassword } }',
      ]) {
        const { body } = await post(server, mutation, {}, bearer(budi.token));
        expect(body.errors?.[0], mutation).toMatchObject({
          extensions: { code: 'FORBIDDEN' },
          message: expect.stringContaining('tidak tersedia bagi akun EMPLOYEE') as unknown,
        });
      }
      const unknown = await post(server, 'mutation { resetPassword(login: "nobody-here") { password } }', {}, admin);
      expect(errorCode(unknown.body)).toBe('NOT_FOUND');
    });
  });

  describe('accounts by an administrator', () => {
    const BULK = `mutation ($input: CreateAccountsInput) {
      createAccounts(input: $input) { created skipped accounts { login password employee { nip name agency { code } } } }
    }`;
    interface Bulk {
      createAccounts: {
        created: number;
        skipped: number;
        accounts: { login: string; password: string; employee: { nip: string; agency: { code: string } } }[];
      };
    }

    it('creates one account: an analyst with a password, an agency head linked to an employee; refuses what is wrong', async () => {
      const CREATE = `mutation ($login: String!, $role: Role!, $nip: String, $password: String) {
        createAccount(login: $login, role: $role, employeeNip: $nip, password: $password) {
          initialPassword account { login role mustChangePassword employee { nip } }
        }
      }`;
      const analyst = await post(
        server,
        CREATE,
        { login: 'Analis.Satu', role: 'ANALYST', password: 'Data-Kota-Sibolga-1' },
        admin,
      );
      expect(analyst.body.data).toEqual({
        createAccount: {
          initialPassword: null,
          account: { login: 'analis.satu', role: 'ANALYST', mustChangePassword: false, employee: null },
        },
      });
      const cases: [Record<string, unknown>, string][] = [
        [{ login: 'kepala', role: 'AGENCY_HEAD' }, 'employeeNip'],
        [{ login: 'analis.satu', role: 'ANALYST' }, 'login'],
        [{ login: 'no spaces', role: 'ANALYST' }, 'login'],
        [{ login: 'weakling', role: 'ANALYST', password: 'short' }, 'password'],
        [{ login: 'kepala', role: 'AGENCY_HEAD', nip: '199901012020011999' }, 'employeeNip'],
        [{ login: 'kepala', role: 'AGENCY_HEAD', nip: scenario.employees[3]!.nip }, 'employeeNip'],
      ];
      for (const [variables, field] of cases) {
        const { body } = await post(server, CREATE, variables, admin);
        expect(body.errors?.[0]?.extensions, JSON.stringify(variables)).toMatchObject({
          code: 'BAD_USER_INPUT',
          field,
        });
      }
      // Employee 0 heads DISDIK (the scenario's first employee of each agency is its head); no password: one is made.
      const head = await post<{ createAccount: { initialPassword: string; account: { mustChangePassword: boolean } } }>(
        server,
        CREATE,
        { login: 'kadisdik', role: 'AGENCY_HEAD', nip: scenario.employees[0]!.nip },
        admin,
      );
      expect(head.body.errors).toBeUndefined();
      expect(head.body.data!.createAccount.initialPassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
      expect(head.body.data!.createAccount.account.mustChangePassword).toBe(true);
    });

    it('creates accounts in bulk for one agency, then for the rest: NIP as login, a password each, shown once', async () => {
      const before: { n: number; disdik: number }[] = await em.execute(
        `select count(*)::int as n, count(*) filter (where a.code = 'DISDIK')::int as disdik
           from app_user u join employee e on e.id = u.employee_id join agency a on a.id = e.agency_id`,
      );
      // Employees 3 (budi) and 0 (kadisdik) of DISDIK have accounts already: skipped.
      expect(before[0]!.disdik).toBe(2);
      const disdik = await post<Bulk>(server, BULK, { input: { agencyCodes: ['DISDIK'] } }, admin);
      expect(disdik.body.errors).toBeUndefined();
      const disdikIds = scenario.employees.filter((e) => e.agencyCode === 'DISDIK');
      expect(disdik.body.data!.createAccounts.created).toBe(disdikIds.length - 2);
      expect(disdik.body.data!.createAccounts.skipped).toBe(2);
      for (const account of disdik.body.data!.createAccounts.accounts) {
        expect(account.login).toBe(account.employee.nip);
        expect(account.employee.agency.code).toBe('DISDIK');
        expect(account.password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
      }
      const passwords = disdik.body.data!.createAccounts.accounts.map((a) => a.password);
      expect(new Set(passwords).size).toBe(passwords.length);

      const rest = await post<Bulk>(server, BULK, {}, admin);
      const withAccount: { n: number }[] = await em.execute(
        'select count(*)::int as n from app_user where employee_id is not null',
      );
      expect(withAccount[0]!.n).toBe(scenario.employees.length);
      expect(rest.body.data!.createAccounts.created).toBe(
        scenario.employees.length - before[0]!.n - (disdikIds.length - 2),
      );
      const again = await post<Bulk>(server, BULK, {}, admin);
      expect(again.body.data!.createAccounts).toMatchObject({
        created: 0,
        skipped: scenario.employees.length,
        accounts: [],
      });

      // A bulk account logs in with its NIP and initial password, and must change it first.
      const one = disdik.body.data!.createAccounts.accounts[0]!;
      const login = await post<LoginData>(server, LOGIN, { login: one.login, password: one.password });
      expect(login.body.data?.login.user).toMatchObject({
        login: one.login,
        role: 'EMPLOYEE',
        mustChangePassword: true,
      });

      // The audit log records each account, never a password.
      const audit: { n: number; leaked: number }[] = await em.execute(
        `select count(*)::int as n, count(*) filter (where after::text like ?)::int as leaked
           from audit_log where action = 'account.create' and reason = 'accounts in bulk'`,
        [`%${one.password}%`],
      );
      expect(audit[0]).toEqual({ n: scenario.employees.length - before[0]!.n, leaked: 0 });
    });

    it('refuses bulk accounts of a role that needs one account at a time, and an unknown agency', async () => {
      const role = await post(server, BULK, { input: { role: 'ADMIN' } }, admin);
      expect(role.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.role' });
      const agency = await post(server, BULK, { input: { agencyCodes: ['NOPE'] } }, admin);
      expect(agency.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.agencyCodes' });
    });
  });
});

describe('login throttle', () => {
  let db: TestDatabase;
  let server: TestServer;

  beforeAll(async () => {
    db = await createTestDatabase();
    await buildScenario(db.orm, { employees: 3, quarters: [1] });
    await createAccount(db.orm.em.fork() as EntityManager, 'test', {
      login: 'budi',
      role: 'ANALYST',
      password: PASSWORD,
    });
    server = await startTestServer(db.orm);
  });

  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  it('after 5 failures of one login refuses even the right password with TOO_MANY_REQUESTS, saying when to retry', async () => {
    for (let i = 0; i < 5; i++) {
      const { body } = await post(server, LOGIN, { login: 'budi', password: `wrong-${i}` });
      expect(errorCode(body)).toBe('UNAUTHENTICATED');
    }
    const { body } = await post(server, LOGIN, { login: 'BUDI', password: PASSWORD });
    expect(body.errors?.[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');
    expect(body.errors?.[0]?.message).toMatch(
      /^Terlalu banyak login gagal: coba lagi dalam 1[45] menit \(setelah pukul \d\d:\d\d UTC\)$/,
    );
    expect(body.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(800);
  });

  it('counts failures per client address too: 50 failures over many logins block the next login from there', async () => {
    // The address already has 5 failures (the test above); 45 more over made-up logins make 50.
    for (let i = 0; i < 45; i++) {
      const { body } = await post(server, LOGIN, { login: `guess-${i}`, password: 'whatever-1234' });
      expect(errorCode(body)).toBe('UNAUTHENTICATED');
    }
    const { body } = await post(server, LOGIN, { login: 'someone-new', password: 'whatever-1234' });
    expect(body.errors?.[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');
  });
});

describe('login throttle under parallel attempts, across two server processes', () => {
  let db: TestDatabase;
  let servers: TestServer[];

  beforeAll(async () => {
    db = await createTestDatabase();
    await buildScenario(db.orm, { employees: 3, quarters: [1] });
    await createAccount(db.orm.em.fork() as EntityManager, 'test', {
      login: 'sari',
      role: 'ANALYST',
      password: PASSWORD,
    });
    // Two apps on one database: two replicas, each with its own memory.
    servers = [await startTestServer(db.orm), await startTestServer(db.orm)];
  });

  afterAll(async () => {
    for (const server of servers ?? []) await server.stop();
    await db?.close();
  });

  it('15 parallel wrong passwords against a limit of 5: 5 passwords are checked, 10 answer TOO_MANY_REQUESTS', async () => {
    const checks = vi.mocked(verifyPassword);
    checks.mockClear();
    const answers = await Promise.all(
      Array.from({ length: 15 }, (_, i) =>
        post(servers[i % 2]!, LOGIN, { login: 'sari', password: `wrong-password-${i}` }),
      ),
    );
    const codes = answers.map((answer) => errorCode(answer.body));
    expect(checks).toHaveBeenCalledTimes(5);
    expect(codes.filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(5);
    const refused = answers.filter((answer) => errorCode(answer.body) === 'TOO_MANY_REQUESTS');
    expect(refused).toHaveLength(10);
    for (const answer of refused) {
      expect(answer.body.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(800);
      expect(answer.body.errors?.[0]?.extensions?.retryAfterSeconds).toBeLessThanOrEqual(900);
    }
    // The count is in the database: the right password, on either server, is refused without a check too.
    checks.mockClear();
    for (const server of servers) {
      const { body } = await post(server, LOGIN, { login: 'sari', password: PASSWORD });
      expect(errorCode(body)).toBe('TOO_MANY_REQUESTS');
    }
    expect(checks).not.toHaveBeenCalled();
    const [row] = await db.orm.em
      .fork()
      .getConnection()
      .execute<{ attempts: number }[]>(`select attempts from login_attempt where key = 'login:sari'`);
    expect(row?.attempts).toBeGreaterThan(5);
  });

  it("a window that has ended lets the login in again, and a success clears the login's count", async () => {
    await db.orm.em
      .fork()
      .getConnection()
      .execute(`update login_attempt set window_start = now() - interval '16 minutes' where key = 'login:sari'`);
    const wrong = await post(servers[0]!, LOGIN, { login: 'sari', password: 'still-wrong-1' });
    expect(errorCode(wrong.body)).toBe('UNAUTHENTICATED');
    const right = await post(servers[1]!, LOGIN, { login: 'sari', password: PASSWORD });
    expect(right.body.errors).toBeUndefined();
    const rows = await db.orm.em
      .fork()
      .getConnection()
      .execute<{ key: string }[]>(`select key from login_attempt where key = 'login:sari'`);
    expect(rows).toHaveLength(0);
  });
});

describe('demo mode', () => {
  let db: TestDatabase;
  let server: TestServer;

  beforeAll(async () => {
    db = await createTestDatabase();
    await buildScenario(db.orm, { employees: 6, quarters: [1] });
    server = await startTestServer(db.orm, { KINERJA_DEMO_DATA: 'true' });
  });

  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  it('lets anonymous callers read as POLICY, pseudonymised, and refuses their writes as UNAUTHENTICATED', async () => {
    expect(server.config.demoMode).toBe(true);
    const me = await post<{
      me: { login: string; role: string; anonymous: boolean; scope: { pseudonymised: boolean } };
    }>(server, ME);
    expect(me.body.data?.me).toMatchObject({ login: 'anonymous', role: 'POLICY', anonymous: true });
    expect(me.body.data?.me.scope.pseudonymised).toBe(true);
    const rows = await post<{ employees: { totalCount: number; edges: { node: { nip: null; name: null } }[] } }>(
      server,
      '{ employees(first: 100) { totalCount edges { node { nip name pseudonym } } } }',
    );
    expect(rows.body.errors).toBeUndefined();
    expect(rows.body.data!.employees.totalCount).toBe(6);
    expect(rows.body.data!.employees.edges.every((e) => e.node.nip === null && e.node.name === null)).toBe(true);
    for (const mutation of [
      'mutation { changePassword(currentPassword: "a", newPassword: "b") { token } }',
      'mutation { createAccounts { created } }',
    ]) {
      const { body } = await post(server, mutation);
      expect(body.errors?.[0], mutation).toMatchObject({
        extensions: { code: 'UNAUTHENTICATED' },
        message: 'Masuk (login) dulu: pemanggil demo tanpa akun hanya boleh membaca',
      });
    }
    // Login itself works without a token.
    expect(errorCode((await post(server, LOGIN, { login: 'nobody', password: 'x' })).body)).toBe('UNAUTHENTICATED');
  });
});
