import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir, LOCK_FILE } from '../../src/db/data-dir-lock.js';
import { loadInitialData } from '../../src/db/initial-data.js';
import { createAccount } from '../../src/modules/auth/auth.service.js';
import { DEMO_PASSWORD, ensureDemoAccounts, formatDemoAccounts } from '../../src/modules/auth/demo-accounts.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/**
 * The demo accounts of the start command, the two account commands (create-admin, issue-token) run as the built
 * programs against a test database, and the lock that keeps a second process off the embedded database's folder.
 */
const CREATE_ADMIN = fileURLToPath(new URL('../../dist/cli/create-admin.js', import.meta.url));
const ISSUE_TOKEN = fileURLToPath(new URL('../../dist/cli/issue-token.js', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(script: string, args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const LOGIN = `mutation ($login: String!, $password: String!) {
  login(login: $login, password: $password) { token user { login role employee { position agency { code } } } }
}`;

describe('demo accounts', () => {
  let db: TestDatabase;
  let server: TestServer;

  beforeAll(async () => {
    db = await createTestDatabase();
    await loadInitialData(db.orm, { log: () => {}, employees: 150, today: '2025-08-15' });
    server = await startTestServer(db.orm, { KINERJA_DEMO_DATA: 'true' });
  });

  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  it('creates one account per role over the demo data, idempotently, and prints them with the password', async () => {
    const em = db.orm.em.fork() as EntityManager;
    const accounts = await ensureDemoAccounts(em);
    expect(accounts.map((a) => [a.login, a.role])).toEqual([
      ['admin', 'ADMIN'],
      ['walikota', 'LEADER'],
      ['kebijakan', 'POLICY'],
      ['analis', 'ANALYST'],
      ['kadisdik', 'AGENCY_HEAD'],
      ['kabid', 'SUPERVISOR'],
      ['kepsek', 'SUPERVISOR'],
      ['guru', 'EMPLOYEE'],
    ]);
    expect(accounts.every((a) => a.demoPassword)).toBe(true);
    expect(await ensureDemoAccounts(em)).toEqual(accounts);
    const printed = formatDemoAccounts(accounts);
    expect(printed).toContain(`password for each: ${DEMO_PASSWORD}`);
    for (const account of accounts) expect(printed).toMatch(new RegExp(`\\n  ${account.login} +${account.role} `));
    // A changed password is not printed as the demo one.
    const [saved] = await em.execute<{ password_hash: string }[]>(
      `select password_hash from app_user where login = 'walikota'`,
    );
    await em.execute(`update app_user set password_hash = 'changed' where login = 'walikota'`);
    const again = await ensureDemoAccounts(em);
    expect(again.find((a) => a.login === 'walikota')?.demoPassword).toBe(false);
    expect(formatDemoAccounts(again)).toMatch(/walikota +LEADER +Wali Kota Sibolga \(demo\) \(password changed\)/);
    await em.execute(`update app_user set password_hash = ? where login = 'walikota'`, [saved!.password_hash]);
  });

  it('links them to fitting people: the head of DISDIK, a kepala bidang with schools, a teacher; the rest unlinked', async () => {
    const who: Record<string, { role: string; employee: { position: string; agency: { code: string } } | null }> = {};
    for (const login of ['admin', 'walikota', 'kebijakan', 'analis', 'kadisdik', 'kabid', 'kepsek', 'guru']) {
      const { data, errors } = await server.graphql<{ login: { user: (typeof who)[string] } }>(LOGIN, {
        login,
        password: DEMO_PASSWORD,
      });
      expect(errors, login).toBeUndefined();
      who[login] = data!.login.user;
    }
    expect(who.admin!.employee).toBeNull();
    expect(who.walikota!.employee).toBeNull();
    expect(who.kadisdik!.employee).toEqual({ position: 'Kepala Dinas Pendidikan', agency: { code: 'DISDIK' } });
    expect(who.kabid!.employee?.position).toMatch(/^Kepala Bidang Pembinaan Sekolah Dasar$/);
    expect(who.guru!.employee?.position).toMatch(/^Guru/);
    // The head of the teacher's school is the teacher's direct supervisor (docs/dialogue.md: they write the notes).
    expect(who.kepsek!.employee?.position).toMatch(/^Kepala SD/);
    const kepsek = await server.graphql<{ login: { token: string } }>(LOGIN, {
      login: 'kepsek',
      password: DEMO_PASSWORD,
    });
    const reports = await server.graphql<{ me: { employee: { subordinates: { position: string }[] } } }>(
      '{ me { employee { subordinates { position } } } }',
      {},
      { authorization: `Bearer ${kepsek.data!.login.token}` },
    );
    expect(reports.data!.me.employee.subordinates.map((s) => s.position)).toContain(who.guru!.employee!.position);
    // The teacher is in the kepala bidang's line: the supervisor sees them in full.
    const kabid = await server.graphql<{ login: { token: string } }>(LOGIN, {
      login: 'kabid',
      password: DEMO_PASSWORD,
    });
    const me = await server.graphql<{ me: { scope: { lineSize: number } } }>(
      '{ me { scope { lineSize } } }',
      {},
      { authorization: `Bearer ${kabid.data!.login.token}` },
    );
    expect(me.data!.me.scope.lineSize).toBeGreaterThan(5);
    // kepsek is guru's direct supervisor (who scores guru), and the kepala bidang is kepsek's (who decides objections).
    const [link] = await db.orm.em
      .fork()
      .getConnection()
      .execute<{ teacher_ok: boolean; head_ok: boolean }[]>(
        `select g.supervisor_id = k.employee_id as teacher_ok, ke.supervisor_id = b.employee_id as head_ok
         from app_user gu join employee g on g.id = gu.employee_id,
              app_user k join employee ke on ke.id = k.employee_id,
              app_user b
        where gu.login = 'guru' and k.login = 'kepsek' and b.login = 'kabid'`,
      );
    expect(link).toEqual({ teacher_ok: true, head_ok: true });
  });
});

describe('pnpm run create-admin and pnpm run issue-token', () => {
  let db: TestDatabase;
  let server: TestServer;
  let env: Record<string, string>;

  beforeAll(async () => {
    for (const file of [CREATE_ADMIN, ISSUE_TOKEN]) {
      if (!existsSync(file)) throw new Error(`${file} is missing: build the server first (pnpm run build)`);
    }
    db = await createTestDatabase();
    env = { DATABASE_URL: db.url, KINERJA_DEMO_DATA: 'false', NODE_ENV: 'test' };
    server = await startTestServer(db.orm);
  });

  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  it('create-admin creates an administrator with the password from KINERJA_ADMIN_PASSWORD', async () => {
    const result = await run(CREATE_ADMIN, ['boss', '--name', 'Kepala Bidang Data BKPSDM'], {
      ...env,
      KINERJA_ADMIN_PASSWORD: 'Rahasia-Kota-Sibolga-1',
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Administrator boss created');
    const login = await server.graphql<{ login: { user: { login: string; role: string } } }>(LOGIN, {
      login: 'boss',
      password: 'Rahasia-Kota-Sibolga-1',
    });
    expect(login.data?.login.user).toMatchObject({ login: 'boss', role: 'ADMIN' });
  });

  it('create-admin refuses a weak password, a taken login, and a missing password off a terminal', async () => {
    const weak = await run(CREATE_ADMIN, ['other'], { ...env, KINERJA_ADMIN_PASSWORD: '12345678901' });
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('Kata sandi tidak boleh hanya angka');
    const taken = await run(CREATE_ADMIN, ['boss'], { ...env, KINERJA_ADMIN_PASSWORD: 'Another-Strong-One-2' });
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('Login boss sudah dipakai');
    const none = await run(CREATE_ADMIN, ['other'], env);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Set KINERJA_ADMIN_PASSWORD');
    const usage = await run(CREATE_ADMIN, [], env);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('usage: pnpm run create-admin <login>');
  });

  it('issue-token prints a bearer token the server accepts, for the hours asked (default 24, at most 168)', async () => {
    const em = db.orm.em.fork() as EntityManager;
    await createAccount(em, 'test', { login: 'analis', role: 'ANALYST', password: 'Data-Kota-Sibolga-9' });
    const before = Date.now();
    const issued = await run(ISSUE_TOKEN, ['analis', '--hours', '2'], env);
    expect(issued.code).toBe(0);
    expect(issued.stderr).toMatch(/^Token for analis \(ANALYST\), valid until \d{4}-\d\d-\d\dT/);
    const token = issued.stdout.trim();
    expect(token).toMatch(/^kinerja\.[\w-]+\.[\w-]+$/);
    const me = await server.graphql<{ me: { login: string; role: string } }>(
      '{ me { login role } }',
      {},
      {
        authorization: `Bearer ${token}`,
      },
    );
    expect(me.data?.me).toEqual({ login: 'analis', role: 'ANALYST' });
    const expiry = Date.parse(/valid until (\S+)\./.exec(issued.stderr)![1]!);
    expect((expiry - before) / 3_600_000).toBeCloseTo(2, 1);
    const byDefault = await run(ISSUE_TOKEN, ['analis'], env);
    expect(Date.parse(/valid until (\S+)\./.exec(byDefault.stderr)![1]!) - before).toBeGreaterThan(23.9 * 3_600_000);

    const tooLong = await run(ISSUE_TOKEN, ['analis', '--hours', '200'], env);
    expect(tooLong.code).toBe(2);
    expect(tooLong.stderr).toContain('--hours must be a number above 0 and at most 168');
    const unknown = await run(ISSUE_TOKEN, ['nobody'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Akun nobody tidak ditemukan');
    await createAccount(em, 'test', { login: 'baru', role: 'ANALYST' });
    const initial = await run(ISSUE_TOKEN, ['baru'], env);
    expect(initial.code).toBe(1);
    expect(initial.stderr).toContain('Akun baru masih memakai kata sandi awalnya');
    const audit: { n: number }[] = await em.execute(
      `select count(*)::int as n from audit_log where action = 'account.issueToken' and entity_id = 'analis'`,
    );
    expect(audit[0]!.n).toBe(2);
  });
});

describe('one process per embedded database folder', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kinerja-lock-'));
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a folder held by a running process, naming it; takes over a lock left by a dead one', async () => {
    // A running process that holds the folder (as a server would).
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: holder.pid, command: 'dist/main.js' }));
      expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
      expect(() => lockDataDir(dir)).toThrow(`in use by process ${holder.pid} (dist/main.js)`);
      // The account commands say so and stop, before touching the files.
      const result = await run(CREATE_ADMIN, ['boss'], {
        KINERJA_DATA_DIR: dir,
        KINERJA_DEMO_DATA: 'false',
        KINERJA_ADMIN_PASSWORD: 'Rahasia-Kota-Sibolga-1',
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`The embedded database in ${dir} is in use by process ${holder.pid}`);
      expect(result.stderr).toContain('stop that process first');
    } finally {
      holder.kill('SIGKILL');
    }
    await new Promise((resolve) => holder.once('exit', resolve));
    // The holder is gone (killed: no chance to clean up): its lock is stale and is taken over.
    const release = lockDataDir(dir);
    release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });
});
