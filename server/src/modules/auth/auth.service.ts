import { randomBytes } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { nipInvalid, validateNip } from '@kinerja/shared';
import { badUserInput, notFound, tooManyRequests, unauthenticated } from '../../graphql/errors.js';
import { agencyIdsByCodes } from '../agency/agency.service.js';
import { writeAudit } from '../audit/audit.service.js';
import { Employee } from '../employee/employee.entity.js';
import { generatePassword, hashGeneratedPassword, hashPassword, passwordProblem, verifyPassword } from './password.js';
import type { LoginThrottles } from './rate-limit.js';
import type { Role } from '../access/roles.js';
import { User } from './user.entity.js';
import { signToken, verifyToken } from './token.js';
import type { Viewer } from '../access/viewer.js';

const secrets = new WeakMap<object, Promise<string>>();

/**
 * The secret that signs tokens: `KINERJA_TOKEN_SECRET` when configured, else one generated on first use and kept in
 * `app_setting`, so tokens survive a restart and every process on the same database agrees.
 */
export function tokenSecret(em: EntityManager, configured: string | null): Promise<string> {
  if (configured) return Promise.resolve(configured);
  const key = em.getConnection();
  let secret = secrets.get(key);
  if (!secret) {
    secret = (async () => {
      const fresh = randomBytes(48).toString('base64url');
      await em
        .getConnection()
        .execute(`insert into app_setting (key, value) values ('token_secret', ?) on conflict (key) do nothing`, [
          fresh,
        ]);
      const rows: { value: string }[] = await em
        .getConnection()
        .execute(`select value from app_setting where key = 'token_secret'`);
      return rows[0]!.value;
    })();
    secrets.set(key, secret);
  }
  return secret;
}

/** A signed token for the account, valid for `hours`. */
export function issueToken(user: Pick<User, 'id' | 'tokenVersion'>, secret: string, hours: number): string {
  const now = Math.floor(Date.now() / 1000);
  return signToken({ sub: user.id, tv: user.tokenVersion, iat: now, exp: now + Math.round(hours * 3600) }, secret);
}

/**
 * How long a checked token's account is trusted without asking the database again: at most 30 s, so that a token
 * revoked, or an account disabled, by another process (or directly in the database) stops working within that
 * (docs/security.md). Writes of this process that revoke tokens (`forgetCheckedTokens`) take effect at once.
 */
export const TOKEN_CHECK_SECONDS = 30;

interface CheckedToken {
  viewer: Viewer;
  /** `Date.now()` after which the account is read again (and the signature checked again). */
  until: number;
  /** The token's expiry (its `exp` claim, seconds since the epoch). */
  exp: number;
  /** The secret its signature was checked with. */
  secret: string;
}

/** Accounts of recently checked tokens, per database (the connection object), by token. */
const checkedTokens = new WeakMap<object, Map<string, CheckedToken>>();
const MAX_CHECKED_TOKENS = 10_000;

/** Forgets every checked token, so the next request of each reads its account again (after a revocation). */
export function forgetCheckedTokens(em: EntityManager): void {
  checkedTokens.get(em.getConnection())?.clear();
}

/**
 * The viewer for a token, or null when the token is invalid, expired, revoked or its account inactive. The expiry is
 * checked on every call; the signature and the account (active, token version, role, employee) at most every
 * TOKEN_CHECK_SECONDS per token: the per-request query it saves was a quarter of the statements of a small read, and
 * the HMAC 3% of its CPU (docs/benchmarks.md). The cache is keyed by the whole token string, so only the very string
 * whose signature was checked is trusted without checking it again.
 */
export async function viewerForToken(
  em: EntityManager,
  token: string,
  secret: string,
  now: number = Date.now(),
): Promise<Viewer | null> {
  const key = em.getConnection();
  let cache = checkedTokens.get(key);
  if (!cache) {
    cache = new Map();
    checkedTokens.set(key, cache);
  }
  const cached = cache.get(token);
  if (cached && cached.until > now && cached.secret === secret)
    return cached.exp > Math.floor(now / 1000) ? { ...cached.viewer } : null;
  cache.delete(token);
  const claims = verifyToken(token, secret, Math.floor(now / 1000));
  if (!claims) return null;
  const viewer = await readViewer(em, claims.sub, claims.tv);
  if (viewer) {
    if (cache.size >= MAX_CHECKED_TOKENS) cache.clear();
    cache.set(token, { viewer, until: now + TOKEN_CHECK_SECONDS * 1000, exp: claims.exp, secret });
    return { ...viewer };
  }
  return null;
}

