/**
 * What a pure chart function returns (docs/dashboard.md "Charts"): the chart's datasets and the same figures as a
 * data table, both built from the API's answer without formatting, so they can be unit-tested and compared with a
 * separate API call. `BaseChart` renders it as an accessible figure (label, canvas, data table, exports).
 */
export type ColumnKind = 'text' | 'int' | 'score' | 'share' | 'number';

export interface TableColumn {
  key: string;
  label: string;
  kind: ColumnKind;
}

export type Cell = string | number | null;

export interface TableSpec {
  columns: TableColumn[];
  rows: Record<string, Cell>[];
}

export interface DatasetSpec {
  label: string;
  data: (number | null)[];
  color: string;
  /** Chart.js fill target: '-1' fills to the previous dataset (the p25-p75 band). */
  fill?: string | false;
  /** Drawn as a thin band edge, not a line of its own. */
  band?: boolean;
}

export interface ChartSpec {
  kind: 'line' | 'bar';
  labels: string[];
  datasets: DatasetSpec[];
  /** Bars drawn horizontally (ranked agencies). */
  horizontal?: boolean;
  /** Bars stacked (shares that add up). */
  stacked?: boolean;
  /** Axis range of the values. */
  min?: number;
  max?: number;
  /** The values are shares 0-1 (axis in percent). */
  share?: boolean;
  table: TableSpec;
}

/** Colours with at least 3:1 contrast against white (non-text contrast), told apart by more than hue. */
export const PALETTE = ['#0b4f6c', '#c44900', '#2e7d32', '#6a1b9a', '#b8860b', '#00838f', '#ad1457', '#455a64'];

export const PREDIKAT_COLORS: Record<string, string> = {
  SANGAT_BAIK: '#1b5e20',
  BAIK: '#43a047',
  BUTUH_PERBAIKAN: '#b8860b',
  KURANG: '#e65100',
  SANGAT_KURANG: '#b71c1c',
};
