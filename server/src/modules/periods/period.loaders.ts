import type DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { byId } from '../../graphql/batching.js';
import { Period } from './period.entity.js';

export interface PeriodLoaders {
  periodById: DataLoader<number, Period | null>;
}

declare module '../../graphql/context.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Loaders extends PeriodLoaders {}
}

export function createPeriodLoaders(em: EntityManager): PeriodLoaders {
  return { periodById: byId(em, Period) };
}
