import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareKeys, rankByMean } from '../../src/analytics/ranks.js';

describe('rankByMean: 1 = highest mean, ties share the smaller rank, suppressed ranks null and last', () => {
  it('a tie: 1, 2, 2, 4', () => {
    // means 100 > 95 = 95 > 90: DISDIK 1; DINKES and BAPPEDA have one higher mean each -> 2; SATPOL three higher -> 4
    expect(
      rankByMean([
        { key: 'SATPOL', mean: 90, suppressed: false },
        { key: 'DINKES', mean: 95, suppressed: false },
        { key: 'DISDIK', mean: 100, suppressed: false },
        { key: 'BAPPEDA', mean: 95, suppressed: false },
      ]),
    ).toEqual([
      { key: 'DISDIK', rank: 1 },
      { key: 'BAPPEDA', rank: 2 }, // ties listed by key
      { key: 'DINKES', rank: 2 },
      { key: 'SATPOL', rank: 4 },
    ]);
  });

  it('means equal after the shared 6-decimal rounding tie; a real millionth does not', () => {
    // 94.99999999999999 -> 95; 95.0000004 -> round(95000000.4) = 95000000 -> 95; 95.000001 stays above 95
    expect(
      rankByMean([
        { key: 'A', mean: 95.000001, suppressed: false },
        { key: 'B', mean: 94.99999999999999, suppressed: false },
        { key: 'C', mean: 95.0000004, suppressed: false },
        { key: 'D', mean: 95, suppressed: false },
      ]),
    ).toEqual([
      { key: 'A', rank: 1 },
      { key: 'B', rank: 2 },
      { key: 'C', rank: 2 },
      { key: 'D', rank: 2 },
    ]);
  });

  it('ranks are computed among all agencies first, then a suppressed one loses its rank and goes last', () => {
    // all four ranked: A 100 -> 1, B 97 -> 2, C 95 -> 3, D 90 -> 4; C and A suppressed: B keeps 2, D keeps 4
    expect(
      rankByMean([
        { key: 'A', mean: 100, suppressed: true },
        { key: 'B', mean: 97, suppressed: false },
        { key: 'C', mean: 95, suppressed: true },
        { key: 'D', mean: 90, suppressed: false },
      ]),
    ).toEqual([
      { key: 'B', rank: 2 },
      { key: 'D', rank: 4 },
      { key: 'A', rank: null }, // suppressed ones by key, never by their hidden mean
      { key: 'C', rank: null },
    ]);
  });

  it('no groups: no rows', () => {
    expect(rankByMean([])).toEqual([]);
  });

  it('refuses a key given twice or a mean that is not a number', () => {
    expect(() =>
      rankByMean([
        { key: 'A', mean: 1, suppressed: false },
        { key: 'A', mean: 2, suppressed: false },
      ]),
    ).toThrow('groups[1].key "A" appears twice');
    expect(() => rankByMean([{ key: 'A', mean: Number.NaN, suppressed: false }])).toThrow('groups[0].mean');
  });

  it('property: a rank is 1 + the number of strictly higher (rounded) means, and ranked rows come first', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({
            key: fc.string({ maxLength: 4 }),
            mean: fc.integer({ min: 0, max: 20 }),
            suppressed: fc.boolean(),
          }),
          {
            selector: (g) => g.key,
            maxLength: 12,
          },
        ),
        (groups) => {
          const rows = rankByMean(groups);
          const firstHidden = rows.findIndex((r) => r.rank === null);
          if (firstHidden >= 0 && rows.slice(firstHidden).some((r) => r.rank !== null)) return false;
          return rows.every((r) => {
            const g = groups.find((x) => x.key === r.key)!;
            const expected = g.suppressed ? null : 1 + groups.filter((x) => x.mean > g.mean).length;
            return r.rank === expected;
          });
        },
      ),
    );
  });
});

describe('compareKeys: code-unit order (PostgreSQL COLLATE "C")', () => {
  it.each([
    ['A', 'B', -1],
    ['B', 'A', 1],
    ['DISDIK', 'DISDIK', 0],
    ['Z', 'a', -1], // upper case before lower case, unlike a locale's order
    ['2025-Q1', '2025-Q2', -1],
  ])('%s vs %s -> %s', (a, b, expected) => {
    expect(compareKeys(a, b)).toBe(expected);
  });
});
