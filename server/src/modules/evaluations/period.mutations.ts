import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { forbidden } from '../../graphql/errors.js';
import { accountScope, mayManagePeriods } from '../access/write-rules.js';
import { Period } from '../periods/period.entity.js';
import { ClosePeriodResultType, PeriodChangeInput } from '../periods/period.inputs.js';
import { PeriodType } from '../periods/period.types.js';
import { closePeriod, openPeriod } from './period.workflow.js';

function administrator(ctx: Context): string {
  const scope = accountScope(ctx);
  if (!mayManagePeriods(scope)) throw forbidden({ code: 'ONLY_ADMIN', params: { action: 'PERIODS' } });
  return scope.viewer.login;
}

@Resolver()
export class PeriodMutations {
  @Mutation(() => PeriodType, {
    description: 'Opens a new period (administrators): it takes scores. A period that exists is never reopened.',
  })
  async openPeriod(
    @Ctx() ctx: Context,
    @Arg('input', () => PeriodChangeInput, { description: 'The period and why.' }) input: PeriodChangeInput,
  ): Promise<Period> {
    const id = await openPeriod(ctx.em, administrator(ctx), input);
    return ctx.em.findOneOrFail(Period, { id }, { refresh: true });
  }

  @Mutation(() => ClosePeriodResultType, {
    description:
      'Closes a period (administrators): it takes no new or changed scores, and every evaluation of it that is not ' +
      'DRAFT or OBJECTED is finalised, its results stored with the policy version.',
  })
  async closePeriod(
    @Ctx() ctx: Context,
    @Arg('input', () => PeriodChangeInput, { description: 'The period and why.' }) input: PeriodChangeInput,
  ): Promise<ClosePeriodResultType> {
    const login = administrator(ctx);
    const closed = await closePeriod(ctx.em, { login, policy: ctx.policy }, input);
    const period = await ctx.em.findOneOrFail(Period, { id: closed.periodId }, { refresh: true });
    return { period, finalized: closed.finalized, drafts: closed.drafts, objected: closed.objected };
  }
}
