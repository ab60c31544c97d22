import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCORING_POLICY,
  makeScoringPolicy,
  PolicyError,
  scoringPolicyVersion,
  type ScoringPolicyOverrides,
} from '../src/policy.js';

/**
 * The version of the default policy, computed once and checked independently with Python:
 * FNV-1a 32 over the canonical JSON
 * {"categoryWeights":{"HASIL_KERJA":0.7,"PERILAKU_KERJA":0.3},"innovationRule":true,"maxJpPerYearPppk":24,
 *  "minJpPerYearPns":20,"raterMinEmployees":5,"raterZThreshold":3,"ratingThresholds":{"diAtas":110,"sesuai":90},
 *  "scoreMax":120,"suppressionMinGroup":5,"trainingImpactDefaultWindow":2,"trainingImpactMinN":5,
 *  "trainingNeedThreshold":90}
 * is 0x51e4f3ed. If this test fails, every stored result's policy version stops matching the default: change the
 * literal only together with a deliberate policy change.
 */
const DEFAULT_VERSION = 'p-51e4f3ed';

describe('DEFAULT_SCORING_POLICY holds the values of docs/scoring.md#the-scoring-policy', () => {
  it('has every default, by its source', () => {
    expect(DEFAULT_SCORING_POLICY).toEqual({
      version: DEFAULT_VERSION,
      categoryWeights: { HASIL_KERJA: 0.7, PERILAKU_KERJA: 0.3 }, // PP 30/2019 Pasal 41
      ratingThresholds: { diAtas: 110, sesuai: 90 }, // PermenPANRB 6/2022 levels on PP 30/2019 bands
      scoreMax: 120, // PP 30/2019 scale 0..120
      innovationRule: true, // PP 30/2019 Pasal 41, city policy
      minJpPerYearPns: 20, // PP 11/2017 Pasal 203
      maxJpPerYearPppk: 24, // PP 49/2018 Pasal 40
      suppressionMinGroup: 5, // policy
      trainingImpactMinN: 5, // policy
      raterZThreshold: 3, // policy
      raterMinEmployees: 5, // policy
      trainingNeedThreshold: 90, // policy
      trainingImpactDefaultWindow: 2, // policy
    });
  });

  it('is frozen, so no caller can change the policy of everyone else', () => {
    expect(Object.isFrozen(DEFAULT_SCORING_POLICY)).toBe(true);
    expect(Object.isFrozen(DEFAULT_SCORING_POLICY.categoryWeights)).toBe(true);
    expect(Object.isFrozen(DEFAULT_SCORING_POLICY.ratingThresholds)).toBe(true);
  });
});

describe('version: same content, same version', () => {
  it.each<[string, ScoringPolicyOverrides]>([
    ['no overrides', {}],
    ['a default restated', { scoreMax: 120 }],
    ['nested defaults restated in another key order', { ratingThresholds: { sesuai: 90, diAtas: 110 } }],
    ['an override given as undefined', { suppressionMinGroup: undefined }],
  ])('%s -> %s', (_case, overrides) => {
    expect(makeScoringPolicy(overrides).version).toBe(DEFAULT_VERSION);
  });

  it('scoringPolicyVersion of the default content is the default version', () => {
    const { version: _version, ...content } = DEFAULT_SCORING_POLICY;
    expect(scoringPolicyVersion(content)).toBe(DEFAULT_VERSION);
  });
});

describe('version: any change of content, a new version', () => {
  const changes: [string, ScoringPolicyOverrides][] = [
    ['categoryWeights', { categoryWeights: { HASIL_KERJA: 0.6, PERILAKU_KERJA: 0.4 } }],
    ['ratingThresholds.diAtas', { ratingThresholds: { diAtas: 111 } }],
    ['ratingThresholds.sesuai', { ratingThresholds: { sesuai: 91 } }],
    ['scoreMax', { scoreMax: 121 }],
    ['innovationRule', { innovationRule: false }],
    ['minJpPerYearPns', { minJpPerYearPns: 21 }],
    ['maxJpPerYearPppk', { maxJpPerYearPppk: 25 }],
    ['suppressionMinGroup', { suppressionMinGroup: 6 }],
    ['trainingImpactMinN', { trainingImpactMinN: 2 }],
    ['raterZThreshold', { raterZThreshold: 2.5 }],
    ['raterMinEmployees', { raterMinEmployees: 6 }],
    ['trainingNeedThreshold', { trainingNeedThreshold: 85 }],
    ['trainingImpactDefaultWindow', { trainingImpactDefaultWindow: 3 }],
  ];

  it.each(changes)('changing %s changes the version', (_field, overrides) => {
    const version = makeScoringPolicy(overrides).version;
    expect(version).toMatch(/^p-[0-9a-f]{8}$/);
    expect(version).not.toBe(DEFAULT_VERSION);
  });

  it('the 13 changed policies have 13 different versions', () => {
    const versions = new Set(changes.map(([, overrides]) => makeScoringPolicy(overrides).version));
    expect(versions.size).toBe(13);
  });
});

