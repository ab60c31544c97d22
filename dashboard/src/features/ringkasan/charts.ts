import { rankedBarChart } from '../../charts/common';
import { PALETTE, PREDIKAT_COLORS, type ChartSpec } from '../../charts/types';

/** Pure chart functions of Ringkasan (docs/dashboard.md "Charts"): the API's answer in, a ChartSpec out. */

export const PREDIKAT_ORDER = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'] as const;

export interface StandingLike {
  agency: { code: string; name: string };
  n?: number | null;
  meanScore?: number | null;
  rank?: number | null;
  shareMeeting20Jp?: number | null;
  trainingJpPerEmployee?: number | null;
  suppressed: boolean;
  note?: string | null;
  predikatCounts?: readonly { predikat: string; count: number }[] | null;
}

export interface RankLabels {
  rank: string;
  agency: string;
  n: string;
  mean: string;
  note: string;
}

/** Agencies ranked by mean score (the API's order: ranked first, then the withheld ones); bars for the ranked. */
export function rankingChart(standings: readonly StandingLike[], labels: RankLabels): ChartSpec {
  return rankedBarChart(standings, {
    drawn: (row) => !row.suppressed && row.meanScore != null,
    label: (row) => `${row.rank}. ${row.agency.code} (n=${row.n})`,
    series: [{ label: labels.mean, value: (row) => row.meanScore!, color: PALETTE[0]! }],
    columns: [
      { key: 'rank', label: labels.rank, kind: 'int' },
      { key: 'agency', label: labels.agency, kind: 'text' },
      { key: 'n', label: labels.n, kind: 'int' },
      { key: 'mean', label: labels.mean, kind: 'score' },
      { key: 'note', label: labels.note, kind: 'text' },
    ],
    cells: (row) => ({
      rank: row.rank ?? null,
      agency: row.agency.name,
      n: row.n ?? null,
      mean: row.meanScore ?? null,
      note: row.note ?? null,
    }),
    tableRows: 'given',
  });
}

export interface PredikatLabels {
  predikat: string;
  count: string;
  share: string;
  names: Record<string, string>;
}

/**
 * The year's predikat distribution: the annual predikat counts summed over the agencies whose figures the caller
 * sees (a withheld agency's are not in the API's answer, so not in the sum either).
 */
export function predikatChart(standings: readonly StandingLike[], labels: PredikatLabels): ChartSpec {
  const totals = new Map<string, number>(PREDIKAT_ORDER.map((p) => [p, 0]));
  for (const row of standings) {
    for (const { predikat, count } of row.predikatCounts ?? [])
      totals.set(predikat, (totals.get(predikat) ?? 0) + count);
  }
  const all = [...totals.values()].reduce((sum, count) => sum + count, 0);
  return {
    kind: 'bar',
    labels: PREDIKAT_ORDER.map((p) => labels.names[p] ?? p),
    datasets: [{ label: labels.count, data: PREDIKAT_ORDER.map((p) => totals.get(p)!), color: PREDIKAT_COLORS.BAIK! }],
    min: 0,
    table: {
      columns: [
        { key: 'predikat', label: labels.predikat, kind: 'text' },
        { key: 'count', label: labels.count, kind: 'int' },
        { key: 'share', label: labels.share, kind: 'share' },
      ],
      rows: PREDIKAT_ORDER.map((p) => ({
        predikat: labels.names[p] ?? p,
        count: totals.get(p)!,
        share: all > 0 ? totals.get(p)! / all : null,
      })),
    },
  };
}

export interface JpLabels {
  agency: string;
  n: string;
  share: string;
  jpPerEmployee: string;
  note: string;
}

/** JP compliance: per agency the share of its employees with at least 20 JP in the year, highest first. */
export function jpChart(standings: readonly StandingLike[], labels: JpLabels): ChartSpec {
  return rankedBarChart(standings, {
    drawn: (row) => !row.suppressed && row.shareMeeting20Jp != null,
    order: (a, b) => b.shareMeeting20Jp! - a.shareMeeting20Jp! || a.agency.code.localeCompare(b.agency.code),
    label: (row) => row.agency.code,
    series: [{ label: labels.share, value: (row) => row.shareMeeting20Jp!, color: PALETTE[2]! }],
    columns: [
      { key: 'agency', label: labels.agency, kind: 'text' },
      { key: 'n', label: labels.n, kind: 'int' },
      { key: 'share', label: labels.share, kind: 'share' },
      { key: 'jp', label: labels.jpPerEmployee, kind: 'number' },
      { key: 'note', label: labels.note, kind: 'text' },
    ],
    cells: (row) => ({
      agency: row.agency.name,
      n: row.n ?? null,
      share: row.shareMeeting20Jp ?? null,
      jp: row.trainingJpPerEmployee ?? null,
      note: row.note ?? null,
    }),
    share: true,
    min: 0,
    max: 1,
  });
}

export interface CompletionLike {
  agency: { code: string; name: string };
  expected: number;
  shareSubmitted?: number | null;
  shareFinal?: number | null;
}

export interface CompletionLabels {
  agency: string;
  expected: string;
  submitted: string;
  final: string;
}

/** Completion of the open quarter per agency: the shares submitted (or further) and final, lowest submitted first. */
export function completionChart(rows: readonly CompletionLike[], labels: CompletionLabels): ChartSpec {
  return rankedBarChart(rows, {
    order: (a, b) => (a.shareSubmitted ?? -1) - (b.shareSubmitted ?? -1) || a.agency.code.localeCompare(b.agency.code),
    label: (row) => row.agency.code,
    series: [
      { label: labels.submitted, value: (row) => row.shareSubmitted ?? null, color: PALETTE[0]! },
      { label: labels.final, value: (row) => row.shareFinal ?? null, color: PALETTE[4]! },
    ],
    columns: [
      { key: 'agency', label: labels.agency, kind: 'text' },
      { key: 'expected', label: labels.expected, kind: 'int' },
      { key: 'submitted', label: labels.submitted, kind: 'share' },
      { key: 'final', label: labels.final, kind: 'share' },
    ],
    cells: (row) => ({
      agency: row.agency.name,
      expected: row.expected,
      submitted: row.shareSubmitted ?? null,
      final: row.shareFinal ?? null,
    }),
    share: true,
    min: 0,
    max: 1,
  });
}
