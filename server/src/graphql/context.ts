import type { EntityManager } from '@mikro-orm/postgresql';
import type { ScoringPolicy } from '@kinerja/shared';
import type { Request, Response } from 'express';
import type { Config } from '../config.js';

/**
 * The batched loaders of one request (a nested query over N rows asks the database once per level, not once per
 * row). Empty here on purpose: the foundation knows no module. Each module adds its loaders to this interface in its
 * `*.loaders.ts` (TypeScript declaration merging), and `api/loaders.ts` builds the whole set, so a loader missing
 * from the set fails the type check. See docs/architecture.md.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Loaders {}

/**
 * What every resolver gets: its own EntityManager (a fork per request), the batched loaders and the policy in force.
 * The access module adds the caller (`viewer`, `scope`, `access`) and the auth module the app's services, the same
 * way as the loaders; `api/context.ts` builds the whole context for each request.
 */
export interface Context {
  em: EntityManager;
  loaders: Loaders;
  policy: ScoringPolicy;
  config: Config;
  /** The HTTP exchange (login sets and logout clears the session cookie); absent outside HTTP. */
  req?: Request;
  res?: Response;
}
