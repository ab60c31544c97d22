import type { ApiModule } from '../../graphql/module.js';
import { StaffingMutations, StaffingQueries } from './staffing.mutations.js';

/**
 * Employee changes an administrator makes in the year (docs/access.md#employee-changes): transfers, new supervisors,
 * retirements and acting assessors (Plt/Plh), each audited and marked stale for the analytics.
 */
export const staffingModule = {
  name: 'staffing',
  resolvers: [StaffingMutations, StaffingQueries],
} satisfies ApiModule;