/** The account behind a token's claims, when it is active and the token version still matches. */
async function readViewer(em: EntityManager, userId: number, tokenVersion: number): Promise<Viewer | null> {
  const rows: {
    id: number;
    login: string;
    role: Viewer['role'];
    employee_id: number | null;
    agency_id: number | null;
    token_version: number;
    active: boolean;
    must_change_password: boolean;
  }[] = await em.getConnection().execute(
    `select u.id, u.login, u.role, u.employee_id, e.agency_id, u.token_version, u.active, u.must_change_password
       from app_user u left join employee e on e.id = u.employee_id
      where u.id = ?`,
    [userId],
  );
  const user = rows[0];
  if (!user || !user.active || user.token_version !== tokenVersion) return null;
  return {
    userId: user.id,
    login: user.login,
    role: user.role,
    employeeId: user.employee_id,
    agencyId: user.agency_id,
    anonymous: false,
    mustChangePassword: user.must_change_password,
  };
}

/** A token with the moment it stops working. */
export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

/** Issues a token for the account and says when it expires. */
export function issueTokenWithExpiry(
  user: Pick<User, 'id' | 'tokenVersion'>,
  secret: string,
  hours: number,
): IssuedToken {
  const token = issueToken(user, secret, hours);
  return { token, expiresAt: new Date(verifyToken(token, secret)!.exp * 1000) };
}

/** Login names: lower-case letters, digits, `.`, `_` and `-`, 3 to 64 characters; bulk accounts use the NIP. */
export const LOGIN_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;

/** Logins compare without case and surrounding spaces (`Admin ` is `admin`). */
export function normaliseLogin(login: string): string {
  return login.trim().toLowerCase();
}

/** A login name as typed by an administrator: normalised, or BAD_USER_INPUT on `field`. */
export function checkLogin(login: string, field = 'login'): string {
  const normalised = normaliseLogin(login);
  if (!LOGIN_PATTERN.test(normalised)) {
    throw badUserInput(field, { code: 'LOGIN_FORMAT', params: { login } });
  }
  return normalised;
}

/** The same answer for an unknown login and a wrong password, so that nobody can find out which logins exist. */
export const WRONG_CREDENTIALS = { code: 'WRONG_CREDENTIALS', params: {} } as const;

let dummyHash: Promise<string> | null = null;

/** A hash to verify against when the login is unknown, so that the answer takes as long as for a known one. */
function hashForUnknownLogins(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(24).toString('base64url'));
  return dummyHash;
}

/**
 * Counts this attempt (before any password is checked: docs/security.md) and refuses with TOO_MANY_REQUESTS when it
 * is over the limit of its login or its address.
 */
async function countAttempt(
  em: EntityManager,
  throttles: LoginThrottles,
  login: string,
  address: string,
): Promise<void> {
  const verdict = await throttles.attempt(em, login, address);
  if (!verdict.allowed) {
    const wait = verdict.retryAfterMs;
    const at = new Date(Date.now() + wait).toISOString().slice(11, 16);
    throw tooManyRequests(
      { code: 'TOO_MANY_LOGINS', params: { minutes: Math.max(1, Math.ceil(wait / 60_000)), at } },
      Math.ceil(wait / 1000),
    );
  }
}

/**
 * Password login: the account and a token valid for `hours`. An unknown login and a wrong password get the same
 * UNAUTHENTICATED answer after the same work; attempts count per login and per client address before the password is
 * checked (TOO_MANY_REQUESTS once too many; a success gives its attempt back). A disabled account is told so only
 * after its right password.
 */
export async function logIn(
  em: EntityManager,
  args: {
    login: string;
    password: string;
    address: string;
    throttles: LoginThrottles;
    secret: string;
    hours: number;
  },
): Promise<IssuedToken & { user: User }> {
  const login = normaliseLogin(args.login);
  await countAttempt(em, args.throttles, login, args.address);
  const user = login === '' ? null : await em.findOne(User, { login });
  const ok = await verifyPassword(user?.passwordHash ?? (await hashForUnknownLogins()), args.password);
  if (!user || !ok) throw unauthenticated(WRONG_CREDENTIALS);
  await args.throttles.succeed(em, login, args.address);
  if (!user.active) throw unauthenticated({ code: 'ACCOUNT_DISABLED', params: {} });
  await em.execute('update app_user set last_login_at = now() where id = ?', [user.id]);
  return { user, ...issueTokenWithExpiry(user, args.secret, args.hours) };
}

