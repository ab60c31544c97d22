/**
 * Account roles (docs/access.md). An account linked to an employee also always has that employee's own
 * rights and a supervisor's rights over its direct reports, whatever its role; the role adds to them.
 */
export const ROLES = ['ADMIN', 'LEADER', 'POLICY', 'ANALYST', 'AGENCY_HEAD', 'SUPERVISOR', 'EMPLOYEE'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  ADMIN: 'Administrator (BKPSDM): sees and changes everything, including criteria, periods, imports and accounts.',
  LEADER: 'Leader (Wali Kota, Sekda): sees everything; sets the agencies\u2019 org predikat.',
  POLICY: 'Policy staff: aggregates of all agencies; individual rows only pseudonymised; changes nothing.',
  ANALYST: 'Analyst: aggregates of all agencies; individual rows only pseudonymised; changes nothing.',
  AGENCY_HEAD:
    'Agency head (kepala perangkat daerah): everything of their agency; finalises its evaluations, verifies its ' +
    'innovations, decides objections in it, proposes its org predikat.',
  SUPERVISOR: 'Supervisor (atasan): their reporting line; scores their direct reports.',
  EMPLOYEE: 'Employee (pegawai): their own record; acknowledges or objects to their evaluations.',
};

/** Roles whose callers see individual rows only pseudonymised (`nip` and `name` null). */
export const PSEUDONYMISED_ROLES: ReadonlySet<Role> = new Set<Role>(['POLICY', 'ANALYST']);
