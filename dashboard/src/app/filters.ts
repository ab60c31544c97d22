import { computed, type ComputedRef } from 'vue';
import { useRoute, useRouter, type LocationQuery } from 'vue-router';

/**
 * Filters live in the URL (docs/dashboard.md "Filters"), so a view can be shared and survives a reload:
 * `?tahun=2025&dari=2024-1&sampai=2025-2&pd=DISDIK,DINKES`. Pure parsers and writers, then one composable.
 */
export interface PeriodValue {
  year: number;
  quarter: number;
}

export function parsePeriod(text: unknown): PeriodValue | null {
  if (typeof text !== 'string') return null;
  const match = /^(\d{4})-([1-4])$/.exec(text);
  return match ? { year: Number(match[1]), quarter: Number(match[2]) } : null;
}

export function periodParam(period: PeriodValue): string {
  return `${period.year}-${period.quarter}`;
}

export function parseYear(text: unknown): number | null {
  return typeof text === 'string' && /^\d{4}$/.test(text) ? Number(text) : null;
}

export function parseList(text: unknown): string[] {
  if (typeof text !== 'string' || text === '') return [];
  return [...new Set(text.split(',').filter((item) => /^[\w-]+$/.test(item)))];
}

/**
 * The criteria chosen in the URL (`kriteria=A,B`): the codes as given (junk and repeats dropped). None chosen means
 * every criterion (docs/dashboard.md "Filters").
 */
export function parseCriteria(text: unknown): string[] {
  return parseList(text);
}

/** `list` with `item` ticked on or off, in the order of `order` (the options as shown); the URL value of it. */
export function toggledList(list: readonly string[], item: string, on: boolean, order: readonly string[]): string {
  const chosen = new Set(list);
  if (on) chosen.add(item);
  else chosen.delete(item);
  const rank = (code: string) => (order.includes(code) ? order.indexOf(code) : order.length);
  return [...chosen].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)).join(',');
}

/** The rows whose criterion is chosen; every row when none is. */
export function ofCriteria<T>(rows: readonly T[], chosen: readonly string[], criterionOf: (row: T) => string): T[] {
  return chosen.length === 0 ? [...rows] : rows.filter((row) => chosen.includes(criterionOf(row)));
}

export function periodIndex(period: PeriodValue): number {
  return period.year * 4 + period.quarter - 1;
}

export function fromPeriodIndex(index: number): PeriodValue {
  return { year: Math.floor(index / 4), quarter: (index % 4) + 1 };
}

/** A query with `patch` applied: an empty or undefined value removes the key. */
export function patchQuery(query: LocationQuery, patch: Record<string, string | undefined>): LocationQuery {
  const next: LocationQuery = { ...query };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || value === '') delete next[key];
    else next[key] = value;
  }
  return next;
}

/** The route's query as reactive values, and a writer that replaces the URL (no new history entry per click). */
export function useUrlQuery(): {
  query: ComputedRef<LocationQuery>;
  set: (patch: Record<string, string | undefined>) => Promise<unknown>;
} {
  const route = useRoute();
  const router = useRouter();
  return {
    query: computed(() => route.query),
    set: (patch) => router.replace({ query: patchQuery(route.query, patch) }),
  };
}