/** One audit entry of an account write; passwords and hashes never go into the log. */
interface AccountAudit {
  action: string;
  login: string;
  after: Record<string, unknown> | null;
  reason?: string | null;
}

/** Writes the audit entries of account writes, in the caller's transaction (through the one audit writer). */
function auditAccounts(em: EntityManager, actor: string, entries: readonly AccountAudit[]): Promise<void> {
  return writeAudit(
    em,
    entries.map((entry) => ({
      actor,
      action: entry.action,
      entityType: 'account',
      entityId: entry.login,
      before: null,
      after: entry.after,
      reason: entry.reason,
    })),
  );
}

/**
 * Changes the caller's own password after checking the current one (counted by the login throttle, so that a
 * stolen session cannot guess it). Raises the token version: every token issued before stops working, and a fresh
 * one is returned.
 */
export async function changePassword(
  em: EntityManager,
  args: {
    userId: number;
    currentPassword: string;
    newPassword: string;
    address: string;
    throttles: LoginThrottles;
    secret: string;
    hours: number;
  },
): Promise<IssuedToken & { user: User }> {
  const user = await em.findOne(User, { id: args.userId });
  if (!user || !user.active) throw unauthenticated();
  await countAttempt(em, args.throttles, user.login, args.address);
  if (!(await verifyPassword(user.passwordHash, args.currentPassword))) {
    throw badUserInput('currentPassword', { code: 'CURRENT_PASSWORD_WRONG', params: {} });
  }
  await args.throttles.succeed(em, user.login, args.address);
  const problem = passwordProblem(args.newPassword, user.login, 'NEW_PASSWORD');
  if (problem) throw badUserInput('newPassword', problem);
  if (args.newPassword === args.currentPassword) {
    throw badUserInput('newPassword', { code: 'PASSWORD_UNCHANGED', params: {} });
  }
  const passwordHash = await hashPassword(args.newPassword);
  const changed = await em.transactional(async (tem) => {
    const row = await tem.findOneOrFail(User, { id: user.id });
    row.passwordHash = passwordHash;
    row.tokenVersion += 1;
    row.mustChangePassword = false;
    await auditAccounts(tem, row.login, [{ action: 'account.changePassword', login: row.login, after: null }]);
    return row;
  });
  forgetCheckedTokens(em);
  return { user: changed, ...issueTokenWithExpiry(changed, args.secret, args.hours) };
}

/** Logs out everywhere: raises the token version, so that every token of the account stops working. */
export async function revokeTokens(em: EntityManager, userId: number): Promise<void> {
  await em.execute(
    'update app_user set token_version = token_version + 1, updated_at = now() where id = ?',
    [userId],
    'run',
  );
  forgetCheckedTokens(em);
}

/**
 * An administrator disables or enables an account (docs/access.md#accounts): a disabled account cannot log in, and its
 * tokens stop working at once in this process (the checked tokens are forgotten) and within TOKEN_CHECK_SECONDS in
 * any other. Audited (`account.disable`, `account.enable`) with the reason; an administrator cannot disable their own.
 */
export async function setAccountActive(
  em: EntityManager,
  actor: string,
  rawLogin: string,
  active: boolean,
  reason: string | null,
): Promise<User> {
  const login = normaliseLogin(rawLogin);
  if (!active && login === actor) throw badUserInput('login', { code: 'CANNOT_DISABLE_SELF', params: {} });
  const user = await em.transactional(async (tem) => {
    const row = await tem.findOne(User, { login }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!row) throw notFound({ code: 'ACCOUNT_NOT_FOUND', params: { login } });
    if (row.active !== active) {
      row.active = active;
      await auditAccounts(tem, actor, [
        { action: active ? 'account.enable' : 'account.disable', login, after: { active }, reason },
      ]);
    }
    return row;
  });
  forgetCheckedTokens(em);
  return user;
}

/** An administrator's reset: a new random password (returned once), the old tokens revoked, a change required. */
export async function resetPassword(
  em: EntityManager,
  actor: string,
  rawLogin: string,
): Promise<{ user: User; password: string }> {
  const login = normaliseLogin(rawLogin);
  const password = generatePassword();
  const passwordHash = await hashGeneratedPassword(password);
  const user = await em.transactional(async (tem) => {
    const row = await tem.findOne(User, { login });
    if (!row) throw notFound({ code: 'ACCOUNT_NOT_FOUND', params: { login } });
    row.passwordHash = passwordHash;
    row.tokenVersion += 1;
    row.mustChangePassword = true;
    await auditAccounts(tem, actor, [{ action: 'account.resetPassword', login, after: { mustChangePassword: true } }]);
    return row;
  });
  forgetCheckedTokens(em);
  return { user, password };
}

