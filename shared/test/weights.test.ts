import { describe, expect, it } from 'vitest';
import { renderProblem } from '../src/problems.js';
import {
  checkWeight,
  checkWeightList,
  checkWeightSums,
  criteriaInForce,
  weightTotal,
  type WeightedCriterion,
  type WeightScope,
} from '../src/weights.js';

const DISDIK = 1;
const DINKES = 2;

/** The default catalogue's HASIL_KERJA: 50 city-wide, 50 of each agency's own (docs/scoring.md#criteria-and-weights). */
const CITY: WeightedCriterion[] = [
  { agencyId: null, category: 'HASIL_KERJA', weight: 20, yearFrom: 2023, yearTo: null },
  { agencyId: null, category: 'HASIL_KERJA', weight: 15, yearFrom: 2023, yearTo: null },
  { agencyId: null, category: 'HASIL_KERJA', weight: 15, yearFrom: 2023, yearTo: null },
];
const own = (agencyId: number, weight: number, yearFrom = 2023, yearTo: number | null = null): WeightedCriterion => ({
  agencyId,
  category: 'HASIL_KERJA',
  weight,
  yearFrom,
  yearTo,
});

const scope = (agencyId: number, from: number, to: number | null = null, ref: string = 'r'): WeightScope<string> => ({
  agencyId,
  agency: agencyId === DISDIK ? 'DISDIK' : 'DINKES',
  category: 'HASIL_KERJA',
  from,
  to,
  ref,
});

const broken = (agency: string, from: number, to: number | null, sum: number, ref = 'r') => ({
  code: 'WEIGHTS_SUM_NOT_100',
  field: 'weight',
  params: { category: 'HASIL_KERJA', agency, from, to, sum },
  ref,
});

describe('checkWeight: above 0 and at most 100', () => {
  it.each([
    [0.0001, []],
    [15, []],
    [100, []],
    [0, [0]],
    [-5, [-5]],
    [100.0000001, [100.0000001]],
    [NaN, [NaN]],
  ])('%s -> %j', (weight, values) => {
    expect(checkWeight(weight)).toEqual(
      values.map((value) => ({ code: 'WEIGHT_OUT_OF_RANGE', field: 'weight', params: { value, max: 100 } })),
    );
  });
});

describe('weightTotal and checkWeightList: the listed weights of one agency, year and category sum to 100', () => {
  it.each([
    [[95, 5], 100],
    [[33.3, 33.3, 33.4], 100], // 100.00000000000001 in doubles
    [[0.1, 0.2, 99.7], 100],
    [[99.9999999], 100], // within the 6 decimals of the comparison rounding
    [[99.99999], 99.99999], // not within them
    [[20, 15, 15, 25, 20], 95],
  ])('%j sums to %s', (weights, sum) => {
    expect(weightTotal(weights)).toBe(sum);
  });

  it('95 is refused, 95 + 5 is not', () => {
    const where = { category: 'HASIL_KERJA', agency: 'DISDIK', year: 2025 } as const;
    expect(checkWeightList([20, 15, 15, 25, 20], where)).toEqual([
      {
        code: 'WEIGHTS_SUM_NOT_100',
        field: 'weights',
        params: { category: 'HASIL_KERJA', agency: 'DISDIK', from: 2025, to: 2025, sum: 95 },
      },
    ]);
    expect(checkWeightList([95, 5], where)).toEqual([]);
    expect(checkWeightList([99.9999999], where)).toEqual([]);
  });
});

describe('criteriaInForce: city-wide plus the agency`s own, in force that year', () => {
  it('picks by agency, category and years', () => {
    const criteria = [...CITY, own(DISDIK, 50, 2023, 2024), own(DISDIK, 50, 2025), own(DINKES, 50)];
    expect(criteriaInForce(criteria, DISDIK, 'HASIL_KERJA', 2024).map((c) => c.weight)).toEqual([20, 15, 15, 50]);
    expect(criteriaInForce(criteria, DISDIK, 'HASIL_KERJA', 2025)).toEqual([...CITY, own(DISDIK, 50, 2025)]);
    expect(criteriaInForce(criteria, DISDIK, 'PERILAKU_KERJA', 2025)).toEqual([]);
    expect(criteriaInForce(criteria, DINKES, 'HASIL_KERJA', 2022)).toEqual([]);
  });
});

