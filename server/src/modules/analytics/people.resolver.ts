import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import type { Employee } from '../employee/employee.entity.js';
import { Training } from '../training/training.entity.js';
import {
  EmployeeType,
  RaterObjectivityInput,
  RaterStatType,
  TrainingImpactInput,
  TrainingImpactType,
  TrainingNeedType,
  TrainingType,
} from './people.types.js';
import { raterObjectivity, type RaterStatRow } from './rater-objectivity.service.js';
import { trainingImpact } from './training-impact.service.js';
import { trainingNeeds, type TrainingNeedRow } from './training-needs.service.js';

/**
 * The person a row is about, as a row of performance data (FULL, or PSEUDONYMOUS for POLICY and ANALYST: the
 * pseudonym with generalised attributes); null when the caller may not see them.
 */
async function rowOf(access: NonNullable<Context['access']>, employee: Employee | null): Promise<Employee | null> {
  if (!employee) return null;
  return (await access.visibleEmployees([employee], 'ROWS'))[0] ?? null;
}

type RaterStatValue = RaterStatRow & { assessor?: Employee };
type TrainingNeedValue = TrainingNeedRow & { employee?: Employee; trainings?: Training[] };

/** The analytics queries about people: training impact, rater objectivity, training needs (docs/analytics.md). */
@Resolver()
export class PeopleAnalyticsResolver {
  @Query(() => TrainingImpactType, {
    description:
      'Training impact: difference in differences stacked by cohort (agency x quarter of the first completed ' +
      'in-scope training) against untrained colleagues of the same agency, with a 95% interval and a pre-trend ' +
      'check. Scope: a training, an agency, both, or neither. Suppressed for every caller when fewer treated or ' +
      'control employees than the policy minimum (5); for POLICY and ANALYST below the larger of that and the ' +
      'minimum group size (5).',
  })
  trainingImpact(
    @Ctx() ctx: Context,
    @Arg('input', () => TrainingImpactInput, { description: 'Training, agency and window.' })
    input: TrainingImpactInput,
  ): Promise<TrainingImpactType> {
    return trainingImpact(ctx, input);
  }

  @Query(() => [RaterStatType], {
    description:
      'Rater objectivity: per assessor, leniency (employee as the unit), its z, the mean given and warning flags, ' +
      'over judged scores of a quarter range and optionally one agency. ADMIN and LEADER see all, an agency head ' +
      'their agency; POLICY and ANALYST see assessors pseudonymised, the numbers of one who rated fewer employees ' +
      'than the policy minimum withheld. Others are refused.',
  })
  async raterObjectivity(
    @Ctx() ctx: Context,
    @Arg('input', () => RaterObjectivityInput, { description: 'Quarter range and agency.' })
    input: RaterObjectivityInput,
  ): Promise<RaterStatValue[]> {
    return raterObjectivity(ctx, input);
  }

  @Query(() => [TrainingNeedType], {
    description:
      "Training needs: criteria scored below the policy threshold (90) in both of an employee's last two counted " +
      'evaluations that scored them, with the trainings aimed at them not yet completed. ADMIN and LEADER see all, ' +
      'an agency head their agency, a supervisor their reporting line, POLICY and ANALYST pseudonymised rows. ' +
      'Others are refused.',
  })
  trainingNeeds(
    @Ctx() ctx: Context,
    @Arg('agencyCode', () => String, {
      nullable: true,
      description: 'Only employees whose current record is in this agency; omit for every one the caller may see.',
    })
    agencyCode?: string | null,
  ): Promise<TrainingNeedValue[]> {
    return trainingNeeds(ctx, agencyCode);
  }
}

@Resolver(() => RaterStatType)
export class RaterStatResolver {
  @FieldResolver(() => EmployeeType, {
    nullable: true,
    description:
      "The assessor (pseudonymised for POLICY and ANALYST); null when the caller may not see that person's record.",
  })
  async assessor(@Root() row: RaterStatValue, @Ctx() { loaders, access }: Context): Promise<Employee | null> {
    return rowOf(access!, await loaders.employeeById.load(row.assessorId));
  }
}

@Resolver(() => TrainingNeedType)
export class TrainingNeedResolver {
  @FieldResolver(() => EmployeeType, {
    nullable: true,
    description: 'The employee (pseudonymised for POLICY and ANALYST); null when the caller may not see the record.',
  })
  async employee(@Root() row: TrainingNeedValue, @Ctx() { loaders, access }: Context): Promise<Employee | null> {
    return rowOf(access!, await loaders.employeeById.load(row.employeeId));
  }

  @FieldResolver(() => [TrainingType], {
    description: 'Trainings aimed at the criterion that the employee has not completed, by code.',
  })
  async trainings(@Root() row: TrainingNeedValue, @Ctx() { em }: Context): Promise<Training[]> {
    if (row.trainingIds.length === 0) return [];
    return em.find(Training, { id: { $in: row.trainingIds } }, { orderBy: { code: 'asc' } });
  }
}
