import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  trainingImpact,
  type CompletedTraining,
  type EmployeeQuarterScore,
  type TrainingImpactInput,
} from '../../src/analytics/training-impact.js';

/** Scores written as { employee: [[quarter, score], ...] }. */
function scores(table: Record<string, [number, number | null][]>): EmployeeQuarterScore[] {
  return Object.entries(table).flatMap(([employeeId, rows]) =>
    rows.map(([quarter, score]) => ({ employeeId, quarter, score })),
  );
}

function completions(table: Record<string, number[]>): CompletedTraining[] {
  return Object.entries(table).flatMap(([employeeId, quarters]) =>
    quarters.map((quarter) => ({ employeeId, quarter })),
  );
}

function agencies(table: Record<string, string[]>): Map<string, string> {
  return new Map(Object.entries(table).flatMap(([agency, employees]) => employees.map((e) => [e, agency] as const)));
}

// Worked example 3: one agency, w = 2, quarters 0..5; A and B complete a workshop in quarter 2.
const EXAMPLE_3_SCORES = {
  A: [
    [0, 100],
    [1, 102],
    [3, 110],
    [4, 108],
  ],
  B: [
    [0, 95],
    [1, 97],
    [3, 101],
    [4, 99],
  ],
  C: [
    [0, 100],
    [1, 100],
    [3, 102],
    [4, 102],
  ],
  D: [
    [0, 90],
    [1, 92],
    [3, 93],
    [4, 95],
  ],
  E: [
    [0, 105],
    [1, 105],
    [3, 104],
    [4, 104],
  ],
} satisfies Record<string, [number, number][]>;

function example3(overrides: Partial<TrainingImpactInput> = {}): TrainingImpactInput {
  return {
    scores: scores(EXAMPLE_3_SCORES),
    inScopeCompletions: completions({ A: [2], B: [2] }),
    allCompletions: completions({ A: [2], B: [2] }),
    agencyOf: agencies({ DISDIK: ['A', 'B', 'C', 'D', 'E'] }),
    window: 2,
    minN: 2,
    ...overrides,
  };
}

describe('trainingImpact: worked example 3 (threshold lowered to 2)', () => {
  it('gives the effect, the four means, the standard error and the interval worked by hand', () => {
    // d: A 109 - 101 = 8, B 100 - 96 = 4; C 102 - 100 = 2, D 94 - 91 = 3, E 104 - 105 = -1
    // effect = mean(8, 4) - mean(2, 3, -1) = 6 - 4/3 = 14/3 = 4.6667
    // treatedPre mean(101, 96) = 98.5, treatedPost mean(109, 100) = 104.5
    // controlPre mean(100, 91, 105) = 296/3 = 98.6667, controlPost mean(102, 94, 104) = 100
    // se = sqrt(var(8, 4) / 2 + var(2, 3, -1) / 3) = sqrt(8 / 2 + (13/3) / 3) = sqrt(49/9) = 7/3
    //   (var(2, 3, -1): mean 4/3, squares 4/9 + 25/9 + 49/9 = 78/9, / 2 = 13/3)
    // interval 14/3 -+ 1.96 * 7/3 = 4.6667 -+ 4.5733 = [0.0933, 9.24]
    const r = trainingImpact(example3());
    expect(r.suppressed).toBe(false);
    expect(r.note).toBeNull();
    expect(r.nTreated).toBe(2);
    expect(r.nControl).toBe(3);
    expect(r.effect).toBeCloseTo(14 / 3, 10);
    expect(r.treatedPre).toBeCloseTo(98.5, 10);
    expect(r.treatedPost).toBeCloseTo(104.5, 10);
    expect(r.controlPre).toBeCloseTo(296 / 3, 10);
    expect(r.controlPost).toBeCloseTo(100, 10);
    expect(r.standardError).toBeCloseTo(7 / 3, 10);
    expect(r.ciLow).toBeCloseTo(0.09333333, 6);
    expect(r.ciHigh).toBeCloseTo(9.24, 6);
    expect(r.cohorts).toEqual([
      { agencyCode: 'DISDIK', t0: 2, nTreated: 2, nControl: 3, weight: 1, effect: expect.closeTo(14 / 3, 10) },
    ]);
    // quarters -2..-1 hold no score: no pre-trend
    expect(r.preTrend).toBeNull();
    expect(r.preTrendNote).toEqual({ code: 'PRE_TREND_NO_DATA', params: { window: 2 } });
  });

  it('with the default threshold of 5 the whole result is suppressed, every number null', () => {
    const r = trainingImpact(example3({ minN: 5 }));
    expect(r).toEqual({
      nTreated: null,
      nControl: null,
      treatedPre: null,
      treatedPost: null,
      controlPre: null,
      controlPost: null,
      effect: null,
      standardError: null,
      ciLow: null,
      ciHigh: null,
      cohorts: [],
      preTrend: null,
      preTrendNote: null,
      suppressed: true,
      note: { code: 'TRAINING_IMPACT_TOO_FEW', params: { min: 5 } },
    });
  });
});

