import { describe, expect, it } from 'vitest';
import { compareScores, roundForComparison } from '../src/rounding.js';

describe('roundForComparison: Math.round(x * 1e6) / 1e6', () => {
  it('the double 89.99999999999999 really is below 90, so the rounding matters', () => {
    expect(89.99999999999999).toBeLessThan(90);
  });

  it.each([
    // x, expected, working
    [89.99999999999999, 90], // 89999999.99999999 rounds to 90000000 -> 90
    [109.99999999999999, 110], // as above at the upper threshold
    [109.9999999, 110], // 109999999.9 rounds up to 110000000 -> 110
    [89.999999, 89.999999], // 89999999 is already whole: six decimals are kept
    [109.999999, 109.999999], // likewise
    [103.33500000000001, 103.335], // 103335000.00000001 -> 103335000
    [0.30000000000000004, 0.3], // 0.1 + 0.2 in doubles; 300000.00000000006 -> 300000
    [0, 0],
    [120, 120],
  ])('%s -> %s', (x, expected) => {
    expect(roundForComparison(x)).toBe(expected);
  });
});

describe('compareScores orders after rounding', () => {
  it.each([
    // a, b, expected
    [89.99999999999999, 90, 0], // both 90 after rounding
    [90, 89.99999999999999, 0],
    [89.999999, 90, -1], // 89.999999 < 90: a real difference of one millionth is kept
    [90, 89.999999, 1],
    [109.5125, 110, -1],
    [110.7, 109.65875, 1],
    [0, 0, 0],
    [120, 0, 1],
  ])('compareScores(%s, %s) = %s', (a, b, expected) => {
    expect(compareScores(a, b)).toBe(expected);
  });
});
