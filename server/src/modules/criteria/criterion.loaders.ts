import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { byId } from '../../graphql/batching.js';
import { Criterion } from './criterion.entity.js';

export interface CriterionLoaders {
  criterionById: DataLoader<number, Criterion | null>;
  /** Every criterion code of the catalogue (any agency), read once per request; the key is ignored (pass `true`). */
  knownCriterionCodes: DataLoader<true, ReadonlySet<string>>;
}

declare module '../../graphql/context.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Loaders extends CriterionLoaders {}
}

export function createCriterionLoaders(em: EntityManager): CriterionLoaders {
  return {
    criterionById: byId(em, Criterion),
    knownCriterionCodes: new DataLoader<true, ReadonlySet<string>>(async (keys) => {
      const rows: { code: string }[] = await em.getConnection().execute('select distinct code from criterion');
      const codes = new Set(rows.map((row) => row.code));
      return keys.map(() => codes);
    }),
  };
}
