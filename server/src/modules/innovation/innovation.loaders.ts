import type DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { byEmployeeYear, type EmployeeYear } from '../../graphql/batching.js';
import type { Innovation } from './innovation.entity.js';
import { innovationsOfEmployees } from './innovation.service.js';

export interface InnovationLoaders {
  innovationsByEmployee: DataLoader<EmployeeYear, Innovation[], string>;
}

declare module '../../graphql/context.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Loaders extends InnovationLoaders {}
}

export function createInnovationLoaders(em: EntityManager): InnovationLoaders {
  return { innovationsByEmployee: byEmployeeYear((keys) => innovationsOfEmployees(em, keys)) };
}
