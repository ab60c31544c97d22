import { rankedBarChart } from '../../charts/common';
import { PALETTE, PREDIKAT_COLORS, type ChartSpec } from '../../charts/types';
import { PREDIKAT_ORDER } from '../ringkasan/charts';

/** Pure chart functions of the Perangkat Daerah page (docs/dashboard.md "Charts"). */

export interface DistributionLike {
  counts?: readonly { predikat: string; count: number; share?: number | null }[] | null;
  suppressed: boolean;
}

/** The agency's annual predikat counts of the year (the SE 3/2023 check's figures); null when withheld. */
export function distributionChart(
  check: DistributionLike,
  labels: { predikat: string; count: string; share: string; names: Record<string, string> },
): ChartSpec | null {
  if (check.suppressed || !check.counts) return null;
  const counts = new Map(check.counts.map((c) => [c.predikat, c]));
  return {
    kind: 'bar',
    min: 0,
    labels: PREDIKAT_ORDER.map((p) => labels.names[p] ?? p),
    datasets: [
      { label: labels.count, data: PREDIKAT_ORDER.map((p) => counts.get(p)?.count ?? 0), color: PREDIKAT_COLORS.BAIK! },
    ],
    table: {
      columns: [
        { key: 'predikat', label: labels.predikat, kind: 'text' },
        { key: 'count', label: labels.count, kind: 'int' },
        { key: 'share', label: labels.share, kind: 'share' },
      ],
      rows: PREDIKAT_ORDER.map((p) => ({
        predikat: labels.names[p] ?? p,
        count: counts.get(p)?.count ?? 0,
        share: counts.get(p)?.share ?? null,
      })),
    },
  };
}

export interface ImpactLike {
  suppressed: boolean;
  treatedPre?: number | null;
  treatedPost?: number | null;
  controlPre?: number | null;
  controlPost?: number | null;
  nTreated?: number | null;
  nControl?: number | null;
}

/**
 * Training impact as difference in differences: the mean score of the trained (treated) and the untrained
 * colleagues (comparison) before and after; null when the API withholds it (its note says why).
 */
export function impactChart(
  impact: ImpactLike,
  labels: { group: string; before: string; after: string; change: string; n: string; treated: string; control: string },
): ChartSpec | null {
  if (impact.suppressed) return null;
  const row = (
    group: string,
    n: number | null | undefined,
    pre: number | null | undefined,
    post: number | null | undefined,
  ) => ({
    group,
    n: n ?? null,
    before: pre ?? null,
    after: post ?? null,
    change: pre != null && post != null ? post - pre : null,
  });
  return {
    kind: 'bar',
    labels: [labels.before, labels.after],
    datasets: [
      { label: labels.treated, data: [impact.treatedPre ?? null, impact.treatedPost ?? null], color: PALETTE[1]! },
      { label: labels.control, data: [impact.controlPre ?? null, impact.controlPost ?? null], color: PALETTE[0]! },
    ],
    table: {
      columns: [
        { key: 'group', label: labels.group, kind: 'text' },
        { key: 'n', label: labels.n, kind: 'int' },
        { key: 'before', label: labels.before, kind: 'score' },
        { key: 'after', label: labels.after, kind: 'score' },
        { key: 'change', label: labels.change, kind: 'number' },
      ],
      rows: [
        row(labels.treated, impact.nTreated, impact.treatedPre, impact.treatedPost),
        row(labels.control, impact.nControl, impact.controlPre, impact.controlPost),
      ],
    },
  };
}

export interface RaterLike {
  assessor?: { pseudonym?: string | null; name?: string | null } | null;
  nEmployees?: number | null;
  nScores?: number | null;
  leniency?: number | null;
  z?: number | null;
  meanGiven?: number | null;
  flags: readonly string[];
  suppressed: boolean;
  note?: string | null;
}

export function assessorName(rater: RaterLike): string {
  return rater.assessor?.name ?? rater.assessor?.pseudonym ?? '–';
}

/** Rater objectivity: each assessor's leniency z (bars, highest first), the flags named in the table. */
export function raterChart(
  raters: readonly RaterLike[],
  labels: {
    assessor: string;
    nEmployees: string;
    nScores: string;
    meanGiven: string;
    leniency: string;
    z: string;
    flags: string;
    note: string;
    flagNames: Record<string, string>;
  },
): ChartSpec {
  return rankedBarChart(raters, {
    drawn: (r) => !r.suppressed && r.z != null,
    order: (a, b) => b.z! - a.z! || assessorName(a).localeCompare(assessorName(b)),
    label: assessorName,
    series: [{ label: labels.z, value: (r) => r.z!, color: PALETTE[3]! }],
    columns: [
      { key: 'assessor', label: labels.assessor, kind: 'text' },
      { key: 'nEmployees', label: labels.nEmployees, kind: 'int' },
      { key: 'nScores', label: labels.nScores, kind: 'int' },
      { key: 'meanGiven', label: labels.meanGiven, kind: 'score' },
      { key: 'leniency', label: labels.leniency, kind: 'number' },
      { key: 'z', label: labels.z, kind: 'number' },
      { key: 'flags', label: labels.flags, kind: 'text' },
      { key: 'note', label: labels.note, kind: 'text' },
    ],
    cells: (r) => ({
      assessor: assessorName(r),
      nEmployees: r.nEmployees ?? null,
      nScores: r.nScores ?? null,
      meanGiven: r.meanGiven ?? null,
      leniency: r.leniency ?? null,
      z: r.z ?? null,
      flags: r.flags.map((flag) => labels.flagNames[flag] ?? flag).join(', ') || null,
      note: r.note ?? null,
    }),
  });
}

export interface NeedLike {
  criterion: string;
  employee?: { pseudonym?: string | null } | null;
  trainings: readonly { code: string }[];
}

/** Training needs: per criterion, how many employees scored below 90 twice running, and the trainings offered. */
export function needsChart(
  needs: readonly NeedLike[],
  labels: { criterion: string; employees: string; trainings: string },
): ChartSpec {
  const byCriterion = new Map<string, { employees: number; trainings: Set<string> }>();
  for (const need of needs) {
    const entry = byCriterion.get(need.criterion) ?? { employees: 0, trainings: new Set<string>() };
    entry.employees += 1;
    for (const training of need.trainings) entry.trainings.add(training.code);
    byCriterion.set(need.criterion, entry);
  }
  const rows = [...byCriterion].map(([criterion, entry]) => ({
    criterion,
    employees: entry.employees,
    trainings: entry.trainings.size,
  }));
  return rankedBarChart(rows, {
    order: (a, b) => b.employees - a.employees || a.criterion.localeCompare(b.criterion),
    label: (row) => row.criterion,
    series: [{ label: labels.employees, value: (row) => row.employees, color: PALETTE[5]! }],
    columns: [
      { key: 'criterion', label: labels.criterion, kind: 'text' },
      { key: 'employees', label: labels.employees, kind: 'int' },
      { key: 'trainings', label: labels.trainings, kind: 'int' },
    ],
    cells: (row) => row,
    min: 0,
  });
}
