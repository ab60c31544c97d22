import { say } from '../../graphql/locale.js';
import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { actAs, clientAddress, SESSION_COOKIE, sessionCookieOptions } from './session.js';
import { unauthenticated } from '../../graphql/errors.js';
import type { Employee } from '../employee/employee.entity.js';
import { isPseudonymised, seesEveryRow, type Scope } from '../access/read-scopes.js';
import {
  changePassword,
  createAccount,
  createAccounts,
  logIn,
  resetPassword,
  revokeTokens,
  tokenSecret,
  viewerForToken,
  type IssuedToken,
} from './auth.service.js';
import {
  AccountType,
  CreateAccountResultType,
  CreateAccountsInput,
  CreateAccountsResultType,
  InitialPasswordType,
  LoginResultType,
  MeType,
  RoleEnum,
} from './auth.types.js';
import type { Role } from '../access/roles.js';
import { User } from './user.entity.js';
import type { Viewer } from '../access/viewer.js';

/** The account as the API shows it, its employee loaded through the request's loader. */
async function accountOf(ctx: Context, user: User): Promise<AccountType> {
  return {
    login: user.login,
    role: user.role,
    displayName: user.displayName,
    employee: user.employee ? await ctx.loaders.employeeById.load(user.employee.id) : null,
    mustChangePassword: user.mustChangePassword,
    active: user.active,
    lastLoginAt: user.lastLoginAt,
  };
}

/** What the caller may see, in words, in the request's language (the rules themselves are in read-scopes.ts). */
function describeScope(scope: Scope, agencyCode: string | null): string {
  const { viewer } = scope;
  const reports = scope.directReportIds.size;
  const employee = viewer.employeeId !== null;
  if (viewer.anonymous) return say({ code: 'SCOPE_ANONYMOUS', params: {} });
  switch (viewer.role) {
    case 'ADMIN':
      return say({ code: 'SCOPE_ADMIN', params: {} });
    case 'LEADER':
      return say({ code: 'SCOPE_LEADER', params: {} });
    case 'POLICY':
    case 'ANALYST':
      return say({ code: 'SCOPE_PSEUDONYMISED', params: { employee, reports } });
    case 'AGENCY_HEAD':
      return say({ code: 'SCOPE_AGENCY_HEAD', params: { agency: agencyCode, employee, reports } });
    case 'SUPERVISOR':
      return say({ code: 'SCOPE_SUPERVISOR', params: { line: scope.lineIds.size } });
    case 'EMPLOYEE':
      return say({ code: 'SCOPE_EMPLOYEE', params: { reports } });
  }
}

@Resolver()
export class AuthResolver {
  @Query(() => MeType, { description: 'The caller: account, role, own employee record, and what they may see.' })
  async me(@Ctx() ctx: Context): Promise<MeType> {
    const viewer = ctx.viewer;
    const scope = ctx.scope;
    if (!viewer || !scope) throw unauthenticated();
    const user = viewer.userId === null ? null : await ctx.em.findOne(User, { id: viewer.userId });
    const agency =
      viewer.role === 'AGENCY_HEAD' && viewer.agencyId !== null
        ? await ctx.loaders.agencyById.load(viewer.agencyId)
        : null;
    const employee: Employee | null =
      viewer.employeeId === null ? null : await ctx.loaders.employeeById.load(viewer.employeeId);
    return {
      login: viewer.login,
      role: viewer.role,
      displayName: user?.displayName ?? null,
      employee,
      mustChangePassword: viewer.mustChangePassword ?? false,
      anonymous: viewer.anonymous,
      scope: {
        description: describeScope(scope, agency?.code ?? null),
        agencyCode: agency?.code ?? null,
        directReports: scope.directReportIds.size,
        lineSize: scope.lineIds.size,
        allRows: seesEveryRow(scope),
        pseudonymised: isPseudonymised(scope),
      },
    };
  }

  @Mutation(() => LoginResultType, {
    description:
      'Logs in with login name and password: returns a token (for `Authorization: Bearer`) and sets it as the ' +
      'httpOnly session cookie of the dashboard. A wrong login or password is UNAUTHENTICATED, the same for both; ' +
      'too many failures are TOO_MANY_REQUESTS, saying when to try again.',
  })
  async login(
    @Arg('login', () => String, { description: 'Login name (the NIP for employees\u2019 accounts).' }) login: string,
    @Arg('password', () => String, { description: 'Password.' }) password: string,
    @Ctx() ctx: Context,
  ): Promise<LoginResultType> {
    const secret = await tokenSecret(ctx.em, ctx.config.tokenSecret);
    const result = await logIn(ctx.em, {
      login,
      password,
      address: clientAddress(ctx),
      throttles: ctx.services.loginThrottles,
      secret,
      hours: ctx.config.sessionHours,
    });
    return this.startSession(ctx, result, secret, true);
  }

