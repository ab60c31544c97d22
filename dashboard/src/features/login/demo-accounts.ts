import type { Role } from '../../gql/graphql';

/**
 * The demo accounts the server creates in demo mode (docs/demo-data.md), one per role, all with the printed demo
 * password: the login page offers one click for each, and only when the server says it is in demo mode.
 */
export const DEMO_PASSWORD = 'sibolga-demo';

export const DEMO_ACCOUNTS: readonly { login: string; role: Role }[] = [
  { login: 'admin', role: 'ADMIN' },
  { login: 'walikota', role: 'LEADER' },
  { login: 'kebijakan', role: 'POLICY' },
  { login: 'analis', role: 'ANALYST' },
  { login: 'kadisdik', role: 'AGENCY_HEAD' },
  { login: 'kabid', role: 'SUPERVISOR' },
  { login: 'guru', role: 'EMPLOYEE' },
];