describe('trainingImpact: who is treated, who is a control, which cohorts count', () => {
  it('a cohort with no control is dropped (and does not count in nTreated)', () => {
    // BAPPEDA: F completes in quarter 2; G, its only other employee, completes a seminar in quarter 3 (inside 0..4)
    // -> no control -> the BAPPEDA cohort is dropped; the figures are example 3's
    const base = example3();
    const r = trainingImpact({
      ...base,
      scores: [
        ...base.scores,
        ...scores({
          F: [
            [0, 80],
            [1, 80],
            [3, 99],
            [4, 99],
          ],
          G: [
            [0, 90],
            [1, 90],
            [3, 90],
            [4, 90],
          ],
        }),
      ],
      inScopeCompletions: [...base.inScopeCompletions, ...completions({ F: [2] })],
      allCompletions: [...base.allCompletions, ...completions({ F: [2], G: [3] })],
      agencyOf: agencies({ DISDIK: ['A', 'B', 'C', 'D', 'E'], BAPPEDA: ['F', 'G'] }),
    });
    expect(r.nTreated).toBe(2);
    expect(r.nControl).toBe(3);
    expect(r.effect).toBeCloseTo(14 / 3, 10);
    expect(r.cohorts.map((k) => k.agencyCode)).toEqual(['DISDIK']);
  });

  it('a treated employee with an empty pre window, or an empty post window, drops out', () => {
    // H: scores only after (3, 4); I: scores only before (0, 1) -> neither has a d -> example 3's figures
    const base = example3();
    const r = trainingImpact({
      ...base,
      scores: [
        ...base.scores,
        ...scores({
          H: [
            [3, 50],
            [4, 50],
          ],
          I: [
            [0, 50],
            [1, 50],
            [2, 50],
            [3, null],
          ],
        }),
      ],
      inScopeCompletions: [...base.inScopeCompletions, ...completions({ H: [2], I: [2] })],
      allCompletions: [...base.allCompletions, ...completions({ H: [2], I: [2] })],
      agencyOf: agencies({ DISDIK: ['A', 'B', 'C', 'D', 'E', 'H', 'I'] }),
    });
    expect(r.nTreated).toBe(2);
    expect(r.effect).toBeCloseTo(14 / 3, 10);
    expect(r.treatedPre).toBeCloseTo(98.5, 10);
  });

  it('the cohort quarter is the first in-scope completion; controls are those with no training of any kind in t0-w..t0+w', () => {
    // A also completes the training again in quarter 7: t0 stays 2.
    // U completes another kind of training in quarter 4 (inside 0..4): not a control.
    // V completes one in quarter 5 (outside 0..4): a control, scores as C -> d 2.
    // controls C 2, D 3, E -1, V 2 -> mean 6/4 = 1.5; effect 6 - 1.5 = 4.5
    // var(2, 3, -1, 2): mean 1.5, squares 0.25 + 2.25 + 6.25 + 0.25 = 9, / 3 = 3
    // se = sqrt(8 / 2 + 3 / 4) = sqrt(4.75)
    const base = example3();
    const r = trainingImpact({
      ...base,
      scores: [
        ...base.scores,
        ...scores({
          U: [
            [0, 60],
            [1, 60],
            [3, 100],
            [4, 100],
          ],
          V: [
            [0, 100],
            [1, 100],
            [3, 102],
            [4, 102],
          ],
        }),
      ],
      inScopeCompletions: completions({ A: [7, 2], B: [2] }),
      allCompletions: completions({ A: [2, 7], B: [2], U: [4], V: [5] }),
      agencyOf: agencies({ DISDIK: ['A', 'B', 'C', 'D', 'E', 'U', 'V'] }),
    });
    expect(r.nTreated).toBe(2);
    expect(r.nControl).toBe(4);
    expect(r.effect).toBeCloseTo(4.5, 10);
    expect(r.standardError).toBeCloseTo(Math.sqrt(4.75), 10);
    expect(r.cohorts[0]!.t0).toBe(2);
  });

  it('controls come from the same agency only, and an employee without an agency takes no part', () => {
    // W (no agency on record) completes in quarter 2 and would have d 50; X (no agency) would be a control with d -50
    const base = example3();
    const r = trainingImpact({
      ...base,
      scores: [
        ...base.scores,
        ...scores({
          W: [
            [1, 50],
            [3, 100],
          ],
          X: [
            [1, 100],
            [3, 50],
          ],
        }),
      ],
      inScopeCompletions: [...base.inScopeCompletions, ...completions({ W: [2] })],
      allCompletions: [...base.allCompletions, ...completions({ W: [2] })],
    });
    expect(r.nTreated).toBe(2);
    expect(r.nControl).toBe(3);
    expect(r.effect).toBeCloseTo(14 / 3, 10);
  });

  it('two cohorts are weighted by their treated employees', () => {
    // Cohort DISDIK x 2 is example 3: nT 2, effect 14/3, var_T 8, nC 3, var_C 13/3,
    //   treatedPre 98.5, treatedPost 104.5, controlPre 296/3, controlPost 100.
    // Cohort DINKES x 2: treated P 80, 82 | 88, 90 -> 81 -> 89, d 8
    //                             Q 70, 70 | 72, 74 -> 70 -> 73, d 3
    //                             R 90, 94 | 96, 96 -> 92 -> 96, d 4
    //   controls S 100, 100 | 101, 101 -> d 1;  T 85, 87 | 87, 87 -> 86 -> 87, d 1
    //   mean d_T = 15/3 = 5, var_T: squares 9 + 4 + 1 = 14, / 2 = 7; mean d_C = 1, var_C = 0; effect 4
    //   treatedPre 243/3 = 81, treatedPost 258/3 = 86, controlPre (100 + 86)/2 = 93, controlPost (101 + 87)/2 = 94
    // weights 2/5 and 3/5:
    //   effect = 0.4 * 14/3 + 0.6 * 4 = 28/15 + 2.4 = 64/15 = 4.2667
    //   treatedPre 0.4 * 98.5 + 0.6 * 81 = 39.4 + 48.6 = 88; treatedPost 0.4 * 104.5 + 0.6 * 86 = 41.8 + 51.6 = 93.4
    //   controlPre 0.4 * 296/3 + 0.6 * 93 = 39.4667 + 55.8 = 95.2667; controlPost 0.4 * 100 + 0.6 * 94 = 96.4
    //   check: (93.4 - 88) - (96.4 - 95.2667) = 5.4 - 1.1333 = 4.2667
    //   se^2 = 0.16 * (8/2 + (13/3)/3) + 0.36 * (7/3 + 0/2) = 0.16 * 49/9 + 0.84 = 0.871111 + 0.84 = 1.711111
    // nTreated 5, nControl 5: not suppressed at the default threshold of 5
    const base = example3();
    const r = trainingImpact({
      ...base,
      scores: [
        ...base.scores,
        ...scores({
          P: [
            [0, 80],
            [1, 82],
            [3, 88],
            [4, 90],
          ],
          Q: [
            [0, 70],
            [1, 70],
            [3, 72],
            [4, 74],
          ],
          R: [
            [0, 90],
            [1, 94],
            [3, 96],
            [4, 96],
          ],
          S: [
            [0, 100],
            [1, 100],
            [3, 101],
            [4, 101],
          ],
          T: [
            [0, 85],
            [1, 87],
            [3, 87],
            [4, 87],
          ],
        }),
      ],
      inScopeCompletions: completions({ A: [2], B: [2], P: [2], Q: [2], R: [2] }),
      allCompletions: completions({ A: [2], B: [2], P: [2], Q: [2], R: [2] }),
      agencyOf: agencies({ DISDIK: ['A', 'B', 'C', 'D', 'E'], DINKES: ['P', 'Q', 'R', 'S', 'T'] }),
      minN: 5,
    });
    expect(r.suppressed).toBe(false);
    expect(r.nTreated).toBe(5);
    expect(r.nControl).toBe(5);
    expect(r.effect).toBeCloseTo(64 / 15, 10);
    expect(r.treatedPre).toBeCloseTo(88, 10);
    expect(r.treatedPost).toBeCloseTo(93.4, 10);
    expect(r.controlPre).toBeCloseTo(0.4 * (296 / 3) + 55.8, 10);
    expect(r.controlPost).toBeCloseTo(96.4, 10);
    expect(r.standardError).toBeCloseTo(Math.sqrt(0.16 * (49 / 9) + 0.84), 10);
    expect(r.ciLow).toBeCloseTo(64 / 15 - 1.96 * Math.sqrt(0.16 * (49 / 9) + 0.84), 10);
    expect(r.cohorts.map((k) => [k.agencyCode, k.nTreated, k.nControl, k.weight])).toEqual([
      ['DINKES', 3, 2, 0.6],
      ['DISDIK', 2, 3, 0.4],
    ]);
  });

  it('a cohort with one treated and one control: each side contributes variance 0', () => {
    // A: 100 | 110 -> d 10; C: 100 | 104 -> d 4; effect 6, se 0, interval [6, 6]
    const r = trainingImpact({
      scores: scores({
        A: [
          [1, 100],
          [3, 110],
        ],
        C: [
          [1, 100],
          [3, 104],
        ],
      }),
      inScopeCompletions: completions({ A: [2] }),
      allCompletions: completions({ A: [2] }),
      agencyOf: agencies({ X: ['A', 'C'] }),
      window: 2,
      minN: 1,
    });
    expect([r.effect, r.standardError, r.ciLow, r.ciHigh]).toEqual([6, 0, 6, 6]);
  });
});

