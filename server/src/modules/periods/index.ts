import type { ApiModule } from '../../graphql/module.js';
import { createPeriodLoaders } from './period.loaders.js';
import { PeriodResolver } from './period.resolver.js';

/** The appraisal calendar: periods (quarters) and their queries. Closing a period is the evaluations module's. */
export const periodsModule = {
  name: 'periods',
  resolvers: [PeriodResolver],
  createLoaders: createPeriodLoaders,
} satisfies ApiModule;
