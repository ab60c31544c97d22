import { describe, expect, it } from 'vitest';
import type { Predikat } from '../../src/enums.js';
import { groupStatistics, type StatRow } from '../../src/analytics/group-statistics.js';

/** Rows of one (period, agency) group: [employee, value, predikat]. */
function rows(period: string, agency: string, values: [string, number, Predikat | null][]): StatRow[] {
  return values.map(([employeeId, value, predikat]) => ({
    keys: [period, agency],
    employeeId,
    value,
    predikat,
    agencyCode: agency,
  }));
}

// A trend-like answer keyed (period, agency).
const ROWS: StatRow[] = [
  // Q1/A: 5 employees, 100, 90, 110, 95, 105
  ...rows('2025-Q1', 'A', [
    ['a1', 100, 'BAIK'],
    ['a2', 90, 'BAIK'],
    ['a3', 110, 'SANGAT_BAIK'],
    ['a4', 95, 'BAIK'],
    ['a5', 105, 'BAIK'],
  ]),
  // Q1/B: 3 employees
  ...rows('2025-Q1', 'B', [
    ['b1', 80, 'KURANG'],
    ['b2', 85, 'KURANG'],
    ['b3', 90, 'BAIK'],
  ]),
  ...rows('2025-Q1', 'C', [
    ['c1', 100, 'BAIK'],
    ['c2', 100, 'BAIK'],
    ['c3', 100, 'BAIK'],
    ['c4', 100, 'BAIK'],
    ['c5', 100, 'BAIK'],
  ]),
  // Q1/D: 6 values (criterion scores) of only 4 employees: the unit is the employee, so it is small
  ...rows('2025-Q1', 'D', [
    ['d1', 80, null],
    ['d1', 82, null],
    ['d2', 84, null],
    ['d2', 86, null],
    ['d3', 88, null],
    ['d4', 90, null],
  ]),
  ...rows('2025-Q2', 'A', [
    ['a1', 100, 'BAIK'],
    ['a2', 100, 'BAIK'],
    ['a3', 100, 'BAIK'],
    ['a4', 100, 'BAIK'],
    ['a5', 100, 'BAIK'],
  ]),
  // Q2/B: 6 employees, 90..100 by 2
  ...rows('2025-Q2', 'B', [
    ['b1', 90, 'BAIK'],
    ['b2', 92, 'BAIK'],
    ['b3', 94, 'BAIK'],
    ['b4', 96, 'BAIK'],
    ['b5', 98, 'BAIK'],
    ['b6', 100, 'BAIK'],
  ]),
  ...rows('2025-Q2', 'C', [
    ['c1', 100, 'BAIK'],
    ['c2', 100, 'BAIK'],
    ['c3', 100, 'BAIK'],
    ['c4', 100, 'BAIK'],
    ['c5', 100, 'BAIK'],
  ]),
];

