import { describe, expect, it } from 'vitest';
import { raterObjectivity, type RaterScoreRow } from '../../src/analytics/rater-objectivity.js';

const POLICY = { zThreshold: 3, minEmployees: 5 };

/** One judged HASIL_KERJA score of criterion K in agency X, quarter 0, each in its own evaluation. */
function row(
  assessorId: string | null,
  employeeId: string,
  score: number,
  extra: Partial<RaterScoreRow> = {},
): RaterScoreRow {
  return {
    assessorId,
    employeeId,
    evaluationId: `${employeeId}-q${extra.quarter ?? 0}`,
    criterionCode: 'K',
    category: 'HASIL_KERJA',
    agencyCode: 'X',
    quarter: 0,
    score,
    judged: true,
    ...extra,
  };
}

/** Rater `assessor` scoring employees `${assessor}1`.. with the given scores. */
function team(assessor: string, scores: number[], extra: Partial<RaterScoreRow> = {}): RaterScoreRow[] {
  return scores.map((s, i) => row(assessor, `${assessor}${i + 1}`, s, extra));
}

describe('raterObjectivity: worked example 4', () => {
  const rows = [...team('R1', [110, 106]), ...team('R2', [96, 100, 98])];

  it('leniency, standard error and z as worked by hand', () => {
    // cell mean 510 / 5 = 102; residuals R1: +8, +4; R2: -6, -2, -4 (one score each = employee mean residuals)
    // leniency R1 = mean(8, 4) = 6; R2 = mean(-6, -2, -4) = -4
    // sd of the five: mean 0, squares 64 + 16 + 36 + 4 + 16 = 136 -> sqrt(136 / 4) = 5.8310
    // se R1 = 5.8310 / sqrt 2 = 4.1231, z 1.455; se R2 = 5.8310 / sqrt 3 = 3.3665, z -1.188; no flag (< 5 employees)
    const [r1, r2] = raterObjectivity(rows, POLICY);
    expect(r1!.assessorId).toBe('R1');
    expect(r1!.nEmployees).toBe(2);
    expect(r1!.nScores).toBe(2);
    expect(r1!.meanGiven).toBe(108);
    expect(r1!.leniency).toBeCloseTo(6, 10);
    expect(r1!.standardError).toBeCloseTo(Math.sqrt(34) / Math.sqrt(2), 10);
    expect(r1!.z).toBeCloseTo(1.455, 3);
    expect(r1!.flags).toEqual([]);
    expect(r2!.assessorId).toBe('R2');
    expect(r2!.nEmployees).toBe(3);
    expect(r2!.meanGiven).toBe(98);
    expect(r2!.leniency).toBeCloseTo(-4, 10);
    expect(r2!.standardError).toBeCloseTo(Math.sqrt(34) / Math.sqrt(3), 10);
    expect(r2!.z).toBeCloseTo(-1.188, 3);
    expect(r2!.flags).toEqual([]);
  });

  it('a score derived from an indicator enters nothing', () => {
    // R1 also gives E1 a derived 50 on K: were it counted, the cell mean and R1's figures would move
    const [r1, r2] = raterObjectivity([...rows, row('R1', 'R11', 50, { judged: false })], POLICY);
    expect(r1!.nScores).toBe(2);
    expect(r1!.leniency).toBeCloseTo(6, 10);
    expect(r2!.z).toBeCloseTo(-1.188, 3);
  });

  it('an employee with several scores counts once: the unit is the employee', () => {
    // R1 also gives R11 110 on criterion L, R2 gives R21 94 on L: cell L/X/0 mean (110 + 94) / 2 = 102
    // residuals: K as above (R11 +8, R12 +4, R21 -6, R22 -2, R23 -4); L: R11 +8, R21 -8
    // employee mean residuals: R11 mean(8, 8) = 8, R12 4, R21 mean(-6, -8) = -7, R22 -2, R23 -4
    // leniency R1 = mean(8, 4) = 6 (per score it would be (8 + 8 + 4) / 3 = 6.67)
    // leniency R2 = mean(-7, -2, -4) = -13/3 (per score it would be (-6 - 8 - 2 - 4) / 4 = -5)
    const more = [
      row('R1', 'R11', 110, { criterionCode: 'L', evaluationId: 'R11-q0' }),
      row('R2', 'R21', 94, { criterionCode: 'L', evaluationId: 'R21-q0' }),
    ];
    const [r1, r2] = raterObjectivity([...rows, ...more], POLICY);
    expect(r1!.nEmployees).toBe(2);
    expect(r1!.nScores).toBe(3);
    expect(r1!.leniency).toBeCloseTo(6, 10);
    expect(r2!.leniency).toBeCloseTo(-13 / 3, 10);
    // pairs' mean residuals 8, 4, -7, -2, -4: mean -0.2, squares 67.24 + 17.64 + 46.24 + 3.24 + 14.44 = 148.8
    expect(r1!.standardError).toBeCloseTo(Math.sqrt(148.8 / 4) / Math.sqrt(2), 10);
  });
});