/** Roles whose rights come from the employee record: their accounts must be linked to one. */
const LINKED_ROLES: ReadonlySet<Role> = new Set<Role>(['AGENCY_HEAD', 'SUPERVISOR', 'EMPLOYEE']);

/** What `createAccount` needs. */
export interface NewAccount {
  login: string;
  role: Role;
  employeeNip?: string | null;
  displayName?: string | null;
  /** The password; null: a random one, returned once, to be changed at first login. */
  password?: string | null;
}

/**
 * Creates one account. AGENCY_HEAD, SUPERVISOR and EMPLOYEE accounts are linked to an employee (their rights come
 * from the record); the others may be (a BKPSDM administrator is an employee too) or not (the Wali Kota). Without a
 * password, a random one is returned once and must be changed at first login.
 */
export async function createAccount(
  em: EntityManager,
  actor: string,
  input: NewAccount,
): Promise<{ user: User; initialPassword: string | null }> {
  const nipLogin = /^\d{18}$/.test(input.login.trim());
  const login = nipLogin ? input.login.trim() : checkLogin(input.login);
  let employee: Employee | null = null;
  if (input.employeeNip !== null && input.employeeNip !== undefined) {
    const check = validateNip(input.employeeNip);
    if (!check.ok && check.errors.some((e) => e.part === 'length' || e.part === 'digits')) {
      throw badUserInput('employeeNip', nipInvalid(check.errors));
    }
    employee = await em.findOne(Employee, { nip: input.employeeNip });
    if (!employee)
      throw badUserInput('employeeNip', { code: 'EMPLOYEE_NOT_FOUND', params: { nip: input.employeeNip } });
    if (await em.count(User, { employee })) {
      throw badUserInput('employeeNip', { code: 'EMPLOYEE_HAS_ACCOUNT', params: { nip: input.employeeNip } });
    }
  } else if (LINKED_ROLES.has(input.role)) {
    throw badUserInput('employeeNip', { code: 'ACCOUNT_NEEDS_EMPLOYEE', params: { role: input.role } });
  }
  if (nipLogin && employee?.nip !== login) {
    throw badUserInput('login', { code: 'NIP_LOGIN_OWN_EMPLOYEE', params: {} });
  }
  if (await em.count(User, { login })) throw badUserInput('login', { code: 'LOGIN_TAKEN', params: { login } });
  const displayName = input.displayName?.trim() || null;
  if (displayName && displayName.length > 200) {
    throw badUserInput('displayName', { code: 'DISPLAY_NAME_TOO_LONG', params: { max: 200 } });
  }
  let initialPassword: string | null = null;
  let passwordHash: string;
  if (input.password !== null && input.password !== undefined) {
    const problem = passwordProblem(input.password, login);
    if (problem) throw badUserInput('password', problem);
    passwordHash = await hashPassword(input.password);
  } else {
    initialPassword = generatePassword();
    passwordHash = await hashGeneratedPassword(initialPassword);
  }
  const user = await em.transactional(async (tem) => {
    const row = tem.create(User, {
      login,
      passwordHash,
      role: input.role,
      employee: employee ? tem.getReference(Employee, employee.id) : null,
      displayName,
      mustChangePassword: initialPassword !== null,
    });
    await tem.flush();
    await auditAccounts(tem, actor, [
      {
        action: 'account.create',
        login,
        after: {
          role: input.role,
          employeeNip: employee?.nip ?? null,
          displayName,
          mustChangePassword: !!initialPassword,
        },
      },
    ]);
    return row;
  });
  return { user, initialPassword };
}

/** An account created in bulk, with its initial password (shown once). */
export interface CreatedAccount {
  login: string;
  employeeId: number;
  password: string;
}

/** Roles that accounts in bulk may have: the rights of an employee, or of a supervisor over their whole line. */
export const BULK_ROLES: readonly Role[] = ['EMPLOYEE', 'SUPERVISOR'];

/**
 * Accounts for every employee in service who has none (optionally of some agencies): the NIP as login, a random
 * initial password each (returned once, for BKPSDM to hand out), to be changed at first login. Employees who have
 * an account, or whose NIP is already some account's login, are skipped and counted. One transaction.
 */
