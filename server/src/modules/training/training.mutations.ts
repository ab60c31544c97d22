import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { accountScope } from '../access/write-rules.js';
import { Participation } from './participation.entity.js';
import { Training } from './training.entity.js';
import { CreateTrainingInput, RecordParticipationInput } from './training.inputs.js';
import { ParticipationType, TrainingType } from './training.types.js';
import { createTraining, recordParticipation } from './training.workflow.js';

@Resolver()
export class TrainingMutations {
  @Mutation(() => TrainingType, { description: 'Creates a training (administrators).' })
  async createTraining(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateTrainingInput, { description: 'The training.' }) input: CreateTrainingInput,
  ): Promise<Training> {
    const id = await createTraining(ctx.em, accountScope(ctx), input);
    return ctx.em.findOneOrFail(Training, { id }, { refresh: true });
  }

  @Mutation(() => ParticipationType, {
    description:
      "Records an employee's participation in a training (created or replaced): an administrator, or the head of " +
      "the employee's agency.",
  })
  async recordParticipation(
    @Ctx() ctx: Context,
    @Arg('input', () => RecordParticipationInput, { description: 'The participation.' })
    input: RecordParticipationInput,
  ): Promise<Participation> {
    const id = await recordParticipation(ctx.em, accountScope(ctx), input);
    return ctx.em.findOneOrFail(Participation, { id }, { refresh: true });
  }
}
