import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Connection } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { MAX_PAGE_SIZE } from '../../graphql/pagination.js';
import type { Agency } from '../agency/agency.entity.js';
import { AgencyType } from '../agency/agency.types.js';
import type { Employee } from '../employee/employee.entity.js';
import { EmployeeType } from '../employee/employee.types.js';
import { findAnnualResults } from './annual-result.service.js';
import {
  AnnualResultConnection,
  AnnualResultRowType,
  AnnualResultsArgs,
  type AnnualResultListRow,
} from './annual-result.types.js';

@Resolver(() => AnnualResultRowType)
export class AnnualResultListResolver {
  @Query(() => AnnualResultConnection, {
    description:
      'Stored annual results (evaluasi tahunan), one row per employee and year, filtered and ordered (highest ' +
      `score first unless \`orderBy\` says otherwise), a page at a time (at most ${MAX_PAGE_SIZE} a page). A ` +
      'caller sees the rows of the employees `employees` lists for them, pseudonymised the same way.',
  })
  async annualResults(
    @Ctx() { em, scope, policy }: Context,
    @Args(() => AnnualResultsArgs) args: AnnualResultsArgs,
  ): Promise<Connection<AnnualResultListRow>> {
    return findAnnualResults(em, scope!, { ...args, scoreMax: policy.scoreMax });
  }

  @FieldResolver(() => EmployeeType, { description: 'The employee whose year it is.' })
  async employee(@Root() row: AnnualResultListRow, @Ctx() { loaders, access }: Context): Promise<Employee> {
    return access!.requireVisible((await loaders.employeeById.load(row.employeeId))!, 'The employee');
  }

  @FieldResolver(() => AgencyType, {
    nullable: true,
    description: "The agency stored with the result (the employee's agency that year); null if none was stored.",
  })
  async agency(@Root() row: AnnualResultListRow, @Ctx() { loaders }: Context): Promise<Agency | null> {
    return row.agencyId === null ? null : await loaders.agencyById.load(row.agencyId);
  }
}
