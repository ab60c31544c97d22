import type { ApiModule } from '../../graphql/module.js';
import { CompletionResolver } from './completion.resolver.js';

/** Completion: how far each agency's evaluations of a period have come. */
export const completionModule = {
  name: 'completion',
  resolvers: [CompletionResolver],
} satisfies ApiModule;
