import { describe, expect, it } from 'vitest';
import { makeScoringPolicy } from '../src/policy.js';
import {
  categoryScore,
  evaluateScores,
  indicatorScore,
  quarterlyScore,
  type CriterionScoreInput,
  type WeightedScore,
} from '../src/scores.js';

const POLICY_60_40 = makeScoringPolicy({ categoryWeights: { HASIL_KERJA: 0.6, PERILAKU_KERJA: 0.4 } });

describe('indicatorScore: min(120, 100 * r / t) higher is better, min(120, 100 * t / r) lower is better', () => {
  it.each([
    // realisation, target, direction, expected, with the working in the comment
    [90.25, 95, 'HIGHER_IS_BETTER', 95], // example 1 Disiplin: 9025 / 95 = 95
    [88, 80, 'HIGHER_IS_BETTER', 110], // example 1 Prestasi siswa: 8800 / 80 = 110
    [95, 95, 'HIGHER_IS_BETTER', 100], // target met exactly
    [0, 95, 'HIGHER_IS_BETTER', 0], // nothing achieved
    [96, 80, 'HIGHER_IS_BETTER', 120], // 9600 / 80 = 120: on the cap, not over it
    [120, 80, 'HIGHER_IS_BETTER', 120], // 12000 / 80 = 150, capped at 120
    [5, 4, 'LOWER_IS_BETTER', 80], // 5 complaints against a target of 4: 400 / 5 = 80
    [4, 4, 'LOWER_IS_BETTER', 100], // target met exactly
    [2, 4, 'LOWER_IS_BETTER', 120], // 400 / 2 = 200, capped at 120
    [0, 4, 'LOWER_IS_BETTER', 120], // realisation 0 (no complaints at all) scores the maximum
  ] as const)('%s against target %s, %s -> %s', (realisation, target, direction, expected) => {
    expect(indicatorScore(realisation, target, direction)).toBe(expected);
  });

  it.each([
    [4.5, 5, 'LOWER_IS_BETTER', 111.1111111111111], // 500 / 4.5 = 111.111...
    [70, 90, 'HIGHER_IS_BETTER', 77.77777777777777], // 7000 / 90 = 77.777...
  ] as const)('%s against target %s, %s -> %s (non-terminating)', (realisation, target, direction, expected) => {
    expect(indicatorScore(realisation, target, direction)).toBeCloseTo(expected, 10);
  });

  it.each([
    [150, 100, 'HIGHER_IS_BETTER', 150, 150], // 15000 / 100 = 150, cap raised to 150
    [150, 100, 'HIGHER_IS_BETTER', 100, 100], // cap lowered to 100
    [0, 4, 'LOWER_IS_BETTER', 100, 100], // realisation 0 scores the given maximum
  ] as const)('%s against %s, %s, max %s -> %s', (realisation, target, direction, max, expected) => {
    expect(indicatorScore(realisation, target, direction, max)).toBe(expected);
  });

  it.each([
    ['target 0', 90, 0, 'HIGHER_IS_BETTER'],
    ['target 0, lower is better', 2, 0, 'LOWER_IS_BETTER'],
    ['negative target', 90, -95, 'HIGHER_IS_BETTER'],
    ['negative realisation', -1, 95, 'HIGHER_IS_BETTER'],
    ['negative realisation, lower is better', -1, 4, 'LOWER_IS_BETTER'],
    ['realisation NaN', Number.NaN, 95, 'HIGHER_IS_BETTER'],
    ['target Infinity', 90, Number.POSITIVE_INFINITY, 'HIGHER_IS_BETTER'],
  ] as const)('%s throws RangeError', (_case, realisation, target, direction) => {
    expect(() => indicatorScore(realisation, target, direction)).toThrow(RangeError);
  });
});

// Worked example 1 (Dinas Pendidikan, 2025, Triwulan I)
const EXAMPLE_1_HASIL_KERJA: WeightedScore[] = [
  { weight: 20, score: 95 }, // Profesionalisme, judged
  { weight: 15, score: 95 }, // Disiplin, indicator: 100 x 90.25 / 95
  { weight: 15, score: 112 }, // Inovasi, judged
  { weight: 30, score: 110 }, // Prestasi siswa, indicator: 100 x 88 / 80
  { weight: 20, score: 100 }, // Kehadiran kegiatan pendidikan, judged
];
const EXAMPLE_1_PERILAKU_KERJA: WeightedScore[] = [
  { weight: 15, score: 100 }, // Berorientasi Pelayanan
  { weight: 15, score: 105 }, // Akuntabel
  { weight: 15, score: 110 }, // Kompeten
  { weight: 10, score: 95 }, // Harmonis
  { weight: 15, score: 100 }, // Loyal
  { weight: 15, score: 115 }, // Adaptif
  { weight: 15, score: 100 }, // Kolaboratif
];
const withoutInovasi = EXAMPLE_1_HASIL_KERJA.map((item, i) => (i === 2 ? { ...item, score: null } : item));

