import type { Role } from './roles.js';

/**
 * Who is calling. Built once per request from the token (or, in demo mode, an anonymous caller with POLICY's
 * rights); every access decision reads it through `read-scopes.ts`.
 */
export interface Viewer {
  /** Account id; null for the anonymous demo caller. */
  userId: number | null;
  /** Login name for the audit log (`anonymous` for the demo caller). */
  login: string;
  role: Role;
  /** The employee the account is linked to, if any. */
  employeeId: number | null;
  /** The current agency of that employee (an AGENCY_HEAD's agency). */
  agencyId: number | null;
  /** True for the anonymous demo caller, who may only read. */
  anonymous: boolean;
  /**
   * The account still has an initial password (bulk creation, reset): it may only see itself and change the
   * password until it does. Absent means false.
   */
  mustChangePassword?: boolean;
}

/** The caller when there is no token: nobody outside demo mode, a read-only POLICY caller in demo mode. */
export function anonymousViewer(): Viewer {
  return { userId: null, login: 'anonymous', role: 'POLICY', employeeId: null, agencyId: null, anonymous: true };
}
