import type { Predikat } from '../enums.js';
import { describeValues, predikatCounts, type Description, type PredikatCount } from './descriptive.js';
import type { AnalyticsNote } from './notes.js';
import { compareKeys } from './ranks.js';
import { decideSuppression, type AggregateCaller } from './suppression.js';

/**
 * The reference for the grouped answers (trend, ad hoc statistics): values grouped by their keys, described, and
 * suppressed for the caller (docs/analytics.md, "Descriptive statistics" and "Suppression"). The SQL read models must
 * give the same groups and figures.
 */

/** One value (a quarterly, category or criterion score) with the keys of its group. */
export interface StatRow {
  /** One value per dimension of the answer, in the answer's dimension order. */
  keys: readonly string[];
  employeeId: string;
  value: number;
  /** The predikat the value's evaluation has (quarterly predikat); null or absent when none. */
  predikat?: Predikat | null;
  /** The agency stored on the value's evaluation. */
  agencyCode: string;
}

export interface StatGroup extends Omit<Description, 'n'> {
  keys: string[];
  /** Values in the group; null when suppressed. */
  n: number | null;
  /** Null when suppressed. */
  predikatCounts: PredikatCount[] | null;
  suppressed: boolean;
  note: AnalyticsNote | null;
}

/**
 * Groups, ordered by their keys (compareKeys, dimension by dimension). A group's size for suppression is its distinct
 * employees; its agency for the exemption of an agency head is the one agency of all its values, else none.
 */
export function groupStatistics(rows: readonly StatRow[], caller: AggregateCaller, minGroup: number): StatGroup[] {
  const groups = new Map<string, { keys: string[]; rows: StatRow[] }>();
  for (const row of rows) {
    const id = row.keys.join('\u0000');
    const group = groups.get(id);
    if (group === undefined) groups.set(id, { keys: [...row.keys], rows: [row] });
    else group.rows.push(row);
  }
  const ordered = [...groups.values()].sort((a, b) => compareKeyLists(a.keys, b.keys));
  const decisions = decideSuppression(
    ordered.map((g) => {
      const agencies = new Set(g.rows.map((r) => r.agencyCode));
      return {
        keys: g.keys,
        nEmployees: new Set(g.rows.map((r) => r.employeeId)).size,
        agencyCode: agencies.size === 1 ? (g.rows[0] as StatRow).agencyCode : null,
      };
    }),
    caller,
    minGroup,
  );
  return ordered.map((g, i) => {
    const decision = decisions[i] as { suppressed: boolean; note: AnalyticsNote | null };
    if (decision.suppressed) {
      return {
        keys: g.keys,
        n: null,
        mean: null,
        stddev: null,
        min: null,
        p25: null,
        median: null,
        p75: null,
        max: null,
        predikatCounts: null,
        suppressed: true,
        note: decision.note,
      };
    }
    return {
      ...describeValues(g.rows.map((r) => r.value)),
      keys: g.keys,
      predikatCounts: predikatCounts(g.rows.map((r) => r.predikat ?? null)),
      suppressed: false,
      note: null,
    };
  });
}

function compareKeyLists(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = compareKeys(a[i] as string, b[i] as string);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}
