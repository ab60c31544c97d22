import type { Sql } from './sql.js';

/**
 * What a stale mark names (docs/scoring.md "Stale marks"): the analytics read figures of these kinds, and a write
 * that changes one marks the agency, year and quarter it touched (null = every one) so that the analytics can refresh
 * exactly those. A mark stays until the analytics refresh removes it; marking twice is marking once.
 */
export type StaleKind =
  /** Stored quarterly results (scores, weights, statuses) of an agency's evaluations in a quarter. */
  | 'scores'
  /** Stored annual results of an agency's employees in a year. */
  | 'annual'
  /** Criteria (their weights, years in force, new ones) of an agency, or of every agency (agency null). */
  | 'criteria'
  /** Grouping attributes of an agency's employees: agency, position type, employment type, rank, gender. */
  | 'employees'
  /** Innovations of an agency's employees in a year (the annual predikat's innovation rule). */
  | 'innovations'
  /** Participations and training JP of an agency's employees in a year (JP, training impact). */
  | 'training'
  /** An agency's org predikat of a year (the distribution check). */
  | 'org_predikat';

/** Marks stale every (agency, year, quarter) that `select` returns, in the caller's transaction. */
export async function markStale(sql: Sql, kind: StaleKind, select: string, params: unknown[] = []): Promise<void> {
  await sql.query(
    `insert into analytics_stale (kind, agency_id, year, quarter)
     select distinct $${params.length + 1}::varchar, m.agency_id, m.year, m.quarter
       from (${select}) as m(agency_id, year, quarter)
     on conflict do nothing`,
    [...params, kind],
  );
}

/** Marks one (agency, year, quarter) stale; nulls mean every one. */
export async function markStaleOne(
  sql: Sql,
  kind: StaleKind,
  agencyId: number | null,
  year: number | null = null,
  quarter: number | null = null,
): Promise<void> {
  await markStale(sql, kind, 'select $1::int, $2::smallint, $3::smallint', [agencyId, year, quarter]);
}
