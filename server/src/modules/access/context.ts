import type { RequestAccess, Scope } from './read-scopes.js';
import type { Viewer } from './viewer.js';

declare module '../../graphql/context.js' {
  /** The caller of the request, added to the foundation's context (see `graphql/context.ts`). */
  interface Context {
    /** The caller; null when nobody is logged in outside demo mode. */
    viewer: Viewer | null;
    /** The caller's scope; null exactly when `viewer` is null. */
    scope: Scope | null;
    /** The access rules applied to this request (visibility of employees met); null exactly when `viewer` is null. */
    access: RequestAccess | null;
  }
}
