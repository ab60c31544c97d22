import { Ctx, Query, Resolver } from 'type-graphql';
import type { ScoringPolicy } from '@kinerja/shared';
import type { Context } from '../../graphql/context.js';
import { keptPolicies } from '../results/index.js';
import { ScoringPolicyType } from './scoring-policy.types.js';

type PolicyAnswer = ScoringPolicy & { inForceFrom: Date | null };

/** Reads the kept versions through the request's connection (`query` over the ORM's `execute`). */
function readerOf(ctx: Context) {
  return {
    query: async <R>(text: string) => ({ rows: await ctx.em.getConnection().execute<R[]>(text), rowCount: null }),
  };
}

@Resolver(() => ScoringPolicyType)
export class ScoringPolicyResolver {
  @Query(() => ScoringPolicyType, {
    description: 'The scoring policy in force: thresholds, weights and rules, with its version.',
  })
  async scoringPolicy(@Ctx() ctx: Context): Promise<PolicyAnswer> {
    const kept = await keptPolicies(readerOf(ctx) as never);
    const current = kept.find((p) => p.version === ctx.policy.version);
    return { ...ctx.policy, inForceFrom: current?.inForceFrom ?? null };
  }

  @Query(() => [ScoringPolicyType], {
    description:
      'Every version of the scoring policy that has been in force, newest first, each with its content and the ' +
      'moment it came into force (a version in force twice is listed twice). Results name theirs by `version`.',
  })
  async scoringPolicies(@Ctx() ctx: Context): Promise<PolicyAnswer[]> {
    const kept = await keptPolicies(readerOf(ctx) as never);
    return kept.map((p) => ({ ...p.content, version: p.version, inForceFrom: p.inForceFrom }));
  }
}
