import { COUNTED, type Dataset } from './data.js';
import { meanOrNull, round6, sampleStddev } from './rules.js';

/**
 * Training impact and rater objectivity of docs/analytics.md, recomputed from the import folder for a caller who
 * sees every assessor (ADMIN). The policy is the default one: training-impact minimum 5, z threshold 3, at least 5
 * employees rated for a flag.
 */

const TRAINING_IMPACT_MIN_N = 5;
const Z_THRESHOLD = 3;
const RATER_MIN_EMPLOYEES = 5;

/** The quarter index of docs/analytics.md: year * 4 + quarter - 1. */
function quarterIndex(year: number, quarter: number): number {
  return year * 4 + quarter - 1;
}

/** The quarter index of a date `YYYY-MM-DD`. */
function quarterOfDate(date: string): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return quarterIndex(year, Math.floor((month - 1) / 3) + 1);
}

export interface DidFigures {
  nTreated: number;
  nControl: number;
  treatedPre: number;
  treatedPost: number;
  controlPre: number;
  controlPost: number;
  effect: number;
  standardError: number;
  ciLow: number;
  ciHigh: number;
}

export interface TrainingImpactFigures {
  /** null when suppressed. */
  main: DidFigures | null;
  /** null when suppressed, missing or withheld. */
  preTrend: DidFigures | null;
  suppressed: boolean;
}

interface Cohort {
  agency: string;
  t0: number;
  treated: string[];
}

/**
 * One difference in differences over cohorts: each treated and control employee's change between the windows
 * `[lo, hi]` before and after (relative to the cohort's t0), the cohorts kept with at least one of each, weighted by
 * their treated.
 */
function did(
  cohorts: { t0: number; treated: string[]; controls: string[] }[],
  scores: Map<string, Map<number, number>>,
  before: [number, number],
  after: [number, number],
): { figures: DidFigures; kept: { t0: number; treated: string[]; controls: string[] }[] } | null {
  const windowMean = (nip: string, t0: number, [lo, hi]: [number, number]) => {
    const byQuarter = scores.get(nip);
    const values: number[] = [];
    for (let q = t0 + lo; q <= t0 + hi; q++) {
      const v = byQuarter?.get(q);
      if (v !== undefined) values.push(v);
    }
    return meanOrNull(values);
  };
  const change = (nip: string, t0: number) => {
    const b = windowMean(nip, t0, before);
    const a = windowMean(nip, t0, after);
    return b === null || a === null ? null : { nip, before: b, after: a, d: a - b };
  };
  const kept: {
    t0: number;
    treated: NonNullable<ReturnType<typeof change>>[];
    controls: (typeof kept)[0]['treated'];
  }[] = [];
  for (const cohort of cohorts) {
    const treated = cohort.treated.map((n) => change(n, cohort.t0)).filter((x) => x !== null);
    const controls = cohort.controls.map((n) => change(n, cohort.t0)).filter((x) => x !== null);
    if (treated.length > 0 && controls.length > 0) kept.push({ t0: cohort.t0, treated, controls });
  }
  if (kept.length === 0) return null;
  const totalTreated = kept.reduce((s, k) => s + k.treated.length, 0);
  let effect = 0;
  let treatedPre = 0;
  let treatedPost = 0;
  let controlPre = 0;
  let controlPost = 0;
  let variance = 0;
  const controlSet = new Set<string>();
  for (const k of kept) {
    const w = k.treated.length / totalTreated;
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const dT = k.treated.map((x) => x.d);
    const dC = k.controls.map((x) => x.d);
    effect += w * (mean(dT) - mean(dC));
    treatedPre += w * mean(k.treated.map((x) => x.before));
    treatedPost += w * mean(k.treated.map((x) => x.after));
    controlPre += w * mean(k.controls.map((x) => x.before));
    controlPost += w * mean(k.controls.map((x) => x.after));
    const varOf = (xs: number[]) => {
      const sd = sampleStddev(xs);
      return sd === null ? 0 : sd * sd;
    };
    variance += w * w * (varOf(dT) / dT.length + varOf(dC) / dC.length);
    for (const c of k.controls) controlSet.add(c.nip);
  }
  const se = Math.sqrt(variance);
  return {
    figures: {
      nTreated: totalTreated,
      nControl: controlSet.size,
      treatedPre,
      treatedPost,
      controlPre,
      controlPost,
      effect,
      standardError: se,
      ciLow: effect - 1.96 * se,
      ciHigh: effect + 1.96 * se,
    },
    kept: kept.map((k) => ({ t0: k.t0, treated: k.treated.map((x) => x.nip), controls: k.controls.map((x) => x.nip) })),
  };
}

