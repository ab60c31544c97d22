import type { ApiModule } from '../../graphql/module.js';
import { AnalyticsResolver } from './analytics.resolver.js';

/**
 * Analytics (docs/analytics.md): the read models (`read-models.ts`), their refresh from the stale marks
 * (`refresh.ts`: `refreshAnalytics`, `rebuildAnalytics`, the one list of refreshers) and the queries over them.
 */
export const analyticsModule = {
  name: 'analytics',
  resolvers: [AnalyticsResolver],
} satisfies ApiModule;

export {
  installAnalyticsRefresh,
  rebuildAnalytics,
  refreshAnalytics,
  REFRESHERS,
  type AnalyticsRefresher,
  type StaleMarkKind,
} from './refresh.js';
export type { AnalyticsSql } from './sql.js';
