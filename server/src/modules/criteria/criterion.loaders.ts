import type DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { byId } from '../../graphql/batching.js';
import { Criterion } from './criterion.entity.js';

export interface CriterionLoaders {
  criterionById: DataLoader<number, Criterion | null>;
}

declare module '../../graphql/context.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Loaders extends CriterionLoaders {}
}

export function createCriterionLoaders(em: EntityManager): CriterionLoaders {
  return { criterionById: byId(em, Criterion) };
}
