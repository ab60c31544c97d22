import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  describeValues,
  mean,
  percentileCont,
  predikatCounts,
  sampleStdDev,
  sampleVariance,
} from '../../src/analytics/descriptive.js';

describe('describeValues: n, mean, sample sd, min, quartiles (percentile_cont), max', () => {
  it('four values given out of order', () => {
    // sorted 1, 2, 3, 4; mean 10 / 4 = 2.5
    // deviations -1.5, -0.5, 0.5, 1.5 -> squares 2.25 + 0.25 + 0.25 + 2.25 = 5 -> sample variance 5 / 3
    // p25: position 0.25 * 3 = 0.75 -> 1 + (2 - 1) * 0.75 = 1.75
    // median: position 1.5 -> 2 + (3 - 2) * 0.5 = 2.5
    // p75: position 2.25 -> 3 + (4 - 3) * 0.25 = 3.25
    const d = describeValues([4, 1, 3, 2]);
    expect(d.n).toBe(4);
    expect(d.mean).toBe(2.5);
    expect(d.stddev).toBeCloseTo(Math.sqrt(5 / 3), 12);
    expect([d.min, d.p25, d.median, d.p75, d.max]).toEqual([1, 1.75, 2.5, 3.25, 4]);
  });

  it('two values: the quartiles interpolate between them', () => {
    // mean (90 + 110) / 2 = 100; deviations -10, 10 -> 200 / (2 - 1) = 200 -> sd sqrt(200) = 14.1421356...
    // p25: position 0.25 -> 90 + 20 * 0.25 = 95; median 100; p75: 90 + 20 * 0.75 = 105
    const d = describeValues([110, 90]);
    expect(d.mean).toBe(100);
    expect(d.stddev).toBeCloseTo(14.142135623730951, 12);
    expect([d.min, d.p25, d.median, d.p75, d.max]).toEqual([90, 95, 100, 105, 110]);
  });

  it('five quarterly scores: the quartiles fall on rows', () => {
    // sorted 88, 96, 101, 103.335, 110; sum 498.335 -> mean 99.667
    // positions 0.25 * 4 = 1, 0.5 * 4 = 2, 0.75 * 4 = 3 -> 96, 101, 103.335 (no interpolation)
    // deviations 3.668, -3.667, 10.333, -11.667, 1.333 -> squares 13.454224 + 13.446889 + 106.770889 + 136.118889
    //   + 1.776889 = 271.56778 -> / 4 = 67.891945 -> sd 8.2396568...
    const d = describeValues([103.335, 96, 110, 88, 101]);
    expect(d.n).toBe(5);
    expect(d.mean).toBeCloseTo(99.667, 12);
    expect(d.stddev).toBeCloseTo(Math.sqrt(271.56778 / 4), 9);
    expect([d.min, d.p25, d.median, d.p75, d.max]).toEqual([88, 96, 101, 103.335, 110]);
  });

  it('one value: sd is null (n - 1 = 0), every other figure is that value', () => {
    expect(describeValues([100])).toEqual({
      n: 1,
      mean: 100,
      stddev: null,
      min: 100,
      p25: 100,
      median: 100,
      p75: 100,
      max: 100,
    });
  });

  it('no values: n 0 and every figure null', () => {
    expect(describeValues([])).toEqual({
      n: 0,
      mean: null,
      stddev: null,
      min: null,
      p25: null,
      median: null,
      p75: null,
      max: null,
    });
  });

  it('does not reorder the caller array', () => {
    const values = [3, 1, 2];
    describeValues(values);
    percentileCont(values, 0.5);
    expect(values).toEqual([3, 1, 2]);
  });

  it('refuses a value that is not a finite number, naming its index', () => {
    expect(() => describeValues([1, Number.NaN])).toThrow('values[1] must be a finite number');
    expect(() => mean([Number.POSITIVE_INFINITY])).toThrow('values[0]');
  });
});