describe('makeScoringPolicy applies valid overrides', () => {
  it('60/40 for a deployment that also collects peer and subordinate ratings', () => {
    const policy = makeScoringPolicy({ categoryWeights: { HASIL_KERJA: 0.6, PERILAKU_KERJA: 0.4 } });
    expect(policy.categoryWeights).toEqual({ HASIL_KERJA: 0.6, PERILAKU_KERJA: 0.4 });
    expect(policy.ratingThresholds).toEqual({ diAtas: 110, sesuai: 90 }); // untouched
    expect(policy.version).toBe('p-5a258305'); // computed once (and checked with Python, like the default)
  });

  it.each<[string, ScoringPolicyOverrides, Record<string, unknown>]>([
    ['one nested field', { ratingThresholds: { sesuai: 80 } }, { ratingThresholds: { diAtas: 110, sesuai: 80 } }],
    ['the innovation rule off', { innovationRule: false }, { innovationRule: false }],
    ['a lower suppression threshold', { trainingImpactMinN: 2 }, { trainingImpactMinN: 2 }],
    // 0.7000000001 + 0.3 misses 1 by 1e-10, inside the 1e-9 tolerance
    [
      'weights off by less than 1e-9',
      { categoryWeights: { HASIL_KERJA: 0.7000000001, PERILAKU_KERJA: 0.3 } },
      { categoryWeights: { HASIL_KERJA: 0.7000000001, PERILAKU_KERJA: 0.3 } },
    ],
    [
      'only behaviour counts',
      { categoryWeights: { HASIL_KERJA: 0, PERILAKU_KERJA: 1 } },
      { categoryWeights: { HASIL_KERJA: 0, PERILAKU_KERJA: 1 } },
    ],
  ])('%s', (_case, overrides, expected) => {
    expect(makeScoringPolicy(overrides)).toMatchObject(expected);
  });
});

