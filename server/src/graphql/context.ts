import type { EntityManager } from '@mikro-orm/postgresql';
import type { ScoringPolicy } from '@kinerja/shared';
import { createLoaders, type Loaders } from './loaders.js';

/** What every resolver gets: its own EntityManager (a fork per request), batched loaders and the policy in force. */
export interface Context {
  em: EntityManager;
  loaders: Loaders;
  policy: ScoringPolicy;
}

export function createContext(em: EntityManager, policy: ScoringPolicy): Context {
  const forked = em.fork() as EntityManager;
  return { em: forked, loaders: createLoaders(forked, policy), policy };
}
