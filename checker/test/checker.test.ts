import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  agencyComparison,
  annualResults,
  competitionRanks,
  distributionCheck,
  loadFolder,
  percentileCont,
  performanceTrend,
  predikatOf,
  ratingOf,
  round6,
  scoreStatistics,
} from '../src/index.js';

/**
 * The checker's own recomputation, on a hand-made folder whose every figure is worked out by hand below (the
 * comparison against the API is server/test/checker.test.ts).
 */
const folder = fileURLToPath(new URL('./fixtures/small', import.meta.url));

describe('checker rules', () => {
  it('rounds to 6 decimals before thresholds and ranks', () => {
    expect(ratingOf(89.99999999999999)).toBe('SESUAI_EKSPEKTASI');
    expect(ratingOf(89.9999)).toBe('DI_BAWAH_EKSPEKTASI');
    expect(ratingOf(110)).toBe('DI_ATAS_EKSPEKTASI');
    expect(competitionRanks([90, 95, 95, 80])).toEqual([3, 1, 1, 4]);
    expect(competitionRanks([89.99999999999999, 90])).toEqual([1, 1]);
    expect(round6(1.23456749)).toBe(1.234567);
  });

  it('has the predikat matrix of docs/scoring.md', () => {
    expect(predikatOf('DI_ATAS_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI')).toBe('KURANG');
    expect(predikatOf('SESUAI_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI')).toBe('BAIK');
    expect(predikatOf('DI_BAWAH_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI')).toBe('SANGAT_KURANG');
    expect(predikatOf('DI_BAWAH_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI')).toBe('BUTUH_PERBAIKAN');
    expect(predikatOf(null, 'SESUAI_EKSPEKTASI')).toBeNull();
  });

  it('interpolates percentiles as percentile_cont', () => {
    expect(percentileCont([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75, 12);
    expect(percentileCont([7], 0.75)).toBe(7);
  });
});

describe('checker on a hand-made folder', () => {
  const data = loadFolder(folder);
  const byKey = new Map(data.evaluations.map((e) => [`${e.nip}|${e.quarter}`, e]));

  it('reads quoted fields, `;` separators and decimal commas; derives indicator scores', () => {
    const e1q1 = byKey.get('E1|1')!;
    // K2 from realisation 88 against target 80: 110.
    expect(e1q1.scores.find((s) => s.code === 'K2')).toMatchObject({ score: 110, derived: true });
    // HK = (60*100 + 40*110) / 100 = 104; PK 90; score 0.7*104 + 0.3*90 = 99.8.
    expect(e1q1.hasilKerjaScore).toBeCloseTo(104, 12);
    expect(e1q1.score).toBeCloseTo(99.8, 12);
    expect(e1q1.predikat).toBe('BAIK');
    expect(byKey.get('E1|2')!.predikat).toBe('SANGAT_BAIK');
    expect(byKey.get('E3|1')!.predikat).toBe('BUTUH_PERBAIKAN');
    expect(byKey.get('E2|2')!.status).toBe('DRAFT');
  });

  it('computes annual results without DRAFT evaluations and with the innovation rule', () => {
    const annual = new Map(annualResults(data).map((a) => [a.nip, a]));
    // E1: HK (104+120)/2 = 112, PK (90+115)/2 = 102.5, score 78.4 + 30.75 = 109.15: DI_ATAS x SESUAI = BAIK.
    expect(annual.get('E1')!.score).toBeCloseTo(109.15, 10);
    expect(annual.get('E1')).toMatchObject({ predikat: 'BAIK', innovationRuleApplied: false });
    // E2: only Q1 counts (110 everywhere, SANGAT_BAIK); the unverified innovation does not count: BAIK.
    expect(annual.get('E2')).toMatchObject({
      score: 110,
      predikat: 'BAIK',
      innovationCount: 0,
      innovationRuleApplied: true,
    });
    // E3: HK 90, PK 110, score 96: SESUAI x DI_ATAS = BAIK, one verified innovation.
    expect(annual.get('E3')!.score).toBeCloseTo(96, 10);
    expect(annual.get('E3')).toMatchObject({ predikat: 'BAIK', innovationCount: 1 });
  });

  it('computes the trend per period', () => {
    const points = performanceTrend(data, {
      groupBy: 'NONE',
      from: { year: 2025, quarter: 1 },
      to: { year: 2025, quarter: 4 },
    });
    expect(points.map((p) => [p.quarter, p.key, p.n])).toEqual([
      [1, 'ALL', 3],
      [2, 'ALL', 2],
    ]);
    // Q1: 86, 99.8, 110.
    const [q1, q2] = points;
    expect(q1!.mean).toBeCloseTo(98.6, 10);
    expect(q1!.median).toBeCloseTo(99.8, 10);
    expect(q1!.p25).toBeCloseTo(92.9, 10);
    expect(q1!.p75).toBeCloseTo(104.9, 10);
    expect(q1!.stddev).toBeCloseTo(Math.sqrt(290.16 / 2), 10);
    // Q2: 106, 118.5 (E2's DRAFT left out).
    expect(q2!.mean).toBeCloseTo(112.25, 10);
    expect(q2!.stddev).toBeCloseTo(Math.sqrt(78.125), 10);
    const ranks = performanceTrend(data, {
      groupBy: 'RANK_GROUP',
      from: { year: 2025, quarter: 1 },
      to: { year: 2025, quarter: 1 },
    });
    expect(ranks.map((p) => [p.key, p.n, p.stddev])).toEqual([
      ['III', 1, null],
      ['IV', 1, null],
      ['PPPK', 1, null],
    ]);
    const criteria = performanceTrend(data, {
      groupBy: 'CRITERION',
      from: { year: 2025, quarter: 2 },
      to: { year: 2025, quarter: 2 },
      criterionCodes: ['P1'],
    });
    expect(criteria.map((p) => [p.key, p.n, p.mean])).toEqual([['P1', 2, 117.5]]);
  });

  it('compares agencies for a year and for a quarter', () => {
    const [a, b] = agencyComparison(data, 2025);
    // A: E1 109.15 and E2 110; B: E3 96.
    expect(a).toMatchObject({ agencyCode: 'A', n: 2, rank: 1, trainingJpPerEmployee: 12, shareMeeting20Jp: 1 });
    expect(a!.meanScore).toBeCloseTo(109.575, 10);
    expect(a!.predikatCounts.find((p) => p.predikat === 'BAIK')).toEqual({ predikat: 'BAIK', count: 2, share: 1 });
    expect(a!.criterionMeans.get('K1')).toBeCloseTo(110, 10);
    expect(a!.criterionMeans.get('K2')).toBeCloseTo(340 / 3, 10);
    expect(a!.criterionMeans.get('P1')).toBeCloseTo(105, 10);
    expect(b).toMatchObject({
      agencyCode: 'B',
      n: 1,
      rank: 2,
      meanScore: 96,
      trainingJpPerEmployee: 0,
      shareMeeting20Jp: 0,
    });
    const quarter = agencyComparison(data, 2025, 1);
    expect(quarter.map((s) => [s.agencyCode, s.n, s.rank, round6(s.meanScore)])).toEqual([
      ['A', 2, 1, 104.9],
      ['B', 1, 2, 86],
    ]);
  });

  it('computes ad hoc statistics per group with predikat counts', () => {
    const span = { from: { year: 2025, quarter: 1 }, to: { year: 2025, quarter: 2 } };
    const byAgency = new Map(scoreStatistics(data, { groupBy: ['AGENCY'], ...span }).map((g) => [g.key, g]));
    // A: 99.8 (E1 Q1), 118.5 (E1 Q2), 110 (E2 Q1); B: 86, 106.
    const a = byAgency.get('AGENCY=A')!;
    expect([a.n, a.min, a.median, a.max]).toEqual([3, 99.8, 110, 118.5]);
    expect(a.mean).toBeCloseTo(328.3 / 3, 10);
    expect(Object.fromEntries(a.predikatCounts!)).toEqual({ BAIK: 1, SANGAT_BAIK: 2 });
    expect(Object.fromEntries(byAgency.get('AGENCY=B')!.predikatCounts!)).toEqual({ BUTUH_PERBAIKAN: 1, BAIK: 1 });
    const byCriterion = scoreStatistics(data, { groupBy: ['CRITERION', 'PERIOD'], ...span });
    expect(byCriterion.find((g) => g.key === 'CRITERION=K2,PERIOD=2025-Q1')).toMatchObject({ n: 3, min: 80, max: 110 });
    expect(byCriterion[0]!.predikatCounts).toBeNull();
  });

  it('checks the distribution against the org predikat', () => {
    // A (BAIK): 2 of 2 BAIK is above 70%, and nobody is BUTUH_PERBAIKAN or KURANG.
    const a = distributionCheck(data, 'A', 2025);
    expect([a.total, a.met, Object.fromEntries(a.rules)]).toEqual([
      2,
      false,
      { BAIK_MAX_70_PERCENT: false, BUTUH_PERBAIKAN_OR_KURANG_MIN_1: false },
    ]);
    // B (ISTIMEWA): E3 BAIK, no SANGAT_BAIK.
    expect(distributionCheck(data, 'B', 2025)).toMatchObject({ total: 1, met: true });
    // No org predikat for 2024 and nobody counted: met is null.
    expect(distributionCheck(data, 'A', 2024).met).toBeNull();
  });
});
