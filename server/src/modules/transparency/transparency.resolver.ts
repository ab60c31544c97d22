import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { checkYear } from '@kinerja/shared';
import { badUserInput, forbidden, throwProblems } from '../../graphql/errors.js';
import { accountScope, mayViewTransparency } from '../access/write-rules.js';
import { Employee } from '../employee/employee.entity.js';
import { findVisibleEmployee } from '../employee/employee.service.js';
import { transparencyOf } from './transparency.service.js';
import { TransparencyType } from './transparency.types.js';

@Resolver(() => TransparencyType)
export class TransparencyResolver {
  @Query(() => TransparencyType, {
    description:
      "An employee's transparency page for a year: the criteria in force, scores and evidence, each step to the " +
      "ratings and predikat, JP against the 20 JP rule, and the assessor. The caller's own by default; another " +
      "employee's for whoever sees that record in full (their supervisors, their agency's head, ADMIN, LEADER).",
  })
  async transparency(
    @Ctx() ctx: Context,
    @Arg('year', () => Int, { description: 'The year, e.g. 2025.' }) year: number,
    @Arg('nip', () => String, { nullable: true, description: "The employee's NIP; omitted: the caller's own." })
    nip?: string | null,
    @Arg('pseudonym', () => String, { nullable: true, description: "The employee's pseudonym, instead of the NIP." })
    pseudonym?: string | null,
  ): Promise<TransparencyType> {
    const scope = accountScope(ctx);
    throwProblems(checkYear(year), null);
    let employee: Employee;
    if ((nip ?? null) === null && (pseudonym ?? null) === null) {
      if (scope.viewer.employeeId === null) {
        throw badUserInput('nip', { code: 'ACCOUNT_NOT_LINKED', params: {} });
      }
      employee = await ctx.em.findOneOrFail(Employee, { id: scope.viewer.employeeId });
    } else {
      // Same answer for a missing and an out-of-scope employee: the page must not reveal which NIPs exist.
      employee = await findVisibleEmployee(ctx.em, ctx.access!, nip, pseudonym);
    }
    if (!mayViewTransparency(scope, { id: employee.id, agencyId: employee.agency.id })) {
      throw forbidden("Only the employee, their reporting line, their agency's head, ADMIN and LEADER see this page");
    }
    return transparencyOf(ctx, employee, year);
  }
}
