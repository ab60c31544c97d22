import {
  checkQuarter,
  checkYear,
  localeOfAcceptLanguage,
  quarterLabel,
  type AggregateCaller,
  type NoteLocale,
} from '@kinerja/shared';
import type { Context } from '../../graphql/context.js';
import { badUserInput, throwProblems } from '../../graphql/errors.js';
import { aggregateCallerOf } from '../access/aggregate-scopes.js';
import type { AnalyticsSql } from './sql.js';

/**
 * What every analytics query needs from its request: a read-only SQL connection over the read models, the caller's
 * suppression class, the language of notes and labels, and the agencies by id and code.
 */

/** Listeners that see every SQL text an analytics read runs (tests capture them: docs/analytics.md "Read models and their refresh"). */
const sqlListeners = new Set<(text: string) => void>();

/** Calls `listener` with every SQL text of the analytics reads until the returned function is called. */
export function onAnalyticsSql(listener: (text: string) => void): () => void {
  sqlListeners.add(listener);
  return () => sqlListeners.delete(listener);
}

/** The request's connection as an AnalyticsSql (`$1` parameters), through the request's EntityManager. */
export function readSql(ctx: Pick<Context, 'em'>): AnalyticsSql {
  // A read: on a replica when the request is read-only and replicas are configured (db/replicas.ts).
  const connection = ctx.em.getConnection('read');
  return {
    async query<R>(text: string, params: unknown[] = []) {
      for (const listener of sqlListeners) listener(text);
      // knex takes `?` placeholders: each `$n` becomes one, with its parameter repeated where it is used again.
      const bindings: unknown[] = [];
      const knexText = text.replace(/\$(\d+)/g, (_, n: string) => {
        bindings.push(params[Number(n) - 1]);
        return '?';
      });
      const rows = (await connection.execute(knexText, bindings)) as R[];
      return { rows };
    },
  };
}

/** The language of notes and labels: English when the request's Accept-Language starts with `en`, else Indonesian. */
export function localeOf(ctx: Pick<Context, 'req'>): NoteLocale {
  return localeOfAcceptLanguage(ctx.req?.headers['accept-language']);
}

export interface AgencyRow {
  id: number;
  code: string;
  name: string;
}

/** Every agency, by id and by code (a handful of rows: the city's perangkat daerah). */
export async function agencyDirectory(
  sql: AnalyticsSql,
): Promise<{ byId: Map<number, AgencyRow>; byCode: Map<string, AgencyRow> }> {
  const { rows } = await sql.query<AgencyRow>('select id, code, name from agency');
  return { byId: new Map(rows.map((a) => [a.id, a])), byCode: new Map(rows.map((a) => [a.code, a])) };
}

/** The caller's suppression class; an agency head's own agency is the agency of their employee record. */
export function callerOf(ctx: Context, byId: Map<number, AgencyRow>): AggregateCaller {
  const viewer = ctx.viewer;
  if (!viewer) return { kind: 'RESTRICTED' };
  const own = viewer.agencyId === null ? null : (byId.get(viewer.agencyId)?.code ?? null);
  return aggregateCallerOf(viewer, own);
}

/** Agency codes of an input as ids; an unknown code is refused naming the field. */
export function agencyIdsOf(
  codes: readonly string[] | null | undefined,
  byCode: Map<string, AgencyRow>,
  field: string,
): number[] | null {
  if (codes === null || codes === undefined || codes.length === 0) return null;
  return codes.map((code, i) => {
    const agency = byCode.get(code);
    if (!agency) throw badUserInput(`${field}.${i}`, { code: 'AGENCY_CODE_UNKNOWN', params: { code } });
    return agency.id;
  });
}

/** A year and quarter from an input, checked; the quarter index `year * 4 + quarter - 1`. */
export function periodIndexOf(period: { year: number; quarter: number }, field: string): number {
  throwProblems(checkYear(period.year, `${field}.year`), null);
  throwProblems(checkQuarter(period.quarter, `${field}.quarter`), null);
  return period.year * 4 + period.quarter - 1;
}

/** A period range of an input: both ends checked, `to` not before `from`; absent ends are open. */
export function periodRangeOf(
  from: { year: number; quarter: number } | null | undefined,
  to: { year: number; quarter: number } | null | undefined,
  field: string,
): { from: number; to: number } {
  const low = from ? periodIndexOf(from, `${field}.from`) : 2000 * 4;
  const high = to ? periodIndexOf(to, `${field}.to`) : 2100 * 4 + 3;
  if (high < low) {
    throw badUserInput(`${field}.to`, { code: 'PERIOD_RANGE_REVERSED', params: {} });
  }
  return { from: low, to: high };
}

/** "Triwulan I 2025" / "Q1 2025" from a quarter index. */
export function periodLabelOf(year: number, quarter: number, locale: NoteLocale): string {
  return quarterLabel(year, quarter, locale);
}