describe('makeScoringPolicy rejects bad overrides, naming the field', () => {
  it.each<[string, Record<string, unknown>, string, string]>([
    [
      'weights not summing to 1',
      { categoryWeights: { HASIL_KERJA: 0.6 } }, // 0.6 + default 0.3 = 0.9
      'categoryWeights',
      'categoryWeights must sum to 1, got HASIL_KERJA 0.6 + PERILAKU_KERJA 0.3 = 0.9',
    ],
    [
      'weights off by more than 1e-9',
      { categoryWeights: { HASIL_KERJA: 0.700001, PERILAKU_KERJA: 0.3 } }, // sum 1.000001
      'categoryWeights',
      'categoryWeights must sum to 1, got HASIL_KERJA 0.700001 + PERILAKU_KERJA 0.3 = 1.000001',
    ],
    [
      'a weight above 1',
      { categoryWeights: { HASIL_KERJA: 1.2, PERILAKU_KERJA: -0.2 } },
      'categoryWeights.HASIL_KERJA',
      'categoryWeights.HASIL_KERJA must be between 0 and 1, got 1.2',
    ],
    [
      'a negative weight',
      { categoryWeights: { HASIL_KERJA: -0.1, PERILAKU_KERJA: 1.1 } },
      'categoryWeights.HASIL_KERJA',
      'categoryWeights.HASIL_KERJA must be between 0 and 1, got -0.1', // the first field checked is named
    ],
    [
      'a negative behaviour weight',
      { categoryWeights: { HASIL_KERJA: 0.7, PERILAKU_KERJA: -0.3 } },
      'categoryWeights.PERILAKU_KERJA',
      'categoryWeights.PERILAKU_KERJA must be between 0 and 1, got -0.3',
    ],
    [
      'a weight given as text (from a configuration file)',
      { categoryWeights: { PERILAKU_KERJA: '0.3' } },
      'categoryWeights.PERILAKU_KERJA',
      'categoryWeights.PERILAKU_KERJA must be a number, got "0.3"',
    ],
    [
      'sesuai equal to diAtas',
      { ratingThresholds: { sesuai: 110 } },
      'ratingThresholds.sesuai',
      'ratingThresholds.sesuai must be below ratingThresholds.diAtas (110), got 110',
    ],
    [
      'sesuai above diAtas',
      { ratingThresholds: { sesuai: 100, diAtas: 95 } },
      'ratingThresholds.sesuai',
      'ratingThresholds.sesuai must be below ratingThresholds.diAtas (95), got 100',
    ],
    [
      'sesuai 0',
      { ratingThresholds: { sesuai: 0 } },
      'ratingThresholds.sesuai',
      'ratingThresholds.sesuai must be above 0, got 0',
    ],
    [
      'diAtas above the scale',
      { ratingThresholds: { diAtas: 121 } },
      'ratingThresholds.diAtas',
      'ratingThresholds.diAtas must be at most scoreMax (120), got 121',
    ],
    [
      'diAtas null',
      { ratingThresholds: { diAtas: null } },
      'ratingThresholds.diAtas',
      'ratingThresholds.diAtas must be a number, got null',
    ],
    ['scoreMax 0', { scoreMax: 0 }, 'scoreMax', 'scoreMax must be a whole number of at least 1, got 0'],
    [
      'innovationRule as text',
      { innovationRule: 'yes' },
      'innovationRule',
      'innovationRule must be true or false, got "yes"',
    ],
    [
      'a negative JP minimum',
      { minJpPerYearPns: -1 },
      'minJpPerYearPns',
      'minJpPerYearPns must be a whole number of at least 0, got -1',
    ],
    [
      'a fractional JP maximum',
      { maxJpPerYearPppk: 24.5 },
      'maxJpPerYearPppk',
      'maxJpPerYearPppk must be a whole number of at least 0, got 24.5',
    ],
    [
      'a fractional group size',
      { suppressionMinGroup: 2.5 },
      'suppressionMinGroup',
      'suppressionMinGroup must be a whole number of at least 1, got 2.5',
    ],
    [
      'suppression group 0',
      { suppressionMinGroup: 0 },
      'suppressionMinGroup',
      'suppressionMinGroup must be a whole number of at least 1, got 0',
    ],
    [
      'trainingImpactMinN 0',
      { trainingImpactMinN: 0 },
      'trainingImpactMinN',
      'trainingImpactMinN must be a whole number of at least 1, got 0',
    ],
    ['raterZThreshold 0', { raterZThreshold: 0 }, 'raterZThreshold', 'raterZThreshold must be above 0, got 0'],
    [
      'raterZThreshold NaN',
      { raterZThreshold: Number.NaN },
      'raterZThreshold',
      'raterZThreshold must be a number, got NaN',
    ],
    [
      'raterMinEmployees 0',
      { raterMinEmployees: 0 },
      'raterMinEmployees',
      'raterMinEmployees must be a whole number of at least 1, got 0',
    ],
    [
      'trainingNeedThreshold above the scale',
      { trainingNeedThreshold: 130 },
      'trainingNeedThreshold',
      'trainingNeedThreshold must be above 0 and at most scoreMax (120), got 130',
    ],
    [
      'window 0',
      { trainingImpactDefaultWindow: 0 },
      'trainingImpactDefaultWindow',
      'trainingImpactDefaultWindow must be a whole number of at least 1, got 0',
    ],
    [
      'a misspelt setting',
      { suppresionMinGroup: 3 },
      'suppresionMinGroup',
      'suppresionMinGroup is not a scoring policy setting',
    ],
    [
      'a misspelt nested setting',
      { categoryWeights: { HASIL: 0.7 } },
      'categoryWeights.HASIL',
      'categoryWeights.HASIL is not a scoring policy setting',
    ],
    [
      'a nested setting given as a number',
      { ratingThresholds: 110 },
      'ratingThresholds',
      'ratingThresholds must be an object, got 110',
    ],
    [
      'the version',
      { version: 'p-00000000' },
      'version',
      'version is computed from the policy content and cannot be set',
    ],
  ])('%s', (_case, overrides, field, message) => {
    let caught: unknown;
    try {
      makeScoringPolicy(overrides as ScoringPolicyOverrides);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PolicyError);
    expect((caught as PolicyError).field).toBe(field);
    expect((caught as PolicyError).message).toBe(message);
  });
});
