import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { Connection } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../graphql/pagination.js';
import type { AgencyRow } from '../agency/agency.entity.js';
import { AgencyType } from '../agency/agency.types.js';
import type { Employee } from './employee.entity.js';
import { findEmployees } from './employee.service.js';
import { EmployeeConnection } from './employee.types.js';

/** The fields of an Agency that the employee module owns: its employees and their count. */
@Resolver(() => AgencyType)
export class AgencyEmployeesResolver {
  @FieldResolver(() => Int)
  employeeCount(@Root() agency: AgencyRow, @Ctx() { loaders }: Context): number | Promise<number> {
    // `agencies` counts them with the rows (docs/benchmarks.md); an agency reached otherwise through the loader.
    return agency.employeeCount ?? loaders.employeeCountByAgency.load(agency.id);
  }

  @FieldResolver(() => EmployeeConnection, {
    description:
      `The agency's employees (current records) that the caller may see, a page at a time (at most ` +
      `${MAX_PAGE_SIZE}); by name, or by pseudonym for pseudonymised callers.`,
  })
  async employees(
    @Root() agency: AgencyRow,
    @Ctx() { em, access }: Context,
    @Arg('first', () => Int, {
      nullable: true,
      defaultValue: DEFAULT_PAGE_SIZE,
      description: `Page size, 0 to ${MAX_PAGE_SIZE}.`,
    })
    first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Continue after this cursor (`pageInfo.endCursor`).' })
    after?: string | null,
  ): Promise<Connection<Employee>> {
    return findEmployees(em, access!, { first, after, agencyId: agency.id });
  }
}
