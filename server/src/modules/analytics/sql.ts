/**
 * The SQL connection the analytics read models are refreshed and read on: a PostgreSQL client (inside the writer's
 * transaction for a refresh). Structural, so that the importer's raw `pg` client and a MikroORM transaction's
 * connection both fit.
 */
export interface AnalyticsSql {
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: R[] }>;
}
