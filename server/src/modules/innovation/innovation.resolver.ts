import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import type { Employee } from '../employee/employee.entity.js';
import { EmployeeType } from '../employee/employee.types.js';
import type { Innovation } from './innovation.entity.js';
import { InnovationType } from './innovation.types.js';

@Resolver(() => InnovationType)
export class InnovationResolver {
  @FieldResolver(() => EmployeeType, { description: 'The employee whose innovation it is.' })
  async employee(@Root() innovation: Innovation, @Ctx() { loaders, access }: Context): Promise<Employee> {
    return access!.requireVisible((await loaders.employeeById.load(innovation.employee.id))!, 'The innovator');
  }

  @FieldResolver(() => Boolean, {
    description: 'True once verified (by the supervisor, the agency head or an administrator); only then it counts.',
  })
  verified(@Root() innovation: Innovation): boolean {
    return innovation.verifiedAt !== null || innovation.verifiedBy !== null;
  }

  @FieldResolver(() => EmployeeType, {
    nullable: true,
    description:
      'Who verified it; null while unverified, or when an administrator without an employee record did; for ' +
      'pseudonymised callers (POLICY, ANALYST) null unless they see that person in full.',
  })
  async verifiedBy(@Root() innovation: Innovation, @Ctx() { loaders, access }: Context): Promise<Employee | null> {
    if (!innovation.verifiedBy) return null;
    return access!.visibleEmployee(await loaders.employeeById.load(innovation.verifiedBy.id));
  }
}
