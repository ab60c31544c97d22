import { DEFAULT_SCORING_POLICY } from '@kinerja/shared';
import { describe, expect, it } from 'vitest';
import { liveScore, parseTyped, policyFromApi, type FormCriterion } from '../src/features/penilaian/live-score';

const CRITERIA: FormCriterion[] = [
  { code: 'HK1', category: 'HASIL_KERJA', weight: 60, target: null, direction: null },
  { code: 'HK2', category: 'HASIL_KERJA', weight: 40, target: 80, direction: 'HIGHER_IS_BETTER' },
  { code: 'PK1', category: 'PERILAKU_KERJA', weight: 100, target: null, direction: null },
];

const API_DEFAULT = {
  categoryWeights: { HASIL_KERJA: 0.7, PERILAKU_KERJA: 0.3 },
  ratingThresholds: { diAtas: 110, sesuai: 90 },
  scoreMax: 120,
  innovationRule: true,
  minJpPerYearPns: 20,
  maxJpPerYearPppk: 24,
  version: DEFAULT_SCORING_POLICY.version,
};

describe('the live score of the Penilaian form (docs/dashboard.md "Penilaian")', () => {
  it.each([
    ['', null],
    ['85', 85],
    ['85,5', 85.5],
    ['85.5', 85.5],
    ['1.085,5', 1085.5],
    ['8x', Number.NaN],
  ])('reads %j as %s', (text, expected) => {
    expect(parseTyped(text)).toBe(expected);
  });

  it('rebuilds the policy in force from the API with the same version as the server', () => {
    expect(policyFromApi(API_DEFAULT).version).toBe(DEFAULT_SCORING_POLICY.version);
    const changed = policyFromApi({ ...API_DEFAULT, categoryWeights: { HASIL_KERJA: 0.6, PERILAKU_KERJA: 0.4 } });
    expect(changed.version).not.toBe(DEFAULT_SCORING_POLICY.version);
  });

  it.each([
    // HK1 100, HK2 realisation 88 of 80 -> 110; HK = (60*100 + 40*110)/100 = 104; PK 95; 0.7*104 + 0.3*95 = 101.3
    [API_DEFAULT, { HK1: '100', HK2: '88', PK1: '95' }, 101.3, 'BAIK'],
    // The same with the 0.6/0.4 policy: 0.6*104 + 0.4*95 = 100.4
    [
      { ...API_DEFAULT, categoryWeights: { HASIL_KERJA: 0.6, PERILAKU_KERJA: 0.4 } },
      { HK1: '100', HK2: '88', PK1: '95' },
      100.4,
      'BAIK',
    ],
    // A stricter policy: sesuai from 100, so HK 104 meets it and PK 95 does not -> KURANG
    [
      { ...API_DEFAULT, ratingThresholds: { diAtas: 110, sesuai: 100 } },
      { HK1: '100', HK2: '88', PK1: '95' },
      101.3,
      'KURANG',
    ],
    [API_DEFAULT, { HK1: '120', HK2: '96', PK1: '115' }, 118.5, 'SANGAT_BAIK'],
  ] as const)('computes with the policy %#: %j -> %s %s', (api, typed, score, predikat) => {
    const entries = Object.fromEntries(Object.entries(typed).map(([code, value]) => [code, { value, evidence: '' }]));
    const result = liveScore(CRITERIA, entries, policyFromApi(api), 'id');
    expect(result.score).toBeCloseTo(score, 9);
    expect(result.predikat).toBe(predikat);
    expect(result.problems).toEqual({});
  });

  it('leaves a refused value out and says why beside its criterion, in the locale', () => {
    const entries = {
      HK1: { value: '130', evidence: '' },
      HK2: { value: '-1', evidence: '' },
      PK1: { value: '90', evidence: '' },
    };
    const id = liveScore(CRITERIA, entries, policyFromApi(API_DEFAULT), 'id');
    expect(id.criterionScores).toEqual({ HK1: null, HK2: null, PK1: 90 });
    expect(id.score).toBeNull();
    expect(id.predikat).toBeNull();
    expect(Object.keys(id.problems).sort()).toEqual(['HK1', 'HK2']);
    const en = liveScore(CRITERIA, entries, policyFromApi(API_DEFAULT), 'en');
    expect(en.problems.HK1).not.toBe(id.problems.HK1);
    expect(en.problems.HK1).toContain('120');
  });
});
