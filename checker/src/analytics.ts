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

export type StatDimension =
  | 'YEAR'
  | 'PERIOD'
  | 'AGENCY'
  | 'CRITERION'
  | 'POSITION_TYPE'
  | 'EMPLOYMENT_TYPE'
  | 'RANK_GROUP'
  | 'GENDER'
  | 'PREDIKAT';

export interface StatGroup {
  /** `DIMENSION=value` joined by `,` in the order of `groupBy`. */
  key: string;
  n: number;
  mean: number;
  stddev: number | null;
  min: number;
  p25: number;
  median: number;
  p75: number;
  max: number;
  /** Quarterly predikat counts of the group's evaluations (not with CRITERION). */
  predikatCounts: Map<string, number> | null;
}

/** Ad hoc statistics over counted evaluations (criterion scores with CRITERION in `groupBy`). */
export function scoreStatistics(
  data: Dataset,
  input: { groupBy: StatDimension[]; from: PeriodRef; to: PeriodRef; metric?: Metric },
): StatGroup[] {
  const byCriterion = input.groupBy.includes('CRITERION');
  const groups = new Map<string, { values: number[]; predikats: (string | null)[] }>();
  const valueOf = (d: StatDimension, e: Evaluation, criterion: string | null): string => {
    const employee = data.employees.get(e.nip);
    switch (d) {
      case 'YEAR':
        return String(e.year);
      case 'PERIOD':
        return `${e.year}-Q${e.quarter}`;
      case 'AGENCY':
        return e.agencyCode;
      case 'CRITERION':
        return criterion as string;
      case 'POSITION_TYPE':
        return employee?.positionType || 'UNKNOWN';
      case 'EMPLOYMENT_TYPE':
        return employee?.employmentType || 'UNKNOWN';
      case 'RANK_GROUP':
        return rankGroup(employee);
      case 'GENDER':
        return employee?.gender || 'UNKNOWN';
      case 'PREDIKAT':
        return e.predikat ?? 'NONE';
    }
  };
  const add = (e: Evaluation, criterion: string | null, value: number) => {
    const key = input.groupBy.map((d) => `${d}=${valueOf(d, e, criterion)}`).join(',');
    const group = groups.get(key) ?? { values: [], predikats: [] };
    group.values.push(value);
    group.predikats.push(e.predikat);
    groups.set(key, group);
  };
  for (const e of data.evaluations) {
    if (!COUNTED.has(e.status)) continue;
    if (!inRange(e, input.from, input.to)) continue;
    if (byCriterion) {
      for (const s of e.scores) add(e, s.code, s.score);
      continue;
    }
    const value = metricOf(e, input.metric ?? 'SCORE');
    if (value !== null) add(e, null, value);
  }
  return [...groups.entries()].map(([key, g]) => {
    const s = summary(g.values);
    const sorted = [...g.values].sort((a, b) => a - b);
    const counts = new Map<string, number>();
    for (const p of g.predikats) if (p !== null) counts.set(p, (counts.get(p) ?? 0) + 1);
    return {
      key,
      n: s.n,
      mean: s.mean,
      stddev: s.stddev,
      min: sorted[0] as number,
      p25: s.p25,
      median: s.median,
      p75: s.p75,
      max: sorted[sorted.length - 1] as number,
      predikatCounts: byCriterion ? null : counts,
    };
  });
}

export type OrgPredikat = 'ISTIMEWA' | 'BAIK' | 'BUTUH_PERBAIKAN' | 'KURANG' | 'SANGAT_KURANG';

export interface DistributionOutcome {
  /** Annual predikat counts of the employees counted as in the year's agency comparison. */
  counts: Map<Predikat, number>;
  total: number;
  /** Per rule (the codes of docs/analytics.md): met or broken. */
  rules: Map<string, boolean>;
  /** Null without employees or without an org predikat. */
  met: boolean | null;
}

/** The distribution check of one agency and year against the pattern its org predikat allows (percent in whole numbers). */
export function distributionCheck(data: Dataset, agencyCode: string, year: number): DistributionOutcome {
  const counts = new Map<Predikat, number>();
  let total = 0;
  for (const a of annualResults(data)) {
    if (a.year !== year || a.agencyCode !== agencyCode || a.predikat === null) continue;
    counts.set(a.predikat, (counts.get(a.predikat) ?? 0) + 1);
    total++;
  }
  const org = data.orgPredikats.get(`${agencyCode}|${year}`) as OrgPredikat | undefined;
  const rules = new Map<string, boolean>();
  if (!org || total === 0) return { counts, total, rules, met: null };
  const c = (...ps: Predikat[]) => ps.reduce((sum, p) => sum + (counts.get(p) ?? 0), 0);
  const atMost = (count: number, percent: number) => count * 100 <= percent * total;
  const atLeast = (count: number, percent: number) => count * 100 >= percent * total;
  if (org === 'ISTIMEWA') rules.set('SANGAT_BAIK_MAX_70_PERCENT', atMost(c('SANGAT_BAIK'), 70));
  if (org === 'BAIK') {
    rules.set('BAIK_MAX_70_PERCENT', atMost(c('BAIK'), 70));
    rules.set('BUTUH_PERBAIKAN_OR_KURANG_MIN_1', c('BUTUH_PERBAIKAN', 'KURANG') >= 1);
  }
  if (org === 'BUTUH_PERBAIKAN') {
    rules.set('BUTUH_PERBAIKAN_MIN_60_PERCENT', atLeast(c('BUTUH_PERBAIKAN'), 60));
    rules.set('SANGAT_BAIK_MAX_10_PERCENT', atMost(c('SANGAT_BAIK'), 10));
  }
  if (org === 'KURANG') {
    rules.set('KURANG_MIN_60_PERCENT', atLeast(c('KURANG'), 60));
    rules.set('BUTUH_PERBAIKAN_MIN_10_PERCENT', atLeast(c('BUTUH_PERBAIKAN'), 10));
    rules.set('SANGAT_BAIK_MAX_10_PERCENT', atMost(c('SANGAT_BAIK'), 10));
  }
  if (org === 'SANGAT_KURANG') {
    rules.set('SANGAT_KURANG_MIN_60_PERCENT', atLeast(c('SANGAT_KURANG'), 60));
    rules.set('KURANG_OR_BUTUH_PERBAIKAN_MIN_10_PERCENT', atLeast(c('KURANG', 'BUTUH_PERBAIKAN'), 10));
    rules.set('SANGAT_BAIK_MAX_0', c('SANGAT_BAIK') === 0);
  }
  return { counts, total, rules, met: [...rules.values()].every(Boolean) };
}
