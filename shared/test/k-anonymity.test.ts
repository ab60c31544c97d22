import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  kAnonymise,
  rankGroupOf,
  smallestGroup,
  type QuasiIdentifierRow,
  type QuasiIdentifiers,
} from '../src/k-anonymity.js';

/** `n` people of one description. */
function people(n: number, row: Partial<QuasiIdentifierRow>): QuasiIdentifierRow[] {
  return Array.from({ length: n }, () => ({
    agency: 'A',
    employmentType: 'PNS',
    positionType: 'PELAKSANA',
    rankGroup: 'II',
    gender: 'L',
    ...row,
  }));
}

/** The shown rows in a compact form: `employmentType/positionType/rankGroup/gender` with `*` for withheld, counted. */
function tally(shown: QuasiIdentifiers[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of shown) {
    const key = [s.employmentType, s.positionType, s.rankGroup, s.gender].map((v) => v ?? '*').join('/');
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

describe('rankGroupOf', () => {
  it.each([
    ['PNS', 'III/b', 'III'],
    ['PNS', 'IV/e', 'IV'],
    ['PNS', 'I/a', 'I'],
    ['PNS', 'II/d', 'II'],
    ['PPPK', 'IX', 'PPPK'],
    ['PPPK', null, 'PPPK'],
    ['PNS', null, null],
    ['PNS', 'IX', null],
  ] as const)('%s %s is %s', (type, rank, group) => {
    expect(rankGroupOf(type, rank)).toBe(group);
  });
});

describe('kAnonymise, worked by hand (k = 5)', () => {
  it('shows everything of a group of 5 alike', () => {
    expect(tally(kAnonymise(people(5, {}), 5))).toEqual({ 'PNS/PELAKSANA/II/L': 5 });
  });

  it('withholds gender where one gender has fewer than 5, pooling the smallest shown gender with it', () => {
    // 6 L and 3 P: the 3 P form a pool of 3 < 5, so the 6 L join it; gender is withheld for all 9.
    const rows = [...people(6, { gender: 'L' }), ...people(3, { gender: 'P' })];
    expect(tally(kAnonymise(rows, 5))).toEqual({ 'PNS/PELAKSANA/II/*': 9 });
    // 6 L, 5 P and 2 unknown: the 2 pool with the 5 P (smaller than the 6 L): L shown, the other 7 withheld.
    const three = [...people(6, { gender: 'L' }), ...people(5, { gender: 'P' }), ...people(2, { gender: null })];
    expect(tally(kAnonymise(three, 5))).toEqual({ 'PNS/PELAKSANA/II/L': 6, 'PNS/PELAKSANA/II/*': 7 });
  });

  it("withholds an agency head's position type, and pools enough others to hide them among 5", () => {
    // One JPT, two ADMINISTRATOR, six PENGAWAS, twenty PELAKSANA (all PNS II, L for simplicity).
    const rows = [
      ...people(1, { positionType: 'JPT', rankGroup: 'IV' }),
      ...people(2, { positionType: 'ADMINISTRATOR', rankGroup: 'IV' }),
      ...people(6, { positionType: 'PENGAWAS', rankGroup: 'III' }),
      ...people(20, { positionType: 'PELAKSANA' }),
    ];
    // The pool (JPT + ADMINISTRATOR = 3) takes in the smallest shown type, PENGAWAS (6): 9 with position type
    // withheld; among them rank group IV has 3 (< 5) and III 6: the 3 take in the 6, rank withheld for all 9.
    expect(tally(kAnonymise(rows, 5))).toEqual({ 'PNS/*/*/L': 9, 'PNS/PELAKSANA/II/L': 20 });
  });

  it('withholds the employment type of the few PPPK of an agency, and their rank group with it', () => {
    const rows = [
      ...people(2, { employmentType: 'PPPK', rankGroup: 'PPPK', gender: 'P' }),
      ...people(10, { gender: 'P' }),
    ];
    // PPPK (2) pools with PNS (10): employment type withheld for all 12; rank group: PPPK 2 < 5 pools with II (10).
    expect(tally(kAnonymise(rows, 5))).toEqual({ '*/PELAKSANA/*/P': 12 });
  });

  it('decides each agency on its own, and shows nothing but the agency of one smaller than k', () => {
    const rows = [...people(5, { agency: 'A' }), ...people(3, { agency: 'B', gender: 'P' })];
    const shown = kAnonymise(rows, 5);
    expect(tally(shown.slice(0, 5))).toEqual({ 'PNS/PELAKSANA/II/L': 5 });
    expect(tally(shown.slice(5))).toEqual({ '*/*/*/*': 3 });
    expect(smallestGroup(rows, shown)).toBe(3);
  });

  it('with k = 1 shows everything', () => {
    const rows = [...people(1, { gender: 'P' }), ...people(1, { positionType: 'JPT' })];
    expect(tally(kAnonymise(rows, 1))).toEqual({ 'PNS/PELAKSANA/II/P': 1, 'PNS/JPT/II/L': 1 });
  });

  it('refuses a k that is not a positive integer', () => {
    expect(() => kAnonymise([], 0)).toThrow('k must be a positive integer');
  });
});

describe('kAnonymise: the guarantee, on random organisations', () => {
  const row = fc.record({
    agency: fc.constantFrom('A', 'B', 'C'),
    employmentType: fc.constantFrom('PNS', 'PPPK', null),
    positionType: fc.constantFrom('JPT', 'ADMINISTRATOR', 'PENGAWAS', 'PELAKSANA', 'FUNGSIONAL', null),
    rankGroup: fc.constantFrom('I', 'II', 'III', 'IV', 'PPPK', null),
    gender: fc.constantFrom('L', 'P', null),
  }) as fc.Arbitrary<QuasiIdentifierRow>;

  it('every combination shown is shared by at least k people whenever every agency has k', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 300 }), fc.integer({ min: 1, max: 12 }), (rows, k) => {
        const shown = kAnonymise(rows, k);
        const agencySizes = new Map<string, number>();
        for (const r of rows) agencySizes.set(r.agency, (agencySizes.get(r.agency) ?? 0) + 1);
        const bigEnough = rows.every((r) => agencySizes.get(r.agency)! >= k);
        if (rows.length > 0 && bigEnough) expect(smallestGroup(rows, shown)).toBeGreaterThanOrEqual(k);
        // Nothing shown is made up: a shown value is the row's own.
        shown.forEach((s, i) => {
          for (const key of ['employmentType', 'positionType', 'rankGroup', 'gender'] as const) {
            if (s[key] !== null) expect(s[key]).toBe(rows[i]![key]);
          }
        });
      }),
      { numRuns: 300 },
    );
  });
});
