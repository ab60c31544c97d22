import { describe, expect, it } from 'vitest';
import { makeScoringPolicy } from '../src/policy.js';
import { rating, ratingOrNull } from '../src/ratings.js';

describe('rating with the default thresholds (>= 110 DI_ATAS, >= 90 SESUAI, compared after 6-decimal rounding)', () => {
  it.each([
    [0, 'DI_BAWAH_EKSPEKTASI'], // bottom of the scale
    [89.9, 'DI_BAWAH_EKSPEKTASI'],
    [89.999999, 'DI_BAWAH_EKSPEKTASI'], // six decimals are kept: 89.999999 < 90
    [89.99999999999999, 'SESUAI_EKSPEKTASI'], // rounds to 90 (e.g. 0.7 * 87.3 + 0.3 * 96.3 in doubles)
    [90, 'SESUAI_EKSPEKTASI'], // exactly the threshold
    [103.05, 'SESUAI_EKSPEKTASI'], // worked example 1, HASIL_KERJA
    [109.5125, 'SESUAI_EKSPEKTASI'], // worked example 2, annual HASIL_KERJA (below 110)
    [109.999999, 'SESUAI_EKSPEKTASI'], // 109.999999 < 110
    [109.9999999, 'DI_ATAS_EKSPEKTASI'], // 109999999.9 rounds to 110000000 -> 110
    [109.99999999999999, 'DI_ATAS_EKSPEKTASI'], // rounds to 110
    [110, 'DI_ATAS_EKSPEKTASI'], // exactly the threshold
    [120, 'DI_ATAS_EKSPEKTASI'], // top of the scale
  ] as const)('%s -> %s', (score, expected) => {
    expect(rating(score)).toBe(expected);
  });
});

describe('rating follows the policy in force', () => {
  const policy = makeScoringPolicy({ ratingThresholds: { diAtas: 100, sesuai: 80 } });

  it.each([
    [79.9, 'DI_BAWAH_EKSPEKTASI'],
    [79.99999999999999, 'SESUAI_EKSPEKTASI'], // rounds to 80
    [80, 'SESUAI_EKSPEKTASI'],
    [99.9, 'SESUAI_EKSPEKTASI'],
    [100, 'DI_ATAS_EKSPEKTASI'],
  ] as const)('%s -> %s with thresholds 100 / 80', (score, expected) => {
    expect(rating(score, policy)).toBe(expected);
  });
});

describe('rating refuses what is not a score', () => {
  it.each([Number.NaN, Number.POSITIVE_INFINITY])('%s throws', (score) => {
    expect(() => rating(score)).toThrow(RangeError);
  });
});

describe('ratingOrNull: a missing category score has no rating (not DI_BAWAH)', () => {
  it.each([
    [null, null],
    [undefined, null],
    [0, 'DI_BAWAH_EKSPEKTASI'], // 0 is a score, not a missing one
    [90, 'SESUAI_EKSPEKTASI'],
    [110, 'DI_ATAS_EKSPEKTASI'],
  ] as const)('%s -> %s', (score, expected) => {
    expect(ratingOrNull(score)).toBe(expected);
  });
});