describe('checkWeightSums: per agency, year and category the weights in force sum to 100', () => {
  it.each([
    [
      'every agency at 50 + 50',
      [...CITY, own(DISDIK, 30), own(DISDIK, 20), own(DINKES, 50)],
      [scope(DISDIK, 2023), scope(DINKES, 2023)],
      [],
    ],
    ['95 + 5 of its own', [...CITY, own(DISDIK, 45), own(DISDIK, 5)], [scope(DISDIK, 2023)], []],
    ['49.9999999 of its own: 99.9999999 rounds to 100', [...CITY, own(DISDIK, 49.9999999)], [scope(DISDIK, 2023)], []],
    [
      '49.99999 of its own: 99.99999 is not 100',
      [...CITY, own(DISDIK, 49.99999)],
      [scope(DISDIK, 2023)],
      [broken('DISDIK', 2023, null, 99.99999)],
    ],
    [
      'DINKES at 95 from 2025 on (30 + 20 until 2024, then 25 + 20)',
      [...CITY, own(DINKES, 30, 2023, 2024), own(DINKES, 25, 2025), own(DINKES, 20)],
      [scope(DINKES, 2023)],
      [broken('DINKES', 2025, null, 95)],
    ],
    [
      'DINKES at 95 in 2025 only, mended in 2026',
      [...CITY, own(DINKES, 30, 2023, 2024), own(DINKES, 25, 2025, 2025), own(DINKES, 30, 2026), own(DINKES, 20)],
      [scope(DINKES, 2023)],
      [broken('DINKES', 2025, 2025, 95)],
    ],
    [
      'the same wrong sum in consecutive spans is one problem',
      [...CITY, own(DINKES, 45, 2024, 2024), own(DINKES, 45, 2025)],
      [scope(DINKES, 2024)],
      [broken('DINKES', 2024, null, 95)],
    ],
    [
      'different wrong sums are two problems',
      [...CITY, own(DINKES, 45, 2024, 2024), own(DINKES, 40, 2025)],
      [scope(DINKES, 2024)],
      [broken('DINKES', 2024, 2024, 95), broken('DINKES', 2025, null, 90)],
    ],
    [
      'years with no criterion at all are not checked',
      [own(DISDIK, 50, 2020, 2020), ...CITY, own(DISDIK, 50)],
      [scope(DISDIK, 2019)],
      [broken('DISDIK', 2020, 2020, 50)],
    ],
    [
      'only the years of the scope: a broken 2023 outside a scope from 2024 is not reported',
      [...CITY, own(DISDIK, 40, 2023, 2023), own(DISDIK, 50, 2024)],
      [scope(DISDIK, 2024)],
      [],
    ],
    [
      'a scope starting between boundaries is checked from its own first year',
      [...CITY, own(DISDIK, 40)],
      [scope(DISDIK, 2025)],
      [broken('DISDIK', 2025, null, 90)],
    ],
    [
      'PERILAKU_KERJA criteria do not count towards HASIL_KERJA',
      [...CITY, own(DISDIK, 50), { ...own(DISDIK, 10), category: 'PERILAKU_KERJA' as const }],
      [scope(DISDIK, 2023)],
      [],
    ],
  ])('%s', (_name, criteria, scopes, expected) => {
    expect(checkWeightSums(criteria, scopes)).toEqual(expected);
  });

  it('where scopes overlap the first one given is handed back; each agency is checked on its own', () => {
    const criteria = [...CITY, own(DISDIK, 45), own(DINKES, 40, 2025)];
    expect(
      checkWeightSums(criteria, [
        scope(DINKES, 2025, null, 'line 4'),
        scope(DINKES, 2023, null, 'line 2'),
        scope(DISDIK, 2023, null, 'line 2'),
      ]),
    ).toEqual([
      broken('DINKES', 2023, 2024, 50, 'line 2'),
      broken('DINKES', 2025, null, 90, 'line 4'),
      broken('DISDIK', 2023, null, 95, 'line 2'),
    ]);
  });
});

describe('the messages of the weight rules', () => {
  it.each([
    [
      { category: 'HASIL_KERJA', agency: 'DINKES', from: 2024, to: null, sum: 95 },
      'jumlah bobot HASIL_KERJA untuk DINKES mulai 2024 adalah 95, bukan 100',
      'weights of HASIL_KERJA for DINKES from 2024 on sum to 95, not 100',
    ],
    [
      { category: 'HASIL_KERJA', agency: 'DISDIK', from: 2025, to: 2025, sum: 99.5 },
      'jumlah bobot HASIL_KERJA untuk DISDIK pada 2025 adalah 99,5, bukan 100',
      'weights of HASIL_KERJA for DISDIK in 2025 sum to 99.5, not 100',
    ],
    [
      { category: 'PERILAKU_KERJA', agency: 'DISDIK', from: 2025, to: 2026, sum: 110, hint: 'GIVE_OTHER_WEIGHTS' },
      'jumlah bobot PERILAKU_KERJA untuk DISDIK pada 2025-2026 adalah 110, bukan 100: isi bobot baru kriteria lainnya di otherWeights',
      'weights of PERILAKU_KERJA for DISDIK in 2025-2026 sum to 110, not 100: give the new weights of the others in otherWeights',
    ],
  ] as const)('%o', (params, id, en) => {
    const p = { code: 'WEIGHTS_SUM_NOT_100', field: 'weight', params } as const;
    expect(renderProblem(p)).toBe(id);
    expect(renderProblem(p, 'en')).toBe(en);
  });

  it('a weight out of range', () => {
    const [p] = checkWeight(0);
    expect(renderProblem(p)).toBe('bobot 0 harus lebih dari 0 dan paling banyak 100');
    expect(renderProblem(p, 'en')).toBe('weight 0 must be above 0 and at most 100');
  });
});