describe('mean, sampleVariance, sampleStdDev', () => {
  it.each([
    // values, mean, variance, working
    [[100], 100, null], // n = 1: no sample variance
    [[2, 4, 4, 4, 5, 5, 7, 9], 5, 32 / 7], // sum 40 / 8 = 5; squares 9+1+1+1+0+0+4+16 = 32 -> 32 / 7
    [[8, 4], 6, 8], // mean 6; squares 4 + 4 = 8 -> 8 / 1 (worked example 3, treated d)
    [[2, 3, -1], 4 / 3, 13 / 3], // mean 4/3; (2/3)^2 + (5/3)^2 + (7/3)^2 = (4 + 25 + 49) / 9 = 78/9 -> / 2 = 13/3
    [[], null, null],
  ])('%j -> mean %s, variance %s', (values, m, v) => {
    if (m === null) expect(mean(values)).toBeNull();
    else expect(mean(values)).toBeCloseTo(m, 12);
    if (v === null) {
      expect(sampleVariance(values)).toBeNull();
      expect(sampleStdDev(values)).toBeNull();
    } else {
      expect(sampleVariance(values)).toBeCloseTo(v, 12);
      expect(sampleStdDev(values)).toBeCloseTo(Math.sqrt(v), 12);
    }
  });
});

describe('percentileCont: linear interpolation as PostgreSQL percentile_cont', () => {
  it.each([
    // values, p, expected, working
    [[1, 2], 0.1, 1.1], // position 0.1 -> 1 + (2 - 1) * 0.1
    [[10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110], 0.9, 100], // position 0.9 * 10 = 9 -> row 9 = 100
    [[10, 20, 30], 0, 10], // p 0 is the minimum
    [[10, 20, 30], 1, 30], // p 1 is the maximum
    [[95, 100, 100, 120], 0.5, 100], // position 1.5 between two equal rows
    [[5], 0.75, 5],
  ])('percentile %#: %j at %s = %s', (values, p, expected) => {
    expect(percentileCont(values, p)).toBeCloseTo(expected, 12);
  });

  it('no values: null; p outside 0..1: an error naming the rule', () => {
    expect(percentileCont([], 0.5)).toBeNull();
    expect(() => percentileCont([1], 1.5)).toThrow('percentile must be between 0 and 1, got 1.5');
    expect(() => percentileCont([1], Number.NaN)).toThrow('percentile must be between 0 and 1');
  });

  it('property: monotone in p and always within min..max', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 120, noNaN: true }), { minLength: 1, maxLength: 40 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const pLo = percentileCont(values, lo) as number;
          const pHi = percentileCont(values, hi) as number;
          const min = Math.min(...values);
          const max = Math.max(...values);
          return pLo <= pHi && min <= pLo && pHi <= max;
        },
      ),
    );
  });

  it('property: describeValues orders min <= p25 <= median <= p75 <= max and mean lies within min..max', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 120, noNaN: true }), { minLength: 1, maxLength: 40 }), (values) => {
        const d = describeValues(values);
        const [min, p25, median, p75, max, m] = [d.min, d.p25, d.median, d.p75, d.max, d.mean] as number[];
        // the mean of doubles may overshoot by an ulp or so, hence the tolerance
        return min <= p25 && p25 <= median && median <= p75 && p75 <= max && m >= min - 1e-9 && m <= max + 1e-9;
      }),
    );
  });
});

describe('predikatCounts: all five predikat, best first, with shares of those that have one', () => {
  it('counts and shares; a null predikat counts in no share', () => {
    // 4 values with a predikat: SANGAT_BAIK 1 -> 1/4, BAIK 2 -> 2/4, KURANG 1 -> 1/4, the others 0
    expect(predikatCounts(['BAIK', 'BAIK', 'SANGAT_BAIK', null, 'KURANG'])).toEqual([
      { predikat: 'SANGAT_BAIK', count: 1, share: 0.25 },
      { predikat: 'BAIK', count: 2, share: 0.5 },
      { predikat: 'BUTUH_PERBAIKAN', count: 0, share: 0 },
      { predikat: 'KURANG', count: 1, share: 0.25 },
      { predikat: 'SANGAT_KURANG', count: 0, share: 0 },
    ]);
  });

  it('no predikat at all: zero counts and null shares', () => {
    expect(predikatCounts([null, null]).map((c) => [c.count, c.share])).toEqual([
      [0, null],
      [0, null],
      [0, null],
      [0, null],
      [0, null],
    ]);
  });

  it('refuses an unknown predikat', () => {
    expect(() => predikatCounts(['BAGUS' as never])).toThrow('predikat "BAGUS" is not one of');
  });
});
