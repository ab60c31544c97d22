import type { ApiModule } from '../../graphql/module.js';
import { createCriterionLoaders } from './criterion.loaders.js';
import { CriterionMutations } from './criterion.mutations.js';
import { CriterionResolver } from './criterion.resolver.js';

/** Appraisal criteria and their weights per agency: queries, creation and re-weighting. */
export const criteriaModule = {
  name: 'criteria',
  resolvers: [CriterionResolver, CriterionMutations],
  createLoaders: createCriterionLoaders,
} satisfies ApiModule;
