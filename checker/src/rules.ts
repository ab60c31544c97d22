/**
 * The scoring rules, written again from docs/scoring.md and docs/analytics.md without the shared package: the
 * checker is only a check if it does not reuse the code it checks (docs/checker.md).
 */

export type Category = 'HASIL_KERJA' | 'PERILAKU_KERJA';
export type Rating = 'DI_ATAS_EKSPEKTASI' | 'SESUAI_EKSPEKTASI' | 'DI_BAWAH_EKSPEKTASI';
export type Predikat = 'SANGAT_BAIK' | 'BAIK' | 'BUTUH_PERBAIKAN' | 'KURANG' | 'SANGAT_KURANG';

export const PREDIKATS: readonly Predikat[] = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'];

/** The default policy (docs/scoring.md); the checker compares against an API running it. */
export interface Policy {
  hasilKerjaWeight: number;
  perilakuKerjaWeight: number;
  aboveThreshold: number;
  meetsThreshold: number;
  innovationRule: boolean;
}

export const DEFAULT_POLICY: Policy = {
  hasilKerjaWeight: 0.7,
  perilakuKerjaWeight: 0.3,
  aboveThreshold: 110,
  meetsThreshold: 90,
  innovationRule: true,
};

/** Scores and means are compared after rounding to 6 decimal places. */
export function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** A score from an indicator's realisation, capped at 120; realisation 0 with lower-is-better scores 120. */
export function indicatorScore(realisation: number, target: number, lowerIsBetter: boolean): number {
  if (lowerIsBetter) return realisation === 0 ? 120 : Math.min(120, (100 * target) / realisation);
  return Math.min(120, (100 * realisation) / target);
}

/** Weighted mean of the scored criteria of one category; null when none is scored. */
export function categoryScore(scores: readonly { weight: number; score: number }[]): number | null {
  let sum = 0;
  let weights = 0;
  for (const s of scores) {
    sum += s.weight * s.score;
    weights += s.weight;
  }
  return weights > 0 ? sum / weights : null;
}

export function combinedScore(hk: number | null, pk: number | null, policy: Policy = DEFAULT_POLICY): number | null {
  if (hk === null || pk === null) return null;
  return policy.hasilKerjaWeight * hk + policy.perilakuKerjaWeight * pk;
}

export function ratingOf(score: number | null, policy: Policy = DEFAULT_POLICY): Rating | null {
  if (score === null) return null;
  const s = round6(score);
  if (s >= policy.aboveThreshold) return 'DI_ATAS_EKSPEKTASI';
  if (s >= policy.meetsThreshold) return 'SESUAI_EKSPEKTASI';
  return 'DI_BAWAH_EKSPEKTASI';
}

const MATRIX: Record<Rating, Record<Rating, Predikat>> = {
  DI_ATAS_EKSPEKTASI: {
    DI_BAWAH_EKSPEKTASI: 'KURANG',
    SESUAI_EKSPEKTASI: 'BAIK',
    DI_ATAS_EKSPEKTASI: 'SANGAT_BAIK',
  },
  SESUAI_EKSPEKTASI: { DI_BAWAH_EKSPEKTASI: 'KURANG', SESUAI_EKSPEKTASI: 'BAIK', DI_ATAS_EKSPEKTASI: 'BAIK' },
  DI_BAWAH_EKSPEKTASI: {
    DI_BAWAH_EKSPEKTASI: 'SANGAT_KURANG',
    SESUAI_EKSPEKTASI: 'BUTUH_PERBAIKAN',
    DI_ATAS_EKSPEKTASI: 'BUTUH_PERBAIKAN',
  },
};

/** Predikat from the work-results rating (rows) and the behaviour rating (columns). */
export function predikatOf(hk: Rating | null, pk: Rating | null): Predikat | null {
  return hk === null || pk === null ? null : MATRIX[hk][pk];
}

export interface Result {
  hasilKerjaScore: number | null;
  perilakuKerjaScore: number | null;
  score: number | null;
  hasilKerjaRating: Rating | null;
  perilakuKerjaRating: Rating | null;
  predikat: Predikat | null;
}

export function resultOf(hk: number | null, pk: number | null, policy: Policy = DEFAULT_POLICY): Result {
  const hasilKerjaRating = ratingOf(hk, policy);
  const perilakuKerjaRating = ratingOf(pk, policy);
  return {
    hasilKerjaScore: hk,
    perilakuKerjaScore: pk,
    score: combinedScore(hk, pk, policy),
    hasilKerjaRating,
    perilakuKerjaRating,
    predikat: predikatOf(hasilKerjaRating, perilakuKerjaRating),
  };
}

export interface AnnualOutcome extends Result {
  innovationCount: number;
  innovationRuleApplied: boolean;
}

/** Annual result: category means over the quarters that have them, then the innovation rule. */
export function annualOf(
  quarters: readonly { hasilKerjaScore: number | null; perilakuKerjaScore: number | null }[],
  verifiedInnovations: number,
  policy: Policy = DEFAULT_POLICY,
): AnnualOutcome | null {
  const hk = meanOrNull(quarters.map((q) => q.hasilKerjaScore).filter((x): x is number => x !== null));
  const pk = meanOrNull(quarters.map((q) => q.perilakuKerjaScore).filter((x): x is number => x !== null));
  if (hk === null && pk === null) return null;
  const base = resultOf(hk, pk, policy);
  const applied = policy.innovationRule && base.predikat === 'SANGAT_BAIK' && verifiedInnovations < 1;
  return {
    ...base,
    predikat: applied ? 'BAIK' : base.predikat,
    innovationCount: verifiedInnovations,
    innovationRuleApplied: applied,
  };
}

export function meanOrNull(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Sample standard deviation (n - 1); null when n < 2. */
export function sampleStddev(values: readonly number[]): number | null {
  if (values.length < 2) return null;
  const mean = meanOrNull(values) as number;
  let sq = 0;
  for (const v of values) sq += (v - mean) ** 2;
  return Math.sqrt(sq / (values.length - 1));
}

/** Percentile by linear interpolation between the closest ranks, as PostgreSQL's percentile_cont. */
export function percentileCont(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const pos = p * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (pos - lo);
}

/** Competition ranks of means (1 = highest; ties on the 6-decimal value share the smaller rank: 1, 2, 2, 4). */
export function competitionRanks(means: readonly number[]): number[] {
  const rounded = means.map(round6);
  return rounded.map((m) => 1 + rounded.filter((other) => other > m).length);
}
