import type { EntityManager } from '@mikro-orm/postgresql';
import type { ScoringPolicy } from '@kinerja/shared';
import type { Request, Response } from 'express';
import type { Config } from '../config.js';
import { loadScope, type Scope } from '../modules/auth/access.js';
import { tokenSecret, viewerForToken } from '../modules/auth/auth.service.js';
import { anonymousViewer, type Viewer } from '../modules/auth/viewer.js';
import { createLoaders, type Loaders } from './loaders.js';

/** Name of the dashboard's httpOnly session cookie. */
export const SESSION_COOKIE = 'kinerja_session';

/**
 * What every resolver gets: its own EntityManager (a fork per request), batched loaders, the policy in force, and the
 * caller (`viewer`, null when nobody is logged in outside demo mode) with their `scope`.
 */
export interface Context {
  em: EntityManager;
  loaders: Loaders;
  policy: ScoringPolicy;
  config: Config;
  viewer: Viewer | null;
  /** The caller's scope; null exactly when `viewer` is null. */
  scope: Scope | null;
  /** The HTTP exchange (login sets and logout clears the session cookie); absent outside HTTP. */
  req?: Request;
  res?: Response;
}

/** The token a request carries: `Authorization: Bearer <token>` (tools) or the session cookie (dashboard). */
export function requestToken(req: Request): string | null {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim() || null;
  const cookies = (req as Request & { cookies?: Record<string, string> }).cookies;
  return cookies?.[SESSION_COOKIE] ?? null;
}

/** The caller of a request: the token's account, else the anonymous demo caller in demo mode, else nobody. */
export async function viewerOf(em: EntityManager, config: Config, token: string | null): Promise<Viewer | null> {
  if (token) {
    const viewer = await viewerForToken(em, token, await tokenSecret(em, config.tokenSecret));
    if (viewer) return viewer;
  }
  return config.demoMode ? anonymousViewer() : null;
}

export async function createContext(
  rootEm: EntityManager,
  config: Config,
  http: { req?: Request; res?: Response } = {},
): Promise<Context> {
  const em = rootEm.fork() as EntityManager;
  const viewer = await viewerOf(em, config, http.req ? requestToken(http.req) : null);
  const scope = viewer ? await loadScope(em, viewer) : null;
  return {
    em,
    loaders: createLoaders(em, config.policy),
    policy: config.policy,
    config,
    viewer,
    scope,
    req: http.req,
    res: http.res,
  };
}
