import { Arg, Ctx, Field, InputType, Int, Mutation, Query, Resolver } from 'type-graphql';
import { escapeLike } from '../../graphql/batching.js';
import { connectionType, toConnection, type Connection } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { badUserInput } from '../../graphql/errors.js';
import { checkPageSize, decodeCursor, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../graphql/pagination.js';
import type { Role } from '../access/roles.js';
import { setAccountActive } from './auth.service.js';
import { AccountType, RoleEnum } from './auth.types.js';
import { User } from './user.entity.js';

export const AccountConnection = connectionType('Account', AccountType, 'accounts');

/** Longest search text: a name or a NIP, with room to spare. */
const MAX_SEARCH = 100;

@InputType('AccountFilter', { description: 'Conditions on accounts; all given conditions must hold.' })
export class AccountFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Part of the login, the display name, or the linked employee\u2019s name or NIP (case-insensitive).',
  })
  search?: string | null;

  @Field(() => RoleEnum, { nullable: true, description: 'Only accounts of this role.' })
  role?: Role | null;

  @Field(() => Boolean, { nullable: true, description: 'True: only enabled accounts; false: only disabled ones.' })
  active?: boolean | null;
}

interface AccountRow {
  id: number;
  login: string;
  role: Role;
  displayName: string | null;
  employeeId: number | null;
  mustChangePassword: boolean;
  active: boolean;
  lastLoginAt: Date | null;
}

/** The administrators' list of accounts (docs/access.md#accounts): filtered and paged in SQL, by login. */
async function findAccounts(
  ctx: Context,
  filter: AccountFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<AccountType>> {
  const limit = checkPageSize(first);
  const offset = decodeCursor(after);
  const conditions: string[] = [];
  const params: unknown[] = [];
  const search = filter?.search?.trim() ?? '';
  if (search.length > MAX_SEARCH)
    throw badUserInput('filter.search', { code: 'SEARCH_TOO_LONG', params: { max: MAX_SEARCH } });
  if (search !== '') {
    conditions.push(`(u.login ilike ? or u.display_name ilike ? or e.name ilike ? or e.nip like ?)`);
    const like = `%${escapeLike(search)}%`;
    params.push(like, like, like, like);
  }
  if (filter?.role) {
    conditions.push('u.role = ?');
    params.push(filter.role);
  }
  if (filter?.active !== null && filter?.active !== undefined) {
    conditions.push('u.active = ?');
    params.push(filter.active);
  }
  const where = conditions.length > 0 ? `where ${conditions.join(' and ')}` : '';
  const from = 'from app_user u left join employee e on e.id = u.employee_id';
  const [{ n }] = await ctx.em.execute<{ n: number }[]>(`select count(*)::int as n ${from} ${where}`, params);
  const rows =
    limit === 0 || offset >= n
      ? []
      : await ctx.em.execute<AccountRow[]>(
          `select u.id, u.login, u.role, u.display_name as "displayName", u.employee_id as "employeeId",
                  u.must_change_password as "mustChangePassword", u.active, u.last_login_at as "lastLoginAt"
             ${from} ${where} order by u.login limit ? offset ?`,
          [...params, limit, offset],
        );
  const employees = await ctx.loaders.employeeById.loadMany(rows.flatMap((r) => (r.employeeId ? [r.employeeId] : [])));
  const byId = new Map(employees.flatMap((e) => (e && !(e instanceof Error) ? [[e.id, e] as const] : [])));
  return toConnection(
    rows.map((r) => ({
      login: r.login,
      role: r.role,
      displayName: r.displayName,
      employee: r.employeeId ? (byId.get(r.employeeId) ?? null) : null,
      mustChangePassword: r.mustChangePassword,
      active: r.active,
      lastLoginAt: r.lastLoginAt ? new Date(r.lastLoginAt) : null,
    })),
    offset,
    n,
  );
}

@Resolver()
export class AccountsResolver {
  @Query(() => AccountConnection, {
    description:
      `Administrators: the accounts, by login, a page at a time (at most ${MAX_PAGE_SIZE} a page), with role, ` +
      'linked employee, last login and whether disabled.',
  })
  accounts(
    @Ctx() ctx: Context,
    @Arg('filter', () => AccountFilter, { nullable: true, description: 'Conditions; all must hold.' })
    filter?: AccountFilter | null,
    @Arg('first', () => Int, {
      nullable: true,
      defaultValue: DEFAULT_PAGE_SIZE,
      description: `Page size, 0 to ${MAX_PAGE_SIZE}.`,
    })
    first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Continue after this cursor (`pageInfo.endCursor`).' })
    after?: string | null,
  ): Promise<Connection<AccountType>> {
    return findAccounts(ctx, filter, first, after);
  }

  @Mutation(() => AccountType, {
    description:
      'Administrators: disables an account. It cannot log in, and its tokens stop working (at once on this server, ' +
      'within 30 s on any other); audited as `account.disable`. An administrator cannot disable their own account.',
  })
  async disableAccount(
    @Ctx() ctx: Context,
    @Arg('login', () => String, { description: 'Login name of the account.' }) login: string,
    @Arg('reason', () => String, { nullable: true, description: 'Why (kept in the audit log).' })
    reason?: string | null,
  ): Promise<AccountType> {
    return this.view(ctx, await setAccountActive(ctx.em, ctx.viewer!.login, login, false, reason?.trim() || null));
  }

  @Mutation(() => AccountType, {
    description:
      'Administrators: enables a disabled account again (its owner logs in anew); audited as `account.enable`.',
  })
  async enableAccount(
    @Ctx() ctx: Context,
    @Arg('login', () => String, { description: 'Login name of the account.' }) login: string,
    @Arg('reason', () => String, { nullable: true, description: 'Why (kept in the audit log).' })
    reason?: string | null,
  ): Promise<AccountType> {
    return this.view(ctx, await setAccountActive(ctx.em, ctx.viewer!.login, login, true, reason?.trim() || null));
  }

  private async view(ctx: Context, user: User): Promise<AccountType> {
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
}
