import type { ApiModule } from '../../graphql/module.js';
import { createOrgPerformanceLoaders } from './org-performance.loaders.js';
import { OrgPerformanceMutations } from './org-performance.mutations.js';
import { AgencyPerformanceResolver } from './org-performance.resolver.js';

/** An agency's organisational performance (predikat kinerja organisasi): proposal, setting, and its reads. */
export const orgPerformanceModule = {
  name: 'org-performance',
  resolvers: [AgencyPerformanceResolver, OrgPerformanceMutations],
  createLoaders: createOrgPerformanceLoaders,
} satisfies ApiModule;
