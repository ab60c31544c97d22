import { Ctx, Query, Resolver } from 'type-graphql';
import type { ScoringPolicy } from '@kinerja/shared';
import type { Context } from '../../graphql/context.js';
import { ScoringPolicyType } from './scoring-policy.types.js';

@Resolver(() => ScoringPolicyType)
export class ScoringPolicyResolver {
  @Query(() => ScoringPolicyType, {
    description: 'The scoring policy in force: thresholds, weights and rules, with its version.',
  })
  scoringPolicy(@Ctx() { policy }: Context): ScoringPolicy {
    return policy;
  }
}
