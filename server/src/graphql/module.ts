import type { EntityManager } from '@mikro-orm/postgresql';
import type { NonEmptyArray } from 'type-graphql';

/**
 * What a module gives the assembly (`api/`) through its `index.ts`: its resolvers (queries, mutations, and the
 * fields it adds to other modules' types) and, when it has any, a function that builds its batched loaders. The
 * access rules the resolvers ask are the access module's (`modules/access/`). See docs/architecture.md.
 */
export interface ApiModule {
  /** The module's name, its folder under `modules/`. */
  name: string;
  resolvers: NonEmptyArray<Function>;
  /** Builds the module's loaders for one request (they join the request's `Loaders`, see `graphql/context.ts`). */
  createLoaders?: (em: EntityManager, ...dependencies: never[]) => object;
}