describe('raterObjectivity: LENIENT and SEVERE', () => {
  // Four assessors rate 9 employees each in one cell (criterion K, agency X, quarter 0); offsets
  // -6, -3, 0, 3, 6, -6, -3, 3, 6 (sum 0, squares 180). L gives 110 + offset, S 90 + offset, N1 and N2 100 + offset.
  // cell mean (990 + 810 + 900 + 900) / 36 = 100; residuals L 10 + o, S -10 + o, N o.
  // leniency L = 10, S = -10, N = 0.
  // sum of squared pair residuals: L sum (10 + o)^2 = 900 + 0 + 180 = 1080, S 1080, N1 180, N2 180 -> 2520; mean 0
  // sd = sqrt(2520 / 35) = sqrt(72) = 8.4853; se (9 employees) = sqrt(72) / 3 = 2.8284; z = 10 / 2.8284 = 3.5355
  // CENTRAL_TENDENCY does not fire: each assessor's sd = sqrt(180 / 8) = 4.7434, half the cell's sd = 4.2426
  const offsets = [-6, -3, 0, 3, 6, -6, -3, 3, 6];
  const rows = [
    ...team(
      'L',
      offsets.map((o) => 110 + o),
    ),
    ...team(
      'N1',
      offsets.map((o) => 100 + o),
    ),
    ...team(
      'N2',
      offsets.map((o) => 100 + o),
    ),
    ...team(
      'S',
      offsets.map((o) => 90 + o),
    ),
  ];

  it('flags the lenient and the severe assessor, not the neutral ones', () => {
    const stats = raterObjectivity(rows, POLICY);
    expect(stats.map((s) => s.assessorId)).toEqual(['L', 'N1', 'N2', 'S']);
    const [l, n1, n2, s] = stats;
    expect(l!.leniency).toBeCloseTo(10, 10);
    expect(l!.standardError).toBeCloseTo(Math.sqrt(72) / 3, 10);
    expect(l!.z).toBeCloseTo(3.5355, 4);
    expect(l!.sdGiven).toBeCloseTo(Math.sqrt(22.5), 10);
    expect(l!.sdInCells).toBeCloseTo(Math.sqrt(72), 10);
    expect(l!.flags).toEqual(['LENIENT']);
    expect(s!.z).toBeCloseTo(-3.5355, 4);
    expect(s!.flags).toEqual(['SEVERE']);
    expect(n1!.z).toBeCloseTo(0, 10);
    expect(n1!.flags).toEqual([]);
    expect(n2!.flags).toEqual([]);
  });

  it('no flag before the policy minimum of employees rated, nor when |z| is not above the threshold', () => {
    expect(raterObjectivity(rows, { zThreshold: 3, minEmployees: 10 }).flatMap((s) => s.flags)).toEqual([]);
    // z 3.5355 is not above 3.6
    expect(raterObjectivity(rows, { zThreshold: 3.6, minEmployees: 5 }).flatMap((s) => s.flags)).toEqual([]);
  });
});

describe('raterObjectivity: CENTRAL_TENDENCY', () => {
  it('an assessor whose spread is below half the spread in their cells', () => {
    // cell X/0: C gives 100, 100, 101, 99, 100 (mean 100, squares 0 + 0 + 1 + 1 + 0 = 2, sd sqrt(2/4) = 0.7071);
    //   W gives 80, 90, 100, 110, 120 (mean 100, squares 1000, sd sqrt(250) = 15.81)
    //   the ten scores: mean 100, squares 1002, sd sqrt(1002 / 9) = 10.551, half 5.276 -> C flagged, W not
    // cell Y/0 (another agency): V 100, 100, 101, 99, 100 and V2 99, 101, 100, 100, 100
    //   the ten: mean 100, squares 2 + 2 = 4, sd sqrt(4/9) = 0.6667, half 0.3333; V's 0.7071 is not below it
    //   (against the whole city's spread V would look central: only the assessor's own cells count)
    // every team's mean is 100 = its cell mean: leniency 0, z 0
    const rows = [
      ...team('C', [100, 100, 101, 99, 100]),
      ...team('W', [80, 90, 100, 110, 120]),
      ...team('V', [100, 100, 101, 99, 100], { agencyCode: 'Y' }),
      ...team('V2', [99, 101, 100, 100, 100], { agencyCode: 'Y' }),
    ];
    const stats = raterObjectivity(rows, POLICY);
    expect(stats.map((s) => [s.assessorId, s.flags])).toEqual([
      ['C', ['CENTRAL_TENDENCY']],
      ['V', []],
      ['V2', []],
      ['W', []],
    ]);
    const c = stats[0]!;
    expect(c.sdGiven).toBeCloseTo(Math.sqrt(0.5), 10);
    expect(c.sdInCells).toBeCloseTo(Math.sqrt(1002 / 9), 10);
    expect(stats[1]!.sdInCells).toBeCloseTo(Math.sqrt(4 / 9), 10);
    expect(c.z).toBeCloseTo(0, 10);
  });
});

