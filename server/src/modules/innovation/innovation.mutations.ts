import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { accountScope } from '../access/write-rules.js';
import { Innovation } from './innovation.entity.js';
import { RecordInnovationInput, VerifyInnovationInput } from './innovation.inputs.js';
import { InnovationType } from './innovation.types.js';
import { recordInnovation, verifyInnovation } from './innovation.workflow.js';

@Resolver()
export class InnovationMutations {
  @Mutation(() => InnovationType, {
    description:
      'Records (proposes) an innovation: the employee for themself, or their supervisor, agency head or an ' +
      'administrator. It counts for the annual rule once verified.',
  })
  async recordInnovation(
    @Ctx() ctx: Context,
    @Arg('input', () => RecordInnovationInput, { description: 'The innovation.' }) input: RecordInnovationInput,
  ): Promise<Innovation> {
    const id = await recordInnovation(ctx.em, accountScope(ctx), input);
    return ctx.em.findOneOrFail(Innovation, { id }, { refresh: true });
  }

  @Mutation(() => InnovationType, {
    description:
      "Verifies an innovation: the innovator's supervisor, the head of their agency or an administrator; never the " +
      'innovator.',
  })
  async verifyInnovation(
    @Ctx() ctx: Context,
    @Arg('input', () => VerifyInnovationInput, { description: 'The innovation.' }) input: VerifyInnovationInput,
  ): Promise<Innovation> {
    const id = await verifyInnovation(ctx.em, accountScope(ctx), input, ctx.policy);
    return ctx.em.findOneOrFail(Innovation, { id }, { refresh: true });
  }
}