describe('trainingImpact: the pre-trend check', () => {
  // t0 = 4, w = 2: main before 2..3, after 5..6; pre-trend earlier 0..1 vs later 2..3.
  const table = {
    A: [
      [0, 100],
      [1, 100],
      [2, 102],
      [3, 102],
      [4, 120],
      [5, 110],
      [6, 110],
    ], // main 102 -> 110 d 8; pre 100 -> 102 d 2
    B: [
      [0, 90],
      [1, 90],
      [2, 91],
      [3, 91],
      [5, 95],
      [6, null],
    ], // main 91 -> 95 d 4 (q6 undefined, skipped); pre d 1
    C: [
      [0, 95],
      [1, 95],
      [2, 96],
      [3, 96],
      [5, 97],
      [6, 97],
    ], // main d 1; pre d 1
    D: [
      [2, 80],
      [3, 80],
      [5, 81],
      [6, 81],
    ], // main d 1; nothing in 0..1: not in the pre-trend
    E: [
      [0, 100],
      [1, 100],
      [2, 100],
      [3, 100],
      [5, 100],
      [6, 100],
    ], // main d 0; pre d 0
  } satisfies Record<string, [number, number | null][]>;
  const input: TrainingImpactInput = {
    scores: scores(table),
    inScopeCompletions: completions({ A: [4], B: [4] }),
    allCompletions: completions({ A: [4], B: [4] }),
    agencyOf: agencies({ X: ['A', 'B', 'C', 'D', 'E'] }),
    window: 2,
    minN: 2,
  };

  it('runs one window earlier on the same employees', () => {
    // main: treated d 8, 4 -> 6; controls C 1, D 1, E 0 -> 2/3; effect 16/3 (A's 120 in t0 itself is in neither window)
    // pre-trend: treated 2, 1 -> 1.5; controls C 1, E 0 -> 0.5 (D has no earlier score); effect 1
    //   se = sqrt(var(2, 1)/2 + var(1, 0)/2) = sqrt(0.5/2 + 0.5/2) = sqrt(0.5); interval 1 -+ 1.96 * 0.70711
    const r = trainingImpact(input);
    expect(r.effect).toBeCloseTo(16 / 3, 10);
    expect(r.nControl).toBe(3);
    expect(r.preTrend).not.toBeNull();
    expect(r.preTrend!.effect).toBeCloseTo(1, 10);
    expect(r.preTrend!.nTreated).toBe(2);
    expect(r.preTrend!.nControl).toBe(2);
    expect(r.preTrend!.treatedPre).toBeCloseTo(95, 10); // mean(100, 90)
    expect(r.preTrend!.treatedPost).toBeCloseTo(96.5, 10); // mean(102, 91)
    expect(r.preTrend!.standardError).toBeCloseTo(Math.sqrt(0.5), 10);
    expect(r.preTrend!.ciLow).toBeCloseTo(1 - 1.96 * Math.sqrt(0.5), 10);
    expect(r.preTrend!.ciHigh).toBeCloseTo(1 + 1.96 * Math.sqrt(0.5), 10);
    expect(r.preTrendNote).toBeNull();
  });

  it('a pre-trend below the threshold is withheld with a note while the main result stands', () => {
    // threshold 3: main nTreated 2 < 3 would suppress everything, so lower the bar to check only the pre-trend:
    // add a third treated F (main d 2, no earlier scores) -> main nT 3, nC 3; pre-trend nT 2 < 3
    const r = trainingImpact({
      ...input,
      scores: [
        ...input.scores,
        ...scores({
          F: [
            [2, 90],
            [3, 90],
            [5, 92],
            [6, 92],
          ],
        }),
      ],
      inScopeCompletions: completions({ A: [4], B: [4], F: [4] }),
      allCompletions: completions({ A: [4], B: [4], F: [4] }),
      agencyOf: agencies({ X: ['A', 'B', 'C', 'D', 'E', 'F'] }),
      minN: 3,
    });
    // main: treated 8, 4, 2 -> 14/3; controls 2/3 -> effect 4
    expect(r.suppressed).toBe(false);
    expect(r.effect).toBeCloseTo(4, 10);
    expect(r.preTrend).toBeNull();
    expect(r.preTrendNote).toEqual({ code: 'TRAINING_IMPACT_TOO_FEW', params: { min: 3 } });
  });
});