export async function createAccounts(
  em: EntityManager,
  actor: string,
  input: { agencyCodes?: readonly string[] | null; role?: Role | null },
): Promise<{ created: CreatedAccount[]; skipped: number }> {
  const role = input.role ?? 'EMPLOYEE';
  if (!BULK_ROLES.includes(role)) {
    throw badUserInput('input.role', { code: 'BULK_ROLE', params: { roles: [...BULK_ROLES], role } });
  }
  const agencyIds = input.agencyCodes ? await agencyIdsByCodes(em, input.agencyCodes, 'input.agencyCodes') : null;
  if (agencyIds !== null && agencyIds.length === 0)
    throw badUserInput('input.agencyCodes', { code: 'BULK_NO_AGENCY', params: {} });
  const agencyCondition = agencyIds === null ? '' : `and e.agency_id in (${agencyIds.map(() => '?').join(', ')})`;
  const candidates: { id: number; nip: string; has_account: boolean }[] = await em.execute(
    `select e.id, e.nip,
            exists (select 1 from app_user u where u.employee_id = e.id or u.login = e.nip) as has_account
       from employee e
      where (e.active_to is null or e.active_to >= current_date) ${agencyCondition}
      order by e.nip`,
    agencyIds ?? [],
  );
  const wanted = candidates.filter((c) => !c.has_account);
  const passwords = wanted.map(() => generatePassword());
  const hashes = await Promise.all(passwords.map((password) => hashGeneratedPassword(password)));
  const created: CreatedAccount[] = [];
  await em.transactional(async (tem) => {
    for (let start = 0; start < wanted.length; start += 1000) {
      const chunk = wanted.slice(start, start + 1000).map((c, i) => ({
        login: c.nip,
        password_hash: hashes[start + i],
        role,
        employee_id: c.id,
      }));
      // A concurrent creation of the same account wins: its row is skipped here, not overwritten.
      const inserted: { login: string; employee_id: number }[] = await tem.execute(
        `insert into app_user (login, password_hash, role, employee_id, must_change_password)
         select r.login, r.password_hash, r.role, r.employee_id, true
           from jsonb_to_recordset(?::jsonb) as r(login text, password_hash text, role text, employee_id int)
         on conflict do nothing
         returning login, employee_id`,
        [JSON.stringify(chunk)],
      );
      const passwordByLogin = new Map(chunk.map((row, i) => [row.login, passwords[start + i]!]));
      for (const row of inserted) {
        created.push({ login: row.login, employeeId: row.employee_id, password: passwordByLogin.get(row.login)! });
      }
    }
    await auditAccounts(
      tem,
      actor,
      created.map((account) => ({
        action: 'account.create',
        login: account.login,
        after: { role, employeeNip: account.login, mustChangePassword: true },
        reason: 'accounts in bulk',
      })),
    );
  });
  return { created, skipped: candidates.length - created.length };
}

/** Longest lifetime of a token issued from the command line: a week (analysts' tools renew theirs). */
export const MAX_TOKEN_HOURS = 168;

/**
 * A bearer token for an account, for a tool (`pnpm run issue-token`): the account must be active and have chosen
 * its own password (an account with an initial password may do nothing else). Recorded in the audit log.
 */
export async function issueTokenForLogin(
  em: EntityManager,
  args: { actor: string; login: string; hours: number; secret: string },
): Promise<IssuedToken & { user: User }> {
  if (!Number.isFinite(args.hours) || args.hours <= 0 || args.hours > MAX_TOKEN_HOURS) {
    throw badUserInput('hours', { code: 'TOKEN_HOURS', params: { value: args.hours, max: MAX_TOKEN_HOURS } });
  }
  const login = normaliseLogin(args.login);
  const user = await em.findOne(User, { login });
  if (!user) throw notFound({ code: 'ACCOUNT_NOT_FOUND', params: { login } });
  if (!user.active) throw badUserInput('login', { code: 'ACCOUNT_IS_DISABLED', params: { login } });
  if (user.mustChangePassword) {
    throw badUserInput('login', { code: 'TOKEN_INITIAL_PASSWORD', params: { login } });
  }
  const issued = issueTokenWithExpiry(user, args.secret, args.hours);
  await em.transactional((tem) =>
    auditAccounts(tem, args.actor, [
      { action: 'account.issueToken', login, after: { expiresAt: issued.expiresAt.toISOString() } },
    ]),
  );
  return { user, ...issued };
}
