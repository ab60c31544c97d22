import { rankedBarChart } from '../../charts/common';
import { PALETTE, type ChartSpec } from '../../charts/types';

/** Pure chart functions of Pelatihan (docs/dashboard.md "Charts"). */

export interface TrainingLike {
  code: string;
  title: string;
  kind: string;
  hoursJp: number;
  startDate?: string | null;
  /** Counted by the API in the database (`Training.participantCounts`). */
  participantCounts: { enrolled: number; completed: number; dropped: number; jpCompleted: number };
}

/** The trainings that start in `year` (all of them when `year` is null), by code. */
export function trainingsOfYear<T extends TrainingLike>(trainings: readonly T[], year: number | null): T[] {
  return trainings
    .filter((t) => year === null || (t.startDate ?? '').startsWith(`${year}-`))
    .sort((a, b) => a.code.localeCompare(b.code));
}

/**
 * The programmes: per training its JP, participants completed, enrolled and dropped, and the JP delivered (the JP of
 * its completed participations); bars of completed participants, most first.
 */
export function programmesChart(
  trainings: readonly TrainingLike[],
  labels: {
    code: string;
    title: string;
    kind: string;
    jp: string;
    completed: string;
    enrolled: string;
    dropped: string;
    jpDelivered: string;
  },
): ChartSpec {
  const rows = trainings.map((t) => ({
    code: t.code,
    title: t.title,
    kind: t.kind,
    jp: t.hoursJp,
    completed: t.participantCounts.completed,
    enrolled: t.participantCounts.enrolled,
    dropped: t.participantCounts.dropped,
    jpDelivered: t.participantCounts.jpCompleted,
  }));
  return rankedBarChart(rows, {
    order: (a, b) => b.completed - a.completed || a.code.localeCompare(b.code),
    label: (row) => row.code,
    series: [{ label: labels.completed, value: (row) => row.completed, color: PALETTE[2]! }],
    columns: [
      { key: 'code', label: labels.code, kind: 'text' },
      { key: 'title', label: labels.title, kind: 'text' },
      { key: 'kind', label: labels.kind, kind: 'text' },
      { key: 'jp', label: labels.jp, kind: 'number' },
      { key: 'completed', label: labels.completed, kind: 'int' },
      { key: 'enrolled', label: labels.enrolled, kind: 'int' },
      { key: 'dropped', label: labels.dropped, kind: 'int' },
      { key: 'jpDelivered', label: labels.jpDelivered, kind: 'number' },
    ],
    cells: (row) => row,
    min: 0,
  });
}