/** Training impact (docs/analytics.md "Training impact"): stacked difference in differences by (agency, t0). */
export function trainingImpact(
  data: Dataset,
  input: { trainingCode?: string; agencyCode?: string; window?: number },
): TrainingImpactFigures {
  const w = input.window ?? 2;
  const inAgency = (nip: string) => {
    const agency = data.employees.get(nip)?.agencyCode;
    return !!agency && (!input.agencyCode || agency === input.agencyCode);
  };
  // Quarterly scores of counted evaluations per employee and quarter (the mean, should there be two).
  const sums = new Map<string, Map<number, number[]>>();
  for (const e of data.evaluations) {
    if (!COUNTED.has(e.status) || e.score === null) continue;
    const byQuarter = sums.get(e.nip) ?? new Map<number, number[]>();
    const q = quarterIndex(e.year, e.quarter);
    byQuarter.set(q, (byQuarter.get(q) ?? []).concat(e.score));
    sums.set(e.nip, byQuarter);
  }
  const scores = new Map(
    [...sums].map(([nip, m]) => [nip, new Map([...m].map(([q, xs]) => [q, meanOrNull(xs) as number]))]),
  );
  const completions = new Map<string, number[]>();
  const firstInScope = new Map<string, number>();
  for (const p of data.participations) {
    if (!inAgency(p.nip)) continue;
    const q = quarterOfDate(p.completedOn);
    completions.set(p.nip, (completions.get(p.nip) ?? []).concat(q));
    if (input.trainingCode && p.trainingCode !== input.trainingCode) continue;
    const seen = firstInScope.get(p.nip);
    if (seen === undefined || q < seen) firstInScope.set(p.nip, q);
  }
  const cohorts = new Map<string, Cohort>();
  for (const [nip, t0] of firstInScope) {
    const agency = data.employees.get(nip)!.agencyCode;
    const key = `${agency}|${t0}`;
    const cohort = cohorts.get(key) ?? { agency, t0, treated: [] };
    cohort.treated.push(nip);
    cohorts.set(key, cohort);
  }
  const withControls = [...cohorts.values()]
    .sort((a, b) => (a.agency < b.agency ? -1 : a.agency > b.agency ? 1 : a.t0 - b.t0))
    .map((c) => ({
      t0: c.t0,
      treated: c.treated,
      controls: [...data.employees.values()]
        .filter((e) => e.agencyCode === c.agency && inAgency(e.nip))
        .filter((e) => !(completions.get(e.nip) ?? []).some((q) => q >= c.t0 - w && q <= c.t0 + w))
        .map((e) => e.nip),
    }));
  const main = did(withControls, scores, [-w, -1], [1, w]);
  if (!main || main.figures.nTreated < TRAINING_IMPACT_MIN_N || main.figures.nControl < TRAINING_IMPACT_MIN_N) {
    return { main: null, preTrend: null, suppressed: true };
  }
  const pre = did(main.kept, scores, [-2 * w, -w - 1], [-w, -1]);
  const preShown =
    pre && pre.figures.nTreated >= TRAINING_IMPACT_MIN_N && pre.figures.nControl >= TRAINING_IMPACT_MIN_N
      ? pre.figures
      : null;
  return { main: main.figures, preTrend: preShown, suppressed: false };
}

export interface RaterRow {
  assessorNip: string;
  nEmployees: number;
  nScores: number;
  meanGiven: number;
  leniency: number;
  standardError: number | null;
  z: number | null;
  flags: string[];
}

