import type { ApiModule } from '../../graphql/module.js';
import { ScoringPolicyResolver } from './scoring-policy.resolver.js';

/** The scoring policy in force, as a read. */
export const policyModule = {
  name: 'policy',
  resolvers: [ScoringPolicyResolver],
} satisfies ApiModule;
