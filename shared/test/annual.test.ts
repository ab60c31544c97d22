import { describe, expect, it } from 'vitest';
import { annualResult, type AnnualInput } from '../src/annual.js';
import { makeScoringPolicy } from '../src/policy.js';

// Worked example 2: quarterly HASIL_KERJA 103.05, 108, 112, 115; PERILAKU_KERJA 104, 110, 112, 114.
const EXAMPLE_2: AnnualInput = {
  year: 2025,
  quarters: [
    { quarter: 1, hasilKerjaScore: 103.05, perilakuKerjaScore: 104 },
    { quarter: 2, hasilKerjaScore: 108, perilakuKerjaScore: 110 },
    { quarter: 3, hasilKerjaScore: 112, perilakuKerjaScore: 112 },
    { quarter: 4, hasilKerjaScore: 115, perilakuKerjaScore: 114 },
  ],
  verifiedInnovationCount: 0,
};

// Example 2's variant "had the work-result mean been 111": (108 + 110 + 112 + 114) / 4 = 444 / 4 = 111.
const SANGAT_BAIK_YEAR = (verifiedInnovationCount: number): AnnualInput => ({
  year: 2025,
  quarters: [
    { quarter: 1, hasilKerjaScore: 108, perilakuKerjaScore: 104 },
    { quarter: 2, hasilKerjaScore: 110, perilakuKerjaScore: 110 },
    { quarter: 3, hasilKerjaScore: 112, perilakuKerjaScore: 112 },
    { quarter: 4, hasilKerjaScore: 114, perilakuKerjaScore: 114 },
  ],
  verifiedInnovationCount,
});

describe('annualResult: worked example 2', () => {
  it('HASIL_KERJA 109.5125 SESUAI, PERILAKU_KERJA 110 DI_ATAS, score 109.65875, BAIK', () => {
    const result = annualResult(EXAMPLE_2);
    // (103.05 + 108 + 112 + 115) / 4 = 438.05 / 4
    expect(result?.hasilKerjaScore).toBeCloseTo(109.5125, 10);
    // (104 + 110 + 112 + 114) / 4 = 440 / 4, exact
    expect(result?.perilakuKerjaScore).toBe(110);
    // 0.7 * 109.5125 + 0.3 * 110 = 76.65875 + 33
    expect(result?.score).toBeCloseTo(109.65875, 10);
    expect(result).toMatchObject({
      year: 2025,
      hasilKerjaRating: 'SESUAI_EKSPEKTASI', // 109.5125 < 110
      perilakuKerjaRating: 'DI_ATAS_EKSPEKTASI', // 110 >= 110
      predikat: 'BAIK', // matrix (SESUAI, DI_ATAS)
      predikatBeforeInnovationRule: 'BAIK',
      innovationCount: 0,
      innovationRuleApplied: false, // the rule only touches SANGAT_BAIK
      note: null,
    });
  });

  it('60/40 policy: 0.6 * 109.5125 + 0.4 * 110 = 65.7075 + 44 = 109.7075', () => {
    const policy = makeScoringPolicy({ categoryWeights: { HASIL_KERJA: 0.6, PERILAKU_KERJA: 0.4 } });
    expect(annualResult(EXAMPLE_2, policy)?.score).toBeCloseTo(109.7075, 10);
  });
});

describe('annualResult: the innovation rule (SANGAT_BAIK needs a verified innovation in the year)', () => {
  // HASIL_KERJA 111 (DI_ATAS); PERILAKU_KERJA (104 + 110 + 112 + 114) / 4 = 110 (DI_ATAS); matrix: SANGAT_BAIK.
  // score 0.7 * 111 + 0.3 * 110 = 77.7 + 33 = 110.7
  it.each([
    [
      'no innovation: BAIK, with the reason',
      SANGAT_BAIK_YEAR(0),
      undefined,
      {
        predikat: 'BAIK',
        innovationRuleApplied: true,
        innovationCount: 0,
        note:
          'SANGAT_BAIK requires at least one verified innovation in 2025 (PP 30/2019 Pasal 41, city policy); ' +
          'none recorded, so the predikat is BAIK.',
      },
    ],
    [
      'one innovation: SANGAT_BAIK stands',
      SANGAT_BAIK_YEAR(1),
      undefined,
      { predikat: 'SANGAT_BAIK', innovationRuleApplied: false, innovationCount: 1, note: null },
    ],
    [
      'three innovations: SANGAT_BAIK stands',
      SANGAT_BAIK_YEAR(3),
      undefined,
      { predikat: 'SANGAT_BAIK', innovationRuleApplied: false, innovationCount: 3, note: null },
    ],
    [
      'no innovation, rule switched off by policy: SANGAT_BAIK stands',
      SANGAT_BAIK_YEAR(0),
      makeScoringPolicy({ innovationRule: false }),
      { predikat: 'SANGAT_BAIK', innovationRuleApplied: false, innovationCount: 0, note: null },
    ],
  ] as const)('%s', (_case, input, policy, expected) => {
    const result = annualResult(input, policy);
    expect(result).toMatchObject({
      year: 2025,
      hasilKerjaScore: 111,
      perilakuKerjaScore: 110,
      hasilKerjaRating: 'DI_ATAS_EKSPEKTASI',
      perilakuKerjaRating: 'DI_ATAS_EKSPEKTASI',
      predikatBeforeInnovationRule: 'SANGAT_BAIK',
      ...expected,
    });
    expect(result?.score).toBeCloseTo(110.7, 10);
  });

  it('names the year of the result in the note', () => {
    const result = annualResult({ ...SANGAT_BAIK_YEAR(0), year: 2024 });
    expect(result?.note).toBe(
      'SANGAT_BAIK requires at least one verified innovation in 2024 (PP 30/2019 Pasal 41, city policy); ' +
        'none recorded, so the predikat is BAIK.',
    );
  });
});