describe('categoryScore = sum(w * s) / sum(w) over the scored criteria', () => {
  it.each<[string, WeightedScore[], number | null]>([
    // (20*95 + 15*95 + 15*112 + 30*110 + 20*100) / 100 = (1900 + 1425 + 1680 + 3300 + 2000) / 100 = 10305 / 100
    ['example 1 work results', EXAMPLE_1_HASIL_KERJA, 103.05],
    // (1500 + 1575 + 1650 + 950 + 1500 + 1725 + 1500) / 100 = 10400 / 100
    ['example 1 behaviour', EXAMPLE_1_PERILAKU_KERJA, 104],
    // (50*0 + 50*100) / 100: a score of 0 is a score, not a missing one
    [
      'a zero score counts',
      [
        { weight: 50, score: 0 },
        { weight: 50, score: 100 },
      ],
      50,
    ],
    // (0*120 + 10*90) / 10: a criterion of weight 0 does not move the mean
    [
      'a weight-0 criterion',
      [
        { weight: 0, score: 120 },
        { weight: 10, score: 90 },
      ],
      90,
    ],
    ['one criterion', [{ weight: 15, score: 112 }], 112],
    [
      'nothing scored',
      [
        { weight: 20, score: null },
        { weight: 30, score: undefined },
      ],
      null,
    ],
    ['no criteria', [], null],
    [
      'only weight 0 scored',
      [
        { weight: 0, score: 100 },
        { weight: 20, score: null },
      ],
      null,
    ],
  ])('%s -> %s', (_case, items, expected) => {
    expect(categoryScore(items)).toBe(expected);
  });

  it.each<[string, WeightedScore[], number]>([
    // Inovasi unscored: (1900 + 1425 + 3300 + 2000) / (20 + 15 + 30 + 20) = 8625 / 85 = 101.470588235294...
    ['example 1 without Inovasi (null)', withoutInovasi, 101.47058823529412],
    [
      'example 1 without Inovasi (undefined)',
      EXAMPLE_1_HASIL_KERJA.map((item, i) => (i === 2 ? { weight: item.weight, score: undefined } : item)),
      101.47058823529412,
    ],
    // (1*100 + 2*91) / 3 = 282 / 3 = 94 (weights need not sum to 100)
    [
      'weights 1 and 2',
      [
        { weight: 1, score: 100 },
        { weight: 2, score: 91 },
      ],
      94,
    ],
  ])('%s -> %s', (_case, items, expected) => {
    expect(categoryScore(items)).toBeCloseTo(expected, 10);
  });

  it.each<[string, WeightedScore[]]>([
    ['a negative weight', [{ weight: -10, score: 100 }]],
    ['a negative score', [{ weight: 10, score: -1 }]],
    ['a NaN score', [{ weight: 10, score: Number.NaN }]],
    ['a NaN weight on an unscored criterion', [{ weight: Number.NaN, score: null }]],
  ])('%s throws RangeError', (_case, items) => {
    expect(() => categoryScore(items)).toThrow(RangeError);
  });
});

describe('quarterlyScore = 0.7 * HASIL_KERJA + 0.3 * PERILAKU_KERJA, null when a category is missing', () => {
  it.each([
    [103.05, 104, 103.335], // example 1: 72.135 + 31.2
    // example 1 without Inovasi: 0.7 * 8625 / 85 + 31.2 = (6037.5 + 2652) / 85 = 8689.5 / 85 = 102.2294117647058...
    [101.47058823529412, 104, 102.229411764706],
    [110, 100, 107], // 77 + 30
    [87.3, 96.3, 90], // 61.11 + 28.89 on paper; 89.99999999999999 in doubles
  ])('(%s, %s) -> %s', (hasilKerja, perilakuKerja, expected) => {
    expect(quarterlyScore(hasilKerja, perilakuKerja)).toBeCloseTo(expected, 10);
  });

  it.each([
    [100, 100, 100], // 70 + 30
    [0, 0, 0], // a real score of 0, not "missing"
    [120, 120, 120], // 84 + 36
  ])('(%s, %s) -> exactly %s', (hasilKerja, perilakuKerja, expected) => {
    expect(quarterlyScore(hasilKerja, perilakuKerja)).toBe(expected);
  });

  it.each([
    [103.05, null], // example 1 with no behaviour scored
    [null, 104],
    [null, null],
  ])('(%s, %s) -> null, never 0', (hasilKerja, perilakuKerja) => {
    expect(quarterlyScore(hasilKerja, perilakuKerja)).toBeNull();
  });

  it('uses the policy weights: 60/40 gives 0.6 * 103.05 + 0.4 * 104 = 61.83 + 41.6 = 103.43', () => {
    expect(quarterlyScore(103.05, 104, POLICY_60_40)).toBeCloseTo(103.43, 10);
  });
});

function criteria(category: CriterionScoreInput['category'], items: WeightedScore[]): CriterionScoreInput[] {
  return items.map(({ weight, score }) => ({ category, weight, score: score ?? null }));
}