describe('raterObjectivity: HALO', () => {
  /** One evaluation of employee `employee` by `assessor` with behaviour scores B1, B2, B3. */
  function behaviour(assessor: string, employee: string, scores: number[]): RaterScoreRow[] {
    return scores.map((score, i) =>
      row(assessor, employee, score, {
        criterionCode: `B${i + 1}`,
        category: 'PERILAKU_KERJA',
        evaluationId: `${employee}-q0`,
      }),
    );
  }

  it('more than 80% of evaluations with one value for every behaviour criterion; exactly 80% is not', () => {
    // H: 5 evaluations with 3 behaviour scores; 4 give one value, H5 gives 95, 96, 94 -> 4/5 = 80%: not more
    //   H6 has a single behaviour score: not an evaluation with at least two, so it is not counted at all
    // G: 5 of 5 give one value (G1's 100.0000001 is 100 after the shared rounding) -> 100%: HALO
    // spreads: every value 90..110 in both teams, so no central tendency; both teams centre on the cell means, so no z flag
    const rows = [
      ...behaviour('H', 'H1', [100, 100, 100]),
      ...behaviour('H', 'H2', [110, 110, 110]),
      ...behaviour('H', 'H3', [90, 90, 90]),
      ...behaviour('H', 'H4', [105, 105, 105]),
      ...behaviour('H', 'H5', [95, 96, 94]),
      ...behaviour('H', 'H6', [100]),
      ...behaviour('G', 'G1', [100, 100.0000001, 100]),
      ...behaviour('G', 'G2', [110, 110, 110]),
      ...behaviour('G', 'G3', [90, 90, 90]),
      ...behaviour('G', 'G4', [105, 105, 105]),
      ...behaviour('G', 'G5', [95, 95, 95]),
    ];
    const [g, h] = raterObjectivity(rows, POLICY);
    expect(g!.assessorId).toBe('G');
    expect(g!.uniformBehaviourShare).toBe(1);
    expect(g!.flags).toEqual(['HALO']);
    expect(h!.uniformBehaviourShare).toBe(0.8);
    expect(h!.flags).toEqual([]);
  });
});

describe('raterObjectivity: undefined z and scores without an assessor', () => {
  it('a score without an assessor enters the cell mean but forms no pair; one pair in scope: se and z null', () => {
    // cell: R1 gives E1 110, no assessor gives E2 90 -> cell mean 100; R1 leniency 10; one pair -> no sample sd
    const stats = raterObjectivity([row('R1', 'E1', 110), row(null, 'E2', 90)], POLICY);
    expect(stats).toHaveLength(1);
    expect(stats[0]!.leniency).toBeCloseTo(10, 10);
    expect(stats[0]!.standardError).toBeNull();
    expect(stats[0]!.z).toBeNull();
  });

  it('se 0 (every pair residual equal): z null', () => {
    // two cells with one score each: every residual 0, sd 0
    const stats = raterObjectivity([row('A', 'E1', 110), row('B', 'E2', 90, { agencyCode: 'Y' })], POLICY);
    expect(stats.map((s) => [s.standardError, s.z])).toEqual([
      [0, null],
      [0, null],
    ]);
  });

  it('refuses a policy or a score out of range', () => {
    expect(() => raterObjectivity([], { zThreshold: 0, minEmployees: 5 })).toThrow('zThreshold must be above 0');
    expect(() => raterObjectivity([], { zThreshold: 3, minEmployees: 0 })).toThrow(
      'minEmployees must be a whole number',
    );
    expect(() => raterObjectivity([row('A', 'E', Number.NaN)], POLICY)).toThrow(
      'rows[0].score must be a finite number',
    );
  });
});