describe('annualResult: quarters with a missing category', () => {
  it.each<[string, AnnualInput['quarters'], Record<string, unknown>]>([
    [
      'a quarter with only work results counts towards work results only',
      [
        { quarter: 1, hasilKerjaScore: 100, perilakuKerjaScore: 100 },
        { quarter: 2, hasilKerjaScore: 120, perilakuKerjaScore: null },
      ],
      {
        hasilKerjaScore: 110, // (100 + 120) / 2
        perilakuKerjaScore: 100, // Q1 only; not (100 + 0) / 2
        score: 107, // 0.7 * 110 + 0.3 * 100 = 77 + 30
        hasilKerjaRating: 'DI_ATAS_EKSPEKTASI',
        perilakuKerjaRating: 'SESUAI_EKSPEKTASI',
        predikat: 'BAIK', // matrix (DI_ATAS, SESUAI)
      },
    ],
    [
      'quarters each with one category',
      [
        { quarter: 1, hasilKerjaScore: 100, perilakuKerjaScore: null },
        { quarter: 3, hasilKerjaScore: null, perilakuKerjaScore: 80 },
        { quarter: 4, hasilKerjaScore: 90, perilakuKerjaScore: null },
      ],
      {
        hasilKerjaScore: 95, // (100 + 90) / 2
        perilakuKerjaScore: 80, // Q3 only
        score: 90.5, // 0.7 * 95 + 0.3 * 80 = 66.5 + 24
        hasilKerjaRating: 'SESUAI_EKSPEKTASI',
        perilakuKerjaRating: 'DI_BAWAH_EKSPEKTASI',
        predikat: 'KURANG', // matrix (SESUAI, DI_BAWAH)
      },
    ],
    [
      'behaviour never scored in the year: no annual score, no predikat',
      [
        { quarter: 1, hasilKerjaScore: 100, perilakuKerjaScore: null },
        { quarter: 2, hasilKerjaScore: 104, perilakuKerjaScore: null },
      ],
      {
        hasilKerjaScore: 102, // (100 + 104) / 2
        perilakuKerjaScore: null,
        score: null,
        hasilKerjaRating: 'SESUAI_EKSPEKTASI',
        perilakuKerjaRating: null,
        predikat: null,
        predikatBeforeInnovationRule: null,
        innovationRuleApplied: false,
        note: null,
      },
    ],
    [
      'a single quarter',
      [{ quarter: 2, hasilKerjaScore: 80, perilakuKerjaScore: 95 }],
      {
        hasilKerjaScore: 80,
        perilakuKerjaScore: 95,
        score: 84.5, // 56 + 28.5
        predikat: 'BUTUH_PERBAIKAN', // matrix (DI_BAWAH, SESUAI)
      },
    ],
  ])('%s', (_case, quarters, expected) => {
    const result = annualResult({ year: 2025, quarters, verifiedInnovationCount: 0 });
    const { score, ...rest } = expected;
    expect(result).toMatchObject(rest);
    if (score === null) expect(result?.score).toBeNull();
    else expect(result?.score).toBeCloseTo(score as number, 10);
  });
});

describe('annualResult: no result at all', () => {
  it.each<[string, AnnualInput['quarters']]>([
    ['no quarters', []],
    [
      'quarters without any category score',
      [
        { quarter: 1, hasilKerjaScore: null, perilakuKerjaScore: null },
        { quarter: 2, hasilKerjaScore: null, perilakuKerjaScore: null },
      ],
    ],
  ])('%s -> null', (_case, quarters) => {
    expect(annualResult({ year: 2025, quarters, verifiedInnovationCount: 1 })).toBeNull();
  });
});

describe('annualResult: refuses inconsistent input', () => {
  it.each<[string, AnnualInput]>([
    [
      'quarter 5',
      {
        year: 2025,
        quarters: [{ quarter: 5, hasilKerjaScore: 100, perilakuKerjaScore: 100 }],
        verifiedInnovationCount: 0,
      },
    ],
    [
      'quarter 0',
      {
        year: 2025,
        quarters: [{ quarter: 0, hasilKerjaScore: 100, perilakuKerjaScore: 100 }],
        verifiedInnovationCount: 0,
      },
    ],
    [
      'the same quarter twice (it would count double)',
      {
        year: 2025,
        quarters: [
          { quarter: 1, hasilKerjaScore: 100, perilakuKerjaScore: 100 },
          { quarter: 1, hasilKerjaScore: 90, perilakuKerjaScore: 90 },
        ],
        verifiedInnovationCount: 0,
      },
    ],
    ['a negative innovation count', { ...EXAMPLE_2, verifiedInnovationCount: -1 }],
    ['a fractional innovation count', { ...EXAMPLE_2, verifiedInnovationCount: 0.5 }],
  ])('%s throws RangeError', (_case, input) => {
    expect(() => annualResult(input)).toThrow(RangeError);
  });
});
