import type { EntityManager } from '@mikro-orm/postgresql';
import type { Request, Response } from 'express';
import type { Config } from '../config.js';
import type { Context } from '../graphql/context.js';
import { actAs, requestToken, viewerOf, type AppServices } from '../modules/auth/session.js';
import { LoginThrottles } from '../modules/auth/rate-limit.js';
import { createLoaders } from './loaders.js';

export type { Context } from '../graphql/context.js';

export function createAppServices(): AppServices {
  return { loginThrottles: new LoginThrottles() };
}

/**
 * The context of one request (see `Context` in `graphql/context.ts` and what the modules add to it): a fork of the
 * EntityManager, the loader set of every module, the policy in force, and the caller with their scope.
 */
export async function createContext(
  rootEm: EntityManager,
  config: Config,
  http: { req?: Request; res?: Response } = {},
  services: AppServices = createAppServices(),
): Promise<Context> {
  const em = rootEm.fork() as EntityManager;
  const token = http.req ? requestToken(http.req) : null;
  const viewer = await viewerOf(em, config, token);
  const context: Context = {
    em,
    loaders: createLoaders(em, config.policy),
    policy: config.policy,
    config,
    viewer: null,
    scope: null,
    access: null,
    services,
    req: http.req,
    res: http.res,
  };
  // A token that names nobody (invalid, expired, revoked) is refused, not read as anonymous (security/plugin.ts).
  if (token && (!viewer || viewer.anonymous)) {
    context.tokenRejected = http.req?.headers.authorization?.startsWith('Bearer ') ? 'header' : 'cookie';
  }
  if (viewer) await actAs(context, viewer);
  return context;
}
