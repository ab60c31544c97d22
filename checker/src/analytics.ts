import { annualResults, COUNTED, type Dataset, type Employee, type Evaluation } from './data.js';
import { competitionRanks, meanOrNull, percentileCont, PREDIKATS, sampleStddev, type Predikat } from './rules.js';

/** The analytics of docs/analytics.md, recomputed for a caller who sees every figure (no suppression). */

export type TrendGroupBy = 'NONE' | 'AGENCY' | 'CRITERION' | 'POSITION_TYPE' | 'EMPLOYMENT_TYPE' | 'RANK_GROUP';
export type Metric = 'SCORE' | 'HASIL_KERJA' | 'PERILAKU_KERJA';

export interface PeriodRef {
  year: number;
  quarter: number;
}

export interface TrendPoint {
  year: number;
  quarter: number;
  key: string;
  n: number;
  mean: number;
  median: number;
  stddev: number | null;
  p25: number;
  p75: number;
}

/** Rank group from the rank on the employee's record: PNS golongan I..IV, every PPPK one group, else UNKNOWN. */
export function rankGroup(employee: Employee | undefined): string {
  if (!employee) return 'UNKNOWN';
  if (employee.employmentType === 'PPPK') return 'PPPK';
  const match = /^(IV|III|II|I)\//.exec(employee.rank);
  return match ? (match[1] as string) : 'UNKNOWN';
}

function inRange(e: PeriodRef, from: PeriodRef, to: PeriodRef): boolean {
  const k = e.year * 4 + e.quarter;
  return k >= from.year * 4 + from.quarter && k <= to.year * 4 + to.quarter;
}

function metricOf(e: Evaluation, metric: Metric): number | null {
  if (metric === 'HASIL_KERJA') return e.hasilKerjaScore;
  if (metric === 'PERILAKU_KERJA') return e.perilakuKerjaScore;
  return e.score;
}

export function summary(values: number[]): Omit<TrendPoint, 'year' | 'quarter' | 'key'> {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: values.length,
    mean: meanOrNull(values) as number,
    median: percentileCont(sorted, 0.5) as number,
    stddev: sampleStddev(values),
    p25: percentileCont(sorted, 0.25) as number,
    p75: percentileCont(sorted, 0.75) as number,
  };
}

export function performanceTrend(
  data: Dataset,
  input: {
    groupBy: TrendGroupBy;
    from: PeriodRef;
    to: PeriodRef;
    agencyCodes?: string[];
    criterionCodes?: string[];
    metric?: Metric;
  },
): TrendPoint[] {
  const groups = new Map<string, { year: number; quarter: number; key: string; values: number[] }>();
  const add = (e: Evaluation, key: string, value: number) => {
    const id = `${e.year}|${e.quarter}|${key}`;
    const group = groups.get(id) ?? { year: e.year, quarter: e.quarter, key, values: [] };
    group.values.push(value);
    groups.set(id, group);
  };
  for (const e of data.evaluations) {
    if (!COUNTED.has(e.status) || !inRange(e, input.from, input.to)) continue;
    if (input.agencyCodes && !input.agencyCodes.includes(e.agencyCode)) continue;
    if (input.groupBy === 'CRITERION') {
      for (const s of e.scores) {
        if (input.criterionCodes && !input.criterionCodes.includes(s.code)) continue;
        add(e, s.code, s.score);
      }
      continue;
    }
    const value = metricOf(e, input.metric ?? 'SCORE');
    if (value === null) continue;
    const employee = data.employees.get(e.nip);
    const key =
      input.groupBy === 'NONE'
        ? 'ALL'
        : input.groupBy === 'AGENCY'
          ? e.agencyCode
          : input.groupBy === 'POSITION_TYPE'
            ? employee?.positionType || 'UNKNOWN'
            : input.groupBy === 'EMPLOYMENT_TYPE'
              ? employee?.employmentType || 'UNKNOWN'
              : rankGroup(employee);
    add(e, key, value);
  }
  return [...groups.values()]
    .map((g) => ({ year: g.year, quarter: g.quarter, key: g.key, ...summary(g.values) }))
    .sort((a, b) => a.year - b.year || a.quarter - b.quarter || a.key.localeCompare(b.key));
}

export interface AgencyStanding {
  agencyCode: string;
  n: number;
  meanScore: number;
  rank: number;
  predikatCounts: { predikat: Predikat; count: number; share: number }[];
  criterionMeans: Map<string, number>;
  trainingJpPerEmployee: number;
  shareMeeting20Jp: number | null;
}

/**
 * Per agency for a year (annual scores, an employee in the agency of their last counted evaluation that year) or a
 * quarter (quarterly scores): n, mean, competition rank among all agencies, predikat counts and shares, mean per
 * criterion, JP per employee in the calendar year and the PNS share with at least 20 JP.
 */
export function agencyComparison(data: Dataset, year: number, quarter?: number): AgencyStanding[] {
  const members = new Map<string, { nip: string; score: number; predikat: Predikat | null }[]>();
  const push = (agency: string, row: { nip: string; score: number; predikat: Predikat | null }) => {
    const list = members.get(agency) ?? [];
    list.push(row);
    members.set(agency, list);
  };
  if (quarter === undefined) {
    for (const a of annualResults(data)) {
      if (a.year === year && a.score !== null) push(a.agencyCode, { nip: a.nip, score: a.score, predikat: a.predikat });
    }
  } else {
    for (const e of data.evaluations) {
      if (e.year === year && e.quarter === quarter && COUNTED.has(e.status) && e.score !== null) {
        push(e.agencyCode, { nip: e.nip, score: e.score, predikat: e.predikat });
      }
    }
  }

  const criterionScores = new Map<string, Map<string, number[]>>();
  for (const e of data.evaluations) {
    if (e.year !== year || (quarter !== undefined && e.quarter !== quarter) || !COUNTED.has(e.status)) continue;
    const perAgency = criterionScores.get(e.agencyCode) ?? new Map<string, number[]>();
    criterionScores.set(e.agencyCode, perAgency);
    for (const s of e.scores) {
      const list = perAgency.get(s.code) ?? [];
      list.push(s.score);
      perAgency.set(s.code, list);
    }
  }

  const jp = new Map<string, number>();
  for (const p of data.participations) {
    if (Number(p.completedOn.slice(0, 4)) !== year) continue;
    jp.set(p.nip, (jp.get(p.nip) ?? 0) + p.hoursJp);
  }

  const agencies = [...members.keys()].sort();
  const means = agencies.map((a) => meanOrNull(members.get(a)!.map((m) => m.score)) as number);
  const ranks = competitionRanks(means);
  return agencies.map((agencyCode, i) => {
    const list = members.get(agencyCode)!;
    const n = list.length;
    const pns = list.filter((m) => data.employees.get(m.nip)?.employmentType === 'PNS');
    const criterionMeans = new Map<string, number>();
    for (const [code, values] of criterionScores.get(agencyCode) ?? []) criterionMeans.set(code, meanOrNull(values)!);
    return {
      agencyCode,
      n,
      meanScore: means[i] as number,
      rank: ranks[i] as number,
      predikatCounts: PREDIKATS.map((predikat) => {
        const count = list.filter((m) => m.predikat === predikat).length;
        return { predikat, count, share: count / n };
      }),
      criterionMeans,
      trainingJpPerEmployee: list.reduce((sum, m) => sum + (jp.get(m.nip) ?? 0), 0) / n,
      shareMeeting20Jp: pns.length === 0 ? null : pns.filter((m) => (jp.get(m.nip) ?? 0) >= 20).length / pns.length,
    };
  });
}
