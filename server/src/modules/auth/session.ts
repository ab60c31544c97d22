import type { EntityManager } from '@mikro-orm/postgresql';
import type { CookieOptions, Request } from 'express';
import type { Config } from '../../config.js';
import type { Context } from '../../graphql/context.js';
import { loadScope, RequestAccess } from '../access/read-scopes.js';
import { anonymousViewer, type Viewer } from '../access/viewer.js';
import { tokenSecret, viewerForToken } from './auth.service.js';
import type { LoginThrottles } from './rate-limit.js';

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
    // The API: /graphql and the upload of /api/import (the dashboard's pages are served without it being needed).
    path: '/',
    ...(expires ? { expires } : {}),
  };
}

/** What lives as long as the app, not one request: the login throttles. */
export interface AppServices {
  loginThrottles: LoginThrottles;
}

declare module '../../graphql/context.js' {
  /** The app's services, added to the foundation's context (see `graphql/context.ts`). */
  interface Context {
    services: AppServices;
  }
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
