import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { forbidden } from '../../graphql/errors.js';
import { accountScope, mayManageCriteria } from '../access/write-rules.js';
import { Criterion } from './criterion.entity.js';
import { CreateCriterionInput, ReplaceCriterionWeightsInput } from './criterion.inputs.js';
import { CriterionType } from './criterion.types.js';
import { createCriterion, replaceCriterionWeights } from './criterion.workflow.js';

function administrator(ctx: Context): string {
  const scope = accountScope(ctx);
  if (!mayManageCriteria(scope)) throw forbidden({ code: 'ONLY_ADMIN', params: { action: 'CRITERIA' } });
  return scope.viewer.login;
}

@Resolver()
export class CriterionMutations {
  @Mutation(() => CriterionType, {
    description:
      'Creates a criterion (administrators), with changed weights of the others where needed: for every agency it ' +
      'applies to, the weights of its category must still sum to 100.',
  })
  async createCriterion(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateCriterionInput, { description: 'The criterion.' }) input: CreateCriterionInput,
  ): Promise<Criterion> {
    const id = await createCriterion(ctx.em, administrator(ctx), input, ctx.policy);
    return ctx.em.findOneOrFail(Criterion, { id }, { refresh: true });
  }

  @Mutation(() => [CriterionType], {
    description:
      'Replaces the weights of one agency, year and category at once (administrators); they must sum to 100. ' +
      'Answers the criteria in force for that agency, year and category afterwards.',
  })
  async replaceCriterionWeights(
    @Ctx() ctx: Context,
    @Arg('input', () => ReplaceCriterionWeightsInput, { description: 'The agency, year, category and weights.' })
    input: ReplaceCriterionWeightsInput,
  ): Promise<Criterion[]> {
    const ids = await replaceCriterionWeights(ctx.em, administrator(ctx), input, ctx.policy);
    return ctx.em.find(Criterion, { id: { $in: ids } }, { orderBy: { id: 'asc' }, refresh: true });
  }
}