describe('groupStatistics: groups, their figures and their suppression', () => {
  it('an ADMIN or LEADER sees every group with its figures, ordered by keys', () => {
    const groups = groupStatistics([...ROWS].reverse(), { kind: 'FULL' }, 5);
    expect(groups.map((g) => g.keys.join('/'))).toEqual([
      '2025-Q1/A',
      '2025-Q1/B',
      '2025-Q1/C',
      '2025-Q1/D',
      '2025-Q2/A',
      '2025-Q2/B',
      '2025-Q2/C',
    ]);
    expect(groups.every((g) => !g.suppressed)).toBe(true);
    const q1a = groups[0]!;
    // 90, 95, 100, 105, 110: mean 100; squares 100 + 25 + 0 + 25 + 100 = 250 / 4 = 62.5; quartiles on rows 1, 2, 3
    expect(q1a.n).toBe(5);
    expect(q1a.mean).toBe(100);
    expect(q1a.stddev).toBeCloseTo(Math.sqrt(62.5), 12);
    expect([q1a.min, q1a.p25, q1a.median, q1a.p75, q1a.max]).toEqual([90, 95, 100, 105, 110]);
    expect(q1a.predikatCounts!.slice(0, 2)).toEqual([
      { predikat: 'SANGAT_BAIK', count: 1, share: 0.2 },
      { predikat: 'BAIK', count: 4, share: 0.8 },
    ]);
    // Q1/D: n counts values (6), not employees
    expect(groups[3]!.n).toBe(6);
    const q2b = groups[5]!;
    // 90..100 by 2: mean 95; deviations -5, -3, -1, 1, 3, 5 -> 70 / 5 = 14
    // p25 position 1.25 -> 92 + 2 * 0.25 = 92.5; median position 2.5 -> 95; p75 position 3.75 -> 96 + 2 * 0.75 = 97.5
    expect(q2b.mean).toBe(95);
    expect(q2b.stddev).toBeCloseTo(Math.sqrt(14), 12);
    expect([q2b.p25, q2b.median, q2b.p75]).toEqual([92.5, 95, 97.5]);
  });

  it('a restricted caller: small groups by distinct employees, then the second-group rule until nothing changes', () => {
    // SMALL: Q1/B (3 employees), Q1/D (4 employees, 6 values).
    // pass 1, along the period: agency A {Q1/A, Q2/A} none; agency B {Q1/B*, Q2/B} one -> Q2/B SECOND; C none
    //         along the agency: Q1 {A, B*, C, D*} two -> fine; Q2 {A 5, B*, C 5} one -> tie of 5, lowest key A -> Q2/A
    // pass 2: agency A {Q1/A, Q2/A*} one -> Q1/A SECOND; the rest have 0 or 2+
    // pass 3: nothing changes.
    const groups = groupStatistics(ROWS, { kind: 'RESTRICTED' }, 5);
    expect(groups.map((g) => [g.keys.join('/'), g.note?.code ?? '-'])).toEqual([
      ['2025-Q1/A', 'SECOND_GROUP'],
      ['2025-Q1/B', 'SMALL_GROUP'],
      ['2025-Q1/C', '-'],
      ['2025-Q1/D', 'SMALL_GROUP'],
      ['2025-Q2/A', 'SECOND_GROUP'],
      ['2025-Q2/B', 'SECOND_GROUP'],
      ['2025-Q2/C', '-'],
    ]);
    // a suppressed group carries no number at all
    expect(groups[1]).toEqual({
      keys: ['2025-Q1', 'B'],
      n: null,
      mean: null,
      stddev: null,
      min: null,
      p25: null,
      median: null,
      p75: null,
      max: null,
      predikatCounts: null,
      suppressed: true,
      note: { code: 'SMALL_GROUP', params: { min: 5 } },
    });
    expect(groups[2]!.mean).toBe(100);
  });

  it("an agency head sees their own agency's small groups; the others are suppressed as for anyone", () => {
    // head of B: Q1/B is exempt; Q1/D small; along Q1 {A, B, C, D*} one -> fewest non-exempt: A 5, C 5 -> A
    // then agency A {Q1/A*, Q2/A} one -> Q2/A; Q2 {A*, B, C} one -> fewest non-exempt: C 5 (B is exempt) -> Q2/C
    // then agency C {Q1/C, Q2/C*} one -> Q1/C; Q1 now A, C, D: fine; done
    const groups = groupStatistics(ROWS, { kind: 'AGENCY_HEAD', agencyCode: 'B' }, 5);
    expect(groups.map((g) => [g.keys.join('/'), g.note?.code ?? '-'])).toEqual([
      ['2025-Q1/A', 'SECOND_GROUP'],
      ['2025-Q1/B', '-'],
      ['2025-Q1/C', 'SECOND_GROUP'],
      ['2025-Q1/D', 'SMALL_GROUP'],
      ['2025-Q2/A', 'SECOND_GROUP'],
      ['2025-Q2/B', '-'],
      ['2025-Q2/C', 'SECOND_GROUP'],
    ]);
    expect(groups[1]!.mean).toBeCloseTo(85, 12); // (80 + 85 + 90) / 3
  });
});
