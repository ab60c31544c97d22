import type DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { byId } from '../../graphql/batching.js';
import { Agency } from './agency.entity.js';

export interface AgencyLoaders {
  agencyById: DataLoader<number, Agency | null>;
}

declare module '../../graphql/context.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Loaders extends AgencyLoaders {}
}

export function createAgencyLoaders(em: EntityManager): AgencyLoaders {
  return { agencyById: byId(em, Agency) };
}
