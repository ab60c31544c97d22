import { PALETTE, type Cell, type ChartSpec, type TableColumn } from './types';

/** The quarter-by-quarter trend with its p25-p75 band, shared by Ringkasan, Perangkat Daerah and Bandingkan. */
export interface TrendPointLike {
  key: string;
  label: string;
  year: number;
  quarter: number;
  periodLabel: string;
  n?: number | null;
  mean?: number | null;
  median?: number | null;
  p25?: number | null;
  p75?: number | null;
  suppressed: boolean;
  note?: string | null;
}

export interface TrendLabels {
  period: string;
  group: string;
  n: string;
  mean: string;
  median: string;
  p25: string;
  p75: string;
  note: string;
}

function periodsOf(points: readonly TrendPointLike[]): { index: number; label: string }[] {
  const byIndex = new Map<number, string>();
  for (const point of points) byIndex.set(point.year * 4 + point.quarter - 1, point.periodLabel);
  return [...byIndex].sort((a, b) => a[0] - b[0]).map(([index, label]) => ({ index, label }));
}

/**
 * One group's trend (the city: key ALL): the mean as a line and the band between the 25th and 75th percentiles.
 * A suppressed quarter is a gap (null), never a zero.
 */
export function bandTrendChart(points: readonly TrendPointLike[], labels: TrendLabels): ChartSpec {
  const periods = periodsOf(points);
  const at = new Map(points.map((point) => [point.year * 4 + point.quarter - 1, point]));
  const value = (index: number, pick: (p: TrendPointLike) => number | null | undefined) => {
    const point = at.get(index);
    return point && !point.suppressed ? (pick(point) ?? null) : null;
  };
  return {
    kind: 'line',
    labels: periods.map((period) => period.label),
    datasets: [
      { label: labels.p75, data: periods.map((p) => value(p.index, (x) => x.p75)), color: PALETTE[0]!, band: true },
      {
        label: labels.p25,
        data: periods.map((p) => value(p.index, (x) => x.p25)),
        color: PALETTE[0]!,
        band: true,
        fill: '-1',
      },
      { label: labels.mean, data: periods.map((p) => value(p.index, (x) => x.mean)), color: PALETTE[1]! },
    ],
    table: {
      columns: [
        { key: 'period', label: labels.period, kind: 'text' },
        { key: 'n', label: labels.n, kind: 'int' },
        { key: 'mean', label: labels.mean, kind: 'score' },
        { key: 'median', label: labels.median, kind: 'score' },
        { key: 'p25', label: labels.p25, kind: 'score' },
        { key: 'p75', label: labels.p75, kind: 'score' },
        { key: 'note', label: labels.note, kind: 'text' },
      ],
      rows: periods.map(({ index, label }) => {
        const point = at.get(index)!;
        return {
          period: label,
          n: point.n ?? null,
          mean: point.mean ?? null,
          median: point.median ?? null,
          p25: point.p25 ?? null,
          p75: point.p75 ?? null,
          note: point.note ?? null,
        };
      }),
    },
  };
}

/** Several groups' means over the quarters, one line each (agencies compared, criteria of an agency). */
export function multiTrendChart(points: readonly TrendPointLike[], labels: TrendLabels): ChartSpec {
  const periods = periodsOf(points);
  const groups = new Map<string, string>();
  for (const point of points) if (!groups.has(point.key)) groups.set(point.key, point.label);
  const keys = [...groups.keys()].sort();
  const at = new Map(points.map((point) => [`${point.key}|${point.year * 4 + point.quarter - 1}`, point]));
  return {
    kind: 'line',
    labels: periods.map((period) => period.label),
    datasets: keys.map((key, i) => ({
      label: groups.get(key)!,
      color: PALETTE[i % PALETTE.length]!,
      data: periods.map((period) => {
        const point = at.get(`${key}|${period.index}`);
        return point && !point.suppressed ? (point.mean ?? null) : null;
      }),
    })),
    table: {
      columns: [
        { key: 'group', label: labels.group, kind: 'text' },
        { key: 'period', label: labels.period, kind: 'text' },
        { key: 'n', label: labels.n, kind: 'int' },
        { key: 'mean', label: labels.mean, kind: 'score' },
        { key: 'median', label: labels.median, kind: 'score' },
        { key: 'note', label: labels.note, kind: 'text' },
      ],
      rows: keys.flatMap((key) =>
        periods
          .map((period) => at.get(`${key}|${period.index}`))
          .filter((point): point is TrendPointLike => point !== undefined)
          .map((point) => ({
            group: point.label,
            period: point.periodLabel,
            n: point.n ?? null,
            mean: point.mean ?? null,
            median: point.median ?? null,
            note: point.note ?? null,
          })),
      ),
    },
  };
}

/** One series of bars of a ranked chart: its legend label, the value of a row (null: no bar), its colour. */
export interface BarSeries<T> {
  label: string;
  value: (row: T) => number | null;
  color: string;
}

export interface RankedBarOptions<T> {
  /** The rows drawn as bars; the others (withheld, without a value) are listed in the table only. */
  drawn?: (row: T) => boolean;
  /** The order of the bars; the rows as given when absent. */
  order?: (a: T, b: T) => number;
  /** The label of a row's bar. */
  label: (row: T) => string;
  series: BarSeries<T>[];
  columns: TableColumn[];
  /** A row's table cells, keyed by the column keys. */
  cells: (row: T) => Record<string, Cell>;
  /**
   * The table's rows: `drawn-first` (the bars in their order, then the others as given) or `given` (the rows as
   * given, e.g. the API's own ranking with the withheld last).
   */
  tableRows?: 'drawn-first' | 'given';
  share?: boolean;
  min?: number;
  max?: number;
}

/**
 * Horizontal bars of rows ranked by a value (agencies by mean, JP compliance, completion, assessors by z, needs
 * per criterion, programmes by participants), and the same rows as the data table: the one builder behind every
 * ranked chart of the dashboard.
 */
export function rankedBarChart<T>(rows: readonly T[], options: RankedBarOptions<T>): ChartSpec {
  const isDrawn = options.drawn ?? (() => true);
  const drawn = rows.filter(isDrawn);
  if (options.order) drawn.sort(options.order);
  const tableRows = options.tableRows === 'given' ? rows : [...drawn, ...rows.filter((row) => !isDrawn(row))];
  const spec: ChartSpec = {
    kind: 'bar',
    horizontal: true,
    labels: drawn.map(options.label),
    datasets: options.series.map((series) => ({
      label: series.label,
      data: drawn.map(series.value),
      color: series.color,
    })),
    table: { columns: options.columns, rows: tableRows.map(options.cells) },
  };
  if (options.share) spec.share = true;
  if (options.min !== undefined) spec.min = options.min;
  if (options.max !== undefined) spec.max = options.max;
  return spec;
}