describe('trainingImpact: bad input', () => {
  it('names the field and the rule', () => {
    expect(() => trainingImpact(example3({ window: 0 }))).toThrow('window must be a whole number of at least 1, got 0');
    expect(() => trainingImpact(example3({ minN: 0 }))).toThrow('minN must be a whole number of at least 1, got 0');
    expect(() =>
      trainingImpact(
        example3({
          scores: scores({
            A: [
              [1, 90],
              [1, 91],
            ],
          }),
        }),
      ),
    ).toThrow('scores[1]: employee A has a second score for quarter 1');
    expect(() => trainingImpact(example3({ scores: scores({ A: [[1.5, 90]] }) }))).toThrow(
      'scores[0].quarter must be a whole quarter index, got 1.5',
    );
  });
});

describe('trainingImpact: properties on random data', () => {
  const data = fc.record({
    employees: fc.array(
      fc.record({
        agency: fc.constantFrom('A', 'B', 'C'),
        scores: fc.array(fc.option(fc.integer({ min: 60, max: 120 }), { nil: null }), { minLength: 10, maxLength: 10 }),
        inScope: fc.option(fc.integer({ min: 0, max: 9 }), { nil: null }),
        other: fc.option(fc.integer({ min: 0, max: 9 }), { nil: null }),
      }),
      { minLength: 2, maxLength: 25 },
    ),
    window: fc.integer({ min: 1, max: 3 }),
  });

  it('effect = (treatedPost - treatedPre) - (controlPost - controlPre), weights sum to 1, the interval holds the effect', () => {
    fc.assert(
      fc.property(data, ({ employees, window }) => {
        const r = trainingImpact({
          scores: employees.flatMap((e, i) =>
            e.scores.map((score, quarter) => ({ employeeId: `e${i}`, quarter, score })),
          ),
          inScopeCompletions: employees.flatMap((e, i) =>
            e.inScope === null ? [] : [{ employeeId: `e${i}`, quarter: e.inScope }],
          ),
          allCompletions: employees.flatMap((e, i) =>
            e.other === null ? [] : [{ employeeId: `e${i}`, quarter: e.other }],
          ),
          agencyOf: new Map(employees.map((e, i) => [`e${i}`, e.agency])),
          window,
          minN: 1,
        });
        if (r.suppressed) return r.effect === null && r.cohorts.length === 0;
        const identity = r.treatedPost! - r.treatedPre! - (r.controlPost! - r.controlPre!);
        const weights = r.cohorts.reduce((sum, k) => sum + k.weight, 0);
        return (
          Math.abs(r.effect! - identity) < 1e-9 &&
          Math.abs(weights - 1) < 1e-12 &&
          r.nTreated === r.cohorts.reduce((sum, k) => sum + k.nTreated, 0) &&
          r.ciLow! <= r.effect! &&
          r.effect! <= r.ciHigh! &&
          r.cohorts.every((k) => k.nTreated > 0 && k.nControl > 0)
        );
      }),
    );
  });
});
