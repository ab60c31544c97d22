import { Arg, Ctx, FieldResolver, Float, Int, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import type { EmployeeRow } from '../employee/employee.entity.js';
import { EmployeeType } from '../employee/employee.types.js';
import type { Participation } from './participation.entity.js';
import { ParticipationType } from './training.types.js';

/** The fields of an Employee that the training module owns: training hours and participations. */
@Resolver(() => EmployeeType)
export class EmployeeTrainingResolver {
  @FieldResolver(() => Float, {
    nullable: true,
    description:
      'JP (jam pelajaran) of COMPLETED trainings completed in the calendar year; 0 when none. PNS should reach 20 ' +
      "(PP 11/2017 Pasal 203). Null when the caller may not see this employee's performance data.",
  })
  async trainingHours(
    @Root() employee: EmployeeRow,
    @Ctx() { loaders }: Context,
    @Arg('year', () => Int, { description: 'The calendar year, e.g. 2025.' }) year: number,
  ): Promise<number | null> {
    return loaders.trainingHours.load({ employeeId: employee.id, year });
  }

  @FieldResolver(() => [ParticipationType], {
    description:
      "Training participations, newest completion first; empty when the caller may not see this employee's performance data.",
  })
  async participations(
    @Root() employee: EmployeeRow,
    @Ctx() { loaders }: Context,
    @Arg('year', () => Int, {
      nullable: true,
      description: 'Only those completed in this calendar year; all (also enrolled or dropped) when omitted.',
    })
    year?: number | null,
  ): Promise<Participation[]> {
    return loaders.participationsByEmployee.load({ employeeId: employee.id, year: year ?? null });
  }
}
