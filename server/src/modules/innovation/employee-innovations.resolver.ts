import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import type { EmployeeRow } from '../employee/employee.entity.js';
import { EmployeeType } from '../employee/employee.types.js';
import type { Innovation } from './innovation.entity.js';
import { InnovationType } from './innovation.types.js';

/** The field of an Employee that the innovation module owns: their innovations. */
@Resolver(() => EmployeeType)
export class EmployeeInnovationsResolver {
  @FieldResolver(() => [InnovationType], {
    description:
      "Innovations (inovasi) recorded, verified or not; empty when the caller may not see this employee's " +
      'performance data.',
  })
  async innovations(
    @Root() employee: EmployeeRow,
    @Ctx() { loaders }: Context,
    @Arg('year', () => Int, { nullable: true, description: 'Only this year; every year when omitted.' })
    year?: number | null,
  ): Promise<Innovation[]> {
    return loaders.innovationsByEmployee.load({ employeeId: employee.id, year: year ?? null });
  }
}