/** Rater objectivity (docs/analytics.md "Rater objectivity") over the judged scores of a range and agency. */
export function raterObjectivity(data: Dataset, input: { from: number; to: number; agencyCode?: string }): RaterRow[] {
  interface Judged {
    assessor: string | null;
    nip: string;
    evaluation: number;
    cell: string;
    spreadCell: string;
    category: string;
    score: number;
  }
  const judged: Judged[] = [];
  data.evaluations.forEach((e, evaluation) => {
    const q = quarterIndex(e.year, e.quarter);
    if (!COUNTED.has(e.status) || q < input.from || q > input.to) return;
    if (input.agencyCode && e.agencyCode !== input.agencyCode) return;
    for (const s of e.scores) {
      if (s.derived) continue;
      judged.push({
        assessor: e.assessorNip,
        nip: e.nip,
        evaluation,
        cell: `${s.code}|${e.agencyCode}|${q}`,
        spreadCell: `${e.agencyCode}|${q}`,
        category: s.category,
        score: s.score,
      });
    }
  });
  const group = <T>(xs: T[], key: (x: T) => string) => {
    const m = new Map<string, T[]>();
    for (const x of xs) {
      const k = key(x);
      const list = m.get(k);
      if (list) list.push(x);
      else m.set(k, [x]);
    }
    return m;
  };
  const cellMean = new Map(
    [...group(judged, (j) => j.cell)].map(([k, xs]) => [k, meanOrNull(xs.map((x) => x.score))!]),
  );
  const withAssessor = judged.filter((j) => j.assessor !== null);
  const pairs = group(withAssessor, (j) => `${j.assessor}|${j.nip}`);
  const pairMean = new Map(
    [...pairs].map(([k, xs]) => [k, meanOrNull(xs.map((x) => x.score - cellMean.get(x.cell)!))!]),
  );
  const sd = sampleStddev([...pairMean.values()]);
  const spread = group(judged, (j) => j.spreadCell);
  const rows: RaterRow[] = [];
  for (const [assessor, given] of group(withAssessor, (j) => j.assessor!)) {
    const employees = [...new Set(given.map((g) => g.nip))];
    const leniency = meanOrNull(employees.map((nip) => pairMean.get(`${assessor}|${nip}`)!))!;
    const se = sd === null ? null : sd / Math.sqrt(employees.length);
    const z = se === null || se === 0 ? null : leniency / se;
    const flags: string[] = [];
    if (employees.length >= RATER_MIN_EMPLOYEES) {
      if (z !== null && round6(z) > Z_THRESHOLD) flags.push('LENIENT');
      if (z !== null && round6(-z) > Z_THRESHOLD) flags.push('SEVERE');
      const sdGiven = sampleStddev(given.map((g) => g.score));
      const cells = new Set(given.map((g) => g.spreadCell));
      const sdCells = sampleStddev([...cells].flatMap((c) => spread.get(c)!.map((x) => x.score)));
      if (sdGiven !== null && sdCells !== null && round6(sdGiven) < round6(sdCells / 2)) {
        flags.push('CENTRAL_TENDENCY');
      }
      let eligible = 0;
      let uniform = 0;
      for (const scores of group(
        given.filter((g) => g.category === 'PERILAKU_KERJA'),
        (g) => String(g.evaluation),
      ).values()) {
        if (scores.length < 2) continue;
        eligible++;
        if (new Set(scores.map((s) => round6(s.score))).size === 1) uniform++;
      }
      if (eligible > 0 && uniform * 5 > eligible * 4) flags.push('HALO');
    }
    rows.push({
      assessorNip: assessor,
      nEmployees: employees.length,
      nScores: given.length,
      meanGiven: meanOrNull(given.map((g) => g.score))!,
      leniency,
      standardError: se,
      z,
      flags,
    });
  }
  return rows.sort((a, b) => (a.assessorNip < b.assessorNip ? -1 : a.assessorNip > b.assessorNip ? 1 : 0));
}
