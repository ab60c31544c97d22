import type { EntityManager } from '@mikro-orm/postgresql';
import type { ScoringPolicy } from '@kinerja/shared';
import type { CookieOptions, Request, Response } from 'express';
import type { Config } from '../config.js';
import { loadScope, RequestAccess, type Scope } from '../modules/auth/access.js';
import { tokenSecret, viewerForToken } from '../modules/auth/auth.service.js';
import { LoginThrottles } from '../modules/auth/rate-limit.js';
import { anonymousViewer, type Viewer } from '../modules/auth/viewer.js';
import { createLoaders, type Loaders } from './loaders.js';

/** Name of the dashboard's httpOnly session cookie. */
export const SESSION_COOKIE = 'kinerja_session';

/**
 * The session cookie's attributes: not readable by scripts (httpOnly), never sent by another site's page
 * (SameSite=Strict, which with Apollo's CSRF prevention closes cross-site requests), HTTPS only in production, and
 * sent to the API only.
 */
export function sessionCookieOptions(config: Config, expires?: Date): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'strict',
    secure: config.env === 'production',
    path: '/graphql',
    ...(expires ? { expires } : {}),
  };
}

/** What lives as long as the app, not one request: the login throttles. */
export interface AppServices {
  loginThrottles: LoginThrottles;
}

export function createAppServices(): AppServices {
  return { loginThrottles: new LoginThrottles() };
}

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
  /** The access rules applied to this request (visibility of employees met); null exactly when `viewer` is null. */
  access: RequestAccess | null;
  services: AppServices;
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
  services: AppServices = createAppServices(),
): Promise<Context> {
  const em = rootEm.fork() as EntityManager;
  const viewer = await viewerOf(em, config, http.req ? requestToken(http.req) : null);
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
  if (viewer) await actAs(context, viewer);
  return context;
}

/** Makes the rest of the request run as this caller (a login switches from nobody to the account logged in). */
export async function actAs(context: Context, viewer: Viewer): Promise<void> {
  const scope = await loadScope(context.em, viewer);
  context.viewer = viewer;
  context.scope = scope;
  context.access = new RequestAccess(scope, context.em, context.policy.suppressionMinGroup);
}

/** The client's address, for the login throttle (`req.ip`: behind a proxy, see TRUST_PROXY). */
export function clientAddress(context: Pick<Context, 'req'>): string {
  return context.req?.ip ?? context.req?.socket.remoteAddress ?? 'unknown';
}
