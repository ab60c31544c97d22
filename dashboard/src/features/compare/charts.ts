import { PALETTE, type ChartSpec } from '../../charts/types';

/** Pure chart functions of Bandingkan (docs/dashboard.md "Charts"). */

export interface CriterionStandingLike {
  agency: { code: string; name: string };
  suppressed: boolean;
  criterionMeans?: readonly { criterion: string; mean?: number | null; suppressed?: boolean }[] | null;
}

/**
 * The criterion-by-agency table: one row per criterion code, one column per agency (its mean of that criterion),
 * drawn as grouped bars. A withheld agency's column stays empty.
 */
export function criterionByAgencyChart(
  standings: readonly CriterionStandingLike[],
  labels: { criterion: string },
): ChartSpec {
  const criteria = [...new Set(standings.flatMap((row) => (row.criterionMeans ?? []).map((c) => c.criterion)))].sort();
  const meanOf = (row: CriterionStandingLike, criterion: string) =>
    row.criterionMeans?.find((c) => c.criterion === criterion)?.mean ?? null;
  return {
    kind: 'bar',
    labels: criteria,
    datasets: standings.map((row, i) => ({
      label: row.agency.code,
      color: PALETTE[i % PALETTE.length]!,
      data: criteria.map((criterion) => meanOf(row, criterion)),
    })),
    table: {
      columns: [
        { key: 'criterion', label: labels.criterion, kind: 'text' },
        ...standings.map((row) => ({ key: row.agency.code, label: row.agency.code, kind: 'score' as const })),
      ],
      rows: criteria.map((criterion) => ({
        criterion,
        ...Object.fromEntries(standings.map((row) => [row.agency.code, meanOf(row, criterion)])),
      })),
    },
  };
}
