import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Connection } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { badUserInput, notFound } from '../../graphql/errors.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../graphql/pagination.js';
import type { Employee } from '../employee/employee.entity.js';
import { findEmployees } from '../employee/employee.service.js';
import { EmployeeConnection } from '../employee/employee.types.js';
import { Agency, type AgencyRow } from './agency.entity.js';
import { AgencyType } from './agency.types.js';

/** Agency codes as the import format writes them. */
const AGENCY_CODE = /^[A-Z0-9_]{2,32}$/;

@Resolver(() => AgencyType)
export class AgencyResolver {
  @Query(() => [AgencyType], { description: 'Every agency (perangkat daerah), ordered by code.' })
  async agencies(@Ctx() { em }: Context): Promise<Agency[]> {
    return em.find(Agency, {}, { orderBy: { code: 'asc' } });
  }

  @Query(() => AgencyType, { description: 'One agency by its code; NOT_FOUND when there is none.' })
  async agency(
    @Arg('code', () => String, { description: 'Agency code, e.g. `DISDIK`.' }) code: string,
    @Ctx() { em }: Context,
  ): Promise<Agency> {
    if (!AGENCY_CODE.test(code)) {
      throw badUserInput(
        'code',
        `"${code}" is not an agency code: use 2-32 capital letters, digits or _ (e.g. DISDIK)`,
      );
    }
    const agency = await em.findOne(Agency, { code });
    if (!agency) throw notFound(`Agency ${code}`);
    return agency;
  }

  @FieldResolver(() => Int)
  async employeeCount(@Root() agency: AgencyRow, @Ctx() { loaders }: Context): Promise<number> {
    return loaders.employeeCountByAgency.load(agency.id);
  }

  @FieldResolver(() => EmployeeConnection, {
    description:
      `The agency's employees (current records) that the caller may see, a page at a time (at most ` +
      `${MAX_PAGE_SIZE}); by name, or by pseudonym for pseudonymised callers.`,
  })
  async employees(
    @Root() agency: AgencyRow,
    @Ctx() { em, scope }: Context,
    @Arg('first', () => Int, {
      nullable: true,
      defaultValue: DEFAULT_PAGE_SIZE,
      description: `Page size, 0 to ${MAX_PAGE_SIZE}.`,
    })
    first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Continue after this cursor (`pageInfo.endCursor`).' })
    after?: string | null,
  ): Promise<Connection<Employee>> {
    return findEmployees(em, scope!, { first, after, agencyId: agency.id });
  }
}
