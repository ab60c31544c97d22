import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { unwrapAll } from '../../graphql/batching.js';
import type { Connection } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { notFound } from '../../graphql/errors.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../graphql/pagination.js';
import type { Employee } from '../employee/employee.entity.js';
import { EmployeeType } from '../employee/employee.types.js';
import type { Participation } from './participation.entity.js';
import { Training } from './training.entity.js';
import { findTrainings } from './training.service.js';
import {
  ParticipationType,
  TrainingConnection,
  TrainingOrderEnum,
  TrainingType,
  type TrainingOrder,
} from './training.types.js';

@Resolver(() => TrainingType)
export class TrainingResolver {
  @Query(() => TrainingConnection, {
    description: `Trainings (pelatihan), by code, a page at a time (at most ${MAX_PAGE_SIZE} a page).`,
  })
  async trainings(
    @Ctx() { em }: Context,
    @Arg('first', () => Int, {
      nullable: true,
      defaultValue: DEFAULT_PAGE_SIZE,
      description: `Page size, 0 to ${MAX_PAGE_SIZE}.`,
    })
    first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Continue after this cursor (`pageInfo.endCursor`).' })
    after?: string | null,
    @Arg('agencyCode', () => String, {
      nullable: true,
      description: "Only the agency's trainings: those an employee of the agency completed.",
    })
    agencyCode?: string | null,
    @Arg('orderBy', () => TrainingOrderEnum, {
      nullable: true,
      description: 'Order of the rows; by code when omitted. Ties are broken by id.',
    })
    orderBy?: TrainingOrder | null,
  ): Promise<Connection<Training>> {
    return findTrainings(em, { first, after, agencyCode, orderBy });
  }

  @Query(() => TrainingType, { description: 'One training by code; NOT_FOUND when there is none.' })
  async training(
    @Ctx() { em }: Context,
    @Arg('code', () => String, { description: 'Training code.' }) code: string,
  ): Promise<Training> {
    const training = await em.findOne(Training, { code });
    if (!training) throw notFound({ code: 'TRAINING_NOT_FOUND', params: { code } });
    return training;
  }

  @FieldResolver(() => [String], {
    description:
      'Codes of the criteria the training aims to improve (e.g. `DISIPLIN`); a code covers the criteria of that ' +
      'code of every agency.',
  })
  criteria(@Root() training: Training): string[] {
    return training.criterionCodes;
  }

  @FieldResolver(() => [ParticipationType], {
    description:
      'Participations (peserta) in every status: those of employees whose records the caller may see (in full or ' +
      'pseudonymised).',
  })
  async participants(@Root() training: Training, @Ctx() { loaders, access }: Context): Promise<Participation[]> {
    const participations = await loaders.participationsByTraining.load(training.id);
    const employees = unwrapAll(await loaders.employeeById.loadMany(participations.map((p) => p.employee.id)));
    const visible = new Set(
      (
        await access!.visibleEmployees(
          employees.flatMap((e) => (e ? [e] : [])),
          'ROWS',
        )
      ).map((e) => e.id),
    );
    return participations.filter((p) => visible.has(p.employee.id));
  }
}

@Resolver(() => ParticipationType)
export class ParticipationResolver {
  @FieldResolver(() => EmployeeType, { description: 'The participant.' })
  async employee(@Root() participation: Participation, @Ctx() { loaders, access }: Context): Promise<Employee> {
    return access!.requireVisible((await loaders.employeeById.load(participation.employee.id))!, 'The participant');
  }

  @FieldResolver(() => TrainingType, { description: 'The training.' })
  async training(@Root() participation: Participation, @Ctx() { loaders }: Context): Promise<Training> {
    return (await loaders.trainingById.load(participation.training.id))!;
  }
}