  @Mutation(() => Boolean, {
    description:
      'Logs out: clears the session cookie. With `everywhere`, every token of the account stops working (other ' +
      'browsers, tools). True when done.',
  })
  async logout(
    @Ctx() ctx: Context,
    @Arg('everywhere', () => Boolean, {
      defaultValue: false,
      description: 'Also revoke every token of the account issued so far (needs a logged-in account).',
    })
    everywhere: boolean,
  ): Promise<boolean> {
    if (everywhere) {
      if (!ctx.viewer || ctx.viewer.userId === null) throw unauthenticated();
      await revokeTokens(ctx.em, ctx.viewer.userId);
    }
    ctx.res?.clearCookie(SESSION_COOKIE, sessionCookieOptions(ctx.config));
    return true;
  }

  @Mutation(() => LoginResultType, {
    description:
      'Changes the caller\u2019s own password. Every token issued before stops working; a fresh one is returned ' +
      '(and set as the session cookie when the request came with it).',
  })
  async changePassword(
    @Arg('currentPassword', () => String, { description: 'The current password.' }) currentPassword: string,
    @Arg('newPassword', () => String, {
      description: 'The new password: at least 10 characters, not digits only, not containing the login.',
    })
    newPassword: string,
    @Ctx() ctx: Context,
  ): Promise<LoginResultType> {
    if (!ctx.viewer || ctx.viewer.userId === null) throw unauthenticated();
    const secret = await tokenSecret(ctx.em, ctx.config.tokenSecret);
    const result = await changePassword(ctx.em, {
      userId: ctx.viewer.userId,
      currentPassword,
      newPassword,
      address: clientAddress(ctx),
      throttles: ctx.services.loginThrottles,
      secret,
      hours: ctx.config.sessionHours,
    });
    const cookies = (ctx.req as { cookies?: Record<string, string> } | undefined)?.cookies;
    return this.startSession(ctx, result, secret, cookies?.[SESSION_COOKIE] !== undefined);
  }

  @Mutation(() => CreateAccountsResultType, {
    description:
      'Administrators: accounts for every employee in service without one (or those of some agencies), the NIP ' +
      'as login, each with a random initial password returned this once, to be changed at first login.',
  })
  async createAccounts(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateAccountsInput, {
      nullable: true,
      description: 'Which employees, and the role of their accounts; every agency, EMPLOYEE, when omitted.',
    })
    input?: CreateAccountsInput | null,
  ): Promise<CreateAccountsResultType> {
    const { created, skipped } = await createAccounts(ctx.em, ctx.viewer!.login, input ?? {});
    const employees = await ctx.loaders.employeeById.loadMany(created.map((account) => account.employeeId));
    return {
      created: created.length,
      skipped,
      accounts: created.map((account, i) => ({
        login: account.login,
        password: account.password,
        employee: employees[i] instanceof Error ? null : (employees[i] ?? null),
      })),
    };
  }

  @Mutation(() => InitialPasswordType, {
    description:
      'Administrators: a new random password for an account (returned this once); its tokens stop working and its ' +
      'owner must choose a new password at the next login.',
  })
  async resetPassword(
    @Arg('login', () => String, { description: 'Login name of the account.' }) login: string,
    @Ctx() ctx: Context,
  ): Promise<InitialPasswordType> {
    const { user, password } = await resetPassword(ctx.em, ctx.viewer!.login, login);
    return { login: user.login, password, employee: (await accountOf(ctx, user)).employee };
  }

  @Mutation(() => CreateAccountResultType, {
    description:
      'Administrators: one account. AGENCY_HEAD, SUPERVISOR and EMPLOYEE accounts are linked to an employee; ' +
      'LEADER, POLICY, ANALYST and ADMIN accounts may be. Without a password, a random one is returned once.',
  })
  async createAccount(
    @Arg('login', () => String, {
      description: 'Login name: 3-64 lower-case letters, digits, ".", "_" or "-"; or the linked employee\u2019s NIP.',
    })
    login: string,
    @Arg('role', () => RoleEnum, { description: 'Role of the account.' }) role: Role,
    @Ctx() ctx: Context,
    @Arg('employeeNip', () => String, { nullable: true, description: 'NIP of the employee the account belongs to.' })
    employeeNip?: string | null,
    @Arg('displayName', () => String, {
      nullable: true,
      description: 'Name to show, for an account without an employee (e.g. "Wali Kota Sibolga").',
    })
    displayName?: string | null,
    @Arg('password', () => String, {
      nullable: true,
      description: 'The password (at least 10 characters); a random initial one, to be changed, when omitted.',
    })
    password?: string | null,
  ): Promise<CreateAccountResultType> {
    const { user, initialPassword } = await createAccount(ctx.em, ctx.viewer!.login, {
      login,
      role,
      employeeNip,
      displayName,
      password,
    });
    return { account: await accountOf(ctx, user), initialPassword };
  }

  /** The rest of the request runs as the account; the token goes into the cookie when asked. */
  private async startSession(
    ctx: Context,
    result: IssuedToken & { user: User },
    secret: string,
    setCookie: boolean,
  ): Promise<LoginResultType> {
    const viewer: Viewer | null = await viewerForToken(ctx.em, result.token, secret);
    if (viewer) await actAs(ctx, viewer);
    if (setCookie) ctx.res?.cookie(SESSION_COOKIE, result.token, sessionCookieOptions(ctx.config, result.expiresAt));
    return { token: result.token, expiresAt: result.expiresAt, user: await accountOf(ctx, result.user) };
  }
}
