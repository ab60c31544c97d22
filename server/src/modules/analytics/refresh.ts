import { onWritesDone } from '../results/index.js';
import { refreshCells } from './cells.js';
import { refreshEvaluationReadModels, type Scope } from './read-models.js';
import type { AnalyticsSql } from './sql.js';

/**
 * The refresh of the analytics read models (docs/analytics.md "Read models and their refresh"). Every writer marks what it changed in
 * `analytics_stale` (docs/scoring.md "Stale marks") and calls `refreshAnalytics` at the end of its own transaction,
 * so a read never writes and every read sees fresh figures, whichever path wrote the data.
 */

/** A kind of stale mark, as the writers write them (docs/scoring.md "Stale marks"). */
export type StaleMarkKind =
  'scores' | 'annual' | 'criteria' | 'employees' | 'innovations' | 'training' | 'org_predikat';

/** One read model's refresher: the mark kinds it depends on, and how to bring it up to date for their scopes. */
export interface AnalyticsRefresher {
  name: string;
  kinds: readonly StaleMarkKind[];
  /** Refreshes what the scopes name; null scopes: everything (a city-wide mark, or a rebuild). */
  refresh(sql: AnalyticsSql, scopes: readonly Scope[] | null): Promise<void>;
  /** Its tables (analysed after `rebuildAnalyticsIfEmpty` built them, so that the planner knows their size). */
  tables: readonly string[];
  /**
   * SQL condition, true when the model is empty while its source is not (the first start after the migration that
   * created it): `rebuildAnalyticsIfEmpty` then builds it and every model after it in the list.
   */
  missing: string;
}

/**
 * THE list of refreshers: every read model registers here, in the order they must run (a model built from another
 * comes after it). `rebuildAnalytics` runs every one over everything.
 */
export const REFRESHERS: readonly AnalyticsRefresher[] = [
  {
    // analytics_evaluation and analytics_score: stored quarterly results, the scores and criteria behind them, and
    // the employees' grouping attributes.
    name: 'evaluations and scores',
    kinds: ['scores', 'criteria', 'employees'],
    refresh: refreshEvaluationReadModels,
    tables: ['analytics_evaluation', 'analytics_score'],
    missing: `exists (select 1 from evaluation where status in ('SUBMITTED', 'ACKNOWLEDGED', 'FINAL'))
      and not exists (select 1 from analytics_evaluation)`,
  },
  {
    // analytics_cell: built from analytics_score (so after it), for the same marks.
    name: 'cells of criterion scores',
    kinds: ['scores', 'criteria', 'employees'],
    refresh: refreshCells,
    tables: ['analytics_cell'],
    missing: 'exists (select 1 from analytics_score) and not exists (select 1 from analytics_cell)',
  },
];

interface MarkRow {
  kind: string;
  agency_id: number | null;
  year: number | null;
  quarter: number | null;
}

/**
 * Consumes every stale mark visible to the caller's transaction and refreshes, for each registered read model, what
 * the marks of its kinds name. A mark with agency, year and quarter all null refreshes that model entirely. Returns the
 * number of marks consumed.
 */
export async function refreshAnalytics(sql: AnalyticsSql): Promise<number> {
  const { rows } = await sql.query<MarkRow>('delete from analytics_stale returning kind, agency_id, year, quarter');
  if (rows.length === 0) return 0;
  for (const refresher of REFRESHERS) {
    const marks = rows.filter((m) => (refresher.kinds as readonly string[]).includes(m.kind));
    if (marks.length === 0) continue;
    const everything = marks.some((m) => m.agency_id === null && m.year === null && m.quarter === null);
    const scopes = everything ? null : marks.map((m) => ({ agencyId: m.agency_id, year: m.year, quarter: m.quarter }));
    await refresher.refresh(sql, scopes);
  }
  return rows.length;
}

/** Rebuilds every read model from the stored results and drops every stale mark (after a migration, by a command). */
export async function rebuildAnalytics(sql: AnalyticsSql): Promise<void> {
  await sql.query('delete from analytics_stale');
  for (const refresher of REFRESHERS) await refresher.refresh(sql, null);
}

/**
 * Builds the read models that are empty while their source is not (the first start after the migration that created
 * them), and every model after the first such one in `REFRESHERS` (a model built from another comes after it);
 * those before it are kept as they are, so adding a read model to a large database builds only that one; the tables
 * built are analysed. Does nothing when none is missing. Answers the names of the models built.
 */
export async function rebuildAnalyticsIfEmpty(sql: AnalyticsSql): Promise<string[]> {
  const { rows } = await sql.query<{ missing: boolean[] }>(
    `select array[${REFRESHERS.map((r) => `(${r.missing})`).join(', ')}] as missing`,
  );
  const first = rows[0]!.missing.indexOf(true);
  if (first < 0) return [];
  const built = REFRESHERS.slice(first);
  if (first === 0) await rebuildAnalytics(sql);
  else for (const refresher of built) await refresher.refresh(sql, null);
  // A table just filled has no statistics until autovacuum comes by: without them the planner takes it for empty.
  for (const table of built.flatMap((r) => r.tables)) await sql.query(`analyze ${table}`);
  return built.map((r) => r.name);
}

/**
 * Makes every writer's transaction end with `refreshAnalytics` (the results module's `writesDone`): called where the
 * database is opened (`db/database.ts`), so the app, the commands and the tests all refresh.
 */
export function installAnalyticsRefresh(): void {
  onWritesDone(refreshAnalytics);
}