describe('evaluateScores: worked example 1 end to end', () => {
  it('Disiplin and Prestasi siswa come from their indicators', () => {
    expect(indicatorScore(90.25, 95, 'HIGHER_IS_BETTER')).toBe(95); // 9025 / 95
    expect(indicatorScore(88, 80, 'HIGHER_IS_BETTER')).toBe(110); // 8800 / 80
  });

  it('HASIL_KERJA 103.05, PERILAKU_KERJA 104, quarterly 103.335, SESUAI / SESUAI -> BAIK', () => {
    const result = evaluateScores([
      ...criteria('HASIL_KERJA', EXAMPLE_1_HASIL_KERJA),
      ...criteria('PERILAKU_KERJA', EXAMPLE_1_PERILAKU_KERJA),
    ]);
    expect(result.hasilKerjaScore).toBe(103.05); // 10305 / 100, the double nearest 103.05
    expect(result.perilakuKerjaScore).toBe(104); // 10400 / 100, exact
    expect(result.score).toBeCloseTo(103.335, 10); // 72.135 + 31.2
    expect(result.hasilKerjaRating).toBe('SESUAI_EKSPEKTASI'); // 90 <= 103.05 < 110
    expect(result.perilakuKerjaRating).toBe('SESUAI_EKSPEKTASI'); // 90 <= 104 < 110
    expect(result.predikat).toBe('BAIK'); // matrix (SESUAI, SESUAI)
  });

  it('without Inovasi: HASIL_KERJA 8625 / 85 = 101.470588..., quarterly 102.229411..., still BAIK', () => {
    const result = evaluateScores([
      ...criteria('HASIL_KERJA', withoutInovasi),
      ...criteria('PERILAKU_KERJA', EXAMPLE_1_PERILAKU_KERJA),
    ]);
    expect(result.hasilKerjaScore).toBeCloseTo(101.47058823529412, 10);
    expect(result.perilakuKerjaScore).toBe(104);
    expect(result.score).toBeCloseTo(102.229411764706, 10); // (6037.5 + 2652) / 85 = 8689.5 / 85
    expect(result.predikat).toBe('BAIK');
  });

  it('no behaviour criterion scored: quarterly score, behaviour rating and predikat are null', () => {
    const result = evaluateScores([
      ...criteria('HASIL_KERJA', EXAMPLE_1_HASIL_KERJA),
      ...criteria(
        'PERILAKU_KERJA',
        EXAMPLE_1_PERILAKU_KERJA.map(({ weight }) => ({ weight, score: null })),
      ),
    ]);
    expect(result).toEqual({
      hasilKerjaScore: 103.05,
      perilakuKerjaScore: null,
      score: null,
      hasilKerjaRating: 'SESUAI_EKSPEKTASI',
      perilakuKerjaRating: null,
      predikat: null,
    });
  });

  it('60/40 policy: quarterly 0.6 * 103.05 + 0.4 * 104 = 103.43', () => {
    const result = evaluateScores(
      [...criteria('HASIL_KERJA', EXAMPLE_1_HASIL_KERJA), ...criteria('PERILAKU_KERJA', EXAMPLE_1_PERILAKU_KERJA)],
      POLICY_60_40,
    );
    expect(result.score).toBeCloseTo(103.43, 10);
    expect(result.predikat).toBe('BAIK');
  });
});

describe('evaluateScores: ratings and predikat per category (rows work results, columns behaviour)', () => {
  it.each([
    // HASIL_KERJA score, PERILAKU_KERJA score, expected ratings, predikat, quarterly score
    [115, 85, 'DI_ATAS_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI', 'KURANG', 106], // 80.5 + 25.5
    [85, 115, 'DI_BAWAH_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI', 'BUTUH_PERBAIKAN', 94], // 59.5 + 34.5
    [110, 110, 'DI_ATAS_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI', 'SANGAT_BAIK', 110], // 77 + 33
    [90, 89, 'SESUAI_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI', 'KURANG', 89.7], // 63 + 26.7
    [60, 70, 'DI_BAWAH_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI', 'SANGAT_KURANG', 63], // 42 + 21
  ] as const)('HK %s, PK %s -> %s, %s, %s', (hk, pk, hkRating, pkRating, expectedPredikat, expectedScore) => {
    const result = evaluateScores([
      { category: 'HASIL_KERJA', weight: 50, score: hk },
      { category: 'HASIL_KERJA', weight: 50, score: hk },
      { category: 'PERILAKU_KERJA', weight: 100, score: pk },
    ]);
    expect(result.hasilKerjaScore).toBe(hk);
    expect(result.perilakuKerjaScore).toBe(pk);
    expect(result.hasilKerjaRating).toBe(hkRating);
    expect(result.perilakuKerjaRating).toBe(pkRating);
    expect(result.predikat).toBe(expectedPredikat);
    expect(result.score).toBeCloseTo(expectedScore, 10);
  });

  it('no scores at all: everything null', () => {
    expect(evaluateScores([])).toEqual({
      hasilKerjaScore: null,
      perilakuKerjaScore: null,
      score: null,
      hasilKerjaRating: null,
      perilakuKerjaRating: null,
      predikat: null,
    });
  });
});
