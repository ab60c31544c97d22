import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { OrgPerformance } from './org-performance.entity.js';
import { orgPerformanceOf, type AgencyYear } from './org-performance.service.js';

export interface OrgPerformanceLoaders {
  orgPerformance: DataLoader<AgencyYear, OrgPerformance | null, string>;
}

declare module '../../graphql/context.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Loaders extends OrgPerformanceLoaders {}
}

export function createOrgPerformanceLoaders(em: EntityManager): OrgPerformanceLoaders {
  return {
    orgPerformance: new DataLoader<AgencyYear, OrgPerformance | null, string>((keys) => orgPerformanceOf(em, keys), {
      cacheKeyFn: ({ agencyId, year }) => `${agencyId}:${year}`,
    }),
  };
}
