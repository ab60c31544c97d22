import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { accountScope } from '../access/write-rules.js';
import { completionOf, completionSharesOf } from './completion.service.js';
import { AgencyCompletionType, CompletionType } from './completion.types.js';

@Resolver(() => CompletionType)
export class CompletionResolver {
  @Query(() => CompletionType, {
    description:
      'Completion monitor of a period: per agency and assessor, evaluations expected, not started (not evaluated ' +
      'in a closed period), drafted, ' +
      'submitted, objected, acknowledged and final, and who still has work to do. ADMIN and LEADER see every ' +
      "agency; an agency head their agency's; every linked account the evaluations it assesses.",
  })
  async completion(
    @Ctx() ctx: Context,
    @Arg('year', () => Int, { description: 'Year (tahun).' }) year: number,
    @Arg('quarter', () => Int, { description: 'Quarter (triwulan) 1-4.' }) quarter: number,
    @Arg('agencyCode', () => String, { nullable: true, description: 'Only this agency (the one on the evaluations).' })
    agencyCode?: string | null,
  ): Promise<CompletionType> {
    return completionOf(ctx, accountScope(ctx), year, quarter, agencyCode);
  }

  @Query(() => [AgencyCompletionType], {
    description:
      'Per agency, by code: evaluations expected in a period and the shares submitted and final (0-1). An ' +
      'aggregate every caller may read; who exactly is behind stays in `completion`, with its scopes.',
  })
  async completionShares(
    @Ctx() ctx: Context,
    @Arg('year', () => Int, { description: 'Year (tahun).' }) year: number,
    @Arg('quarter', () => Int, { description: 'Quarter (triwulan) 1-4.' }) quarter: number,
  ): Promise<AgencyCompletionType[]> {
    return completionSharesOf(ctx, year, quarter);
  }
}
