import { describe, expect, it } from 'vitest';
import { agencyOfYear, trainingJpFigures } from '../../src/analytics/agency-comparison.js';

describe('trainingJpFigures: JP per employee and the share of PNS with at least 20 JP', () => {
  it('counts every employee in the mean, only PNS in the share, and compares after the shared rounding', () => {
    // JP 24 + 20 + 19.99999999999 + 10 + 30 = 103.99999999999 over 5 employees = 20.8 (the PPPK's 30 is not capped)
    // PNS: 24 yes, 20 yes (exactly 20), 19.99999999999 yes (20 after rounding), 10 no -> 3 of 4 = 0.75
    const figures = trainingJpFigures(
      [
        { employmentType: 'PNS', jp: 24 },
        { employmentType: 'PNS', jp: 20 },
        { employmentType: 'PNS', jp: 19.99999999999 },
        { employmentType: 'PNS', jp: 10 },
        { employmentType: 'PPPK', jp: 30 },
      ],
      20,
    );
    expect(figures.trainingJpPerEmployee).toBeCloseTo(20.8, 9);
    expect(figures.shareMeeting20Jp).toBe(0.75);
  });

  it('no PNS: the share is null; no employee: both null; an unknown employment type is not PNS', () => {
    expect(
      trainingJpFigures(
        [
          { employmentType: 'PPPK', jp: 8 },
          { employmentType: null, jp: 30 },
        ],
        20,
      ),
    ).toEqual({
      trainingJpPerEmployee: 19, // (8 + 30) / 2
      shareMeeting20Jp: null,
    });
    expect(trainingJpFigures([], 20)).toEqual({ trainingJpPerEmployee: null, shareMeeting20Jp: null });
    expect(() => trainingJpFigures([{ employmentType: 'PNS', jp: -1 }], 20)).toThrow(
      'employees[0].jp must be a number of at least 0',
    );
  });
});

describe('agencyOfYear: the agency of the last counted evaluation of the year', () => {
  it.each([
    [
      [
        { quarter: 8101, agencyCode: 'A' },
        { quarter: 8103, agencyCode: 'B' },
        { quarter: 8102, agencyCode: 'A' },
      ],
      'B',
    ],
    [[{ quarter: 8100, agencyCode: 'A' }], 'A'],
    [[], null],
  ])('%j -> %s', (evaluations, expected) => {
    expect(agencyOfYear(evaluations)).toBe(expected);
  });

  it('refuses two evaluations of one quarter with different agencies', () => {
    expect(() =>
      agencyOfYear([
        { quarter: 8100, agencyCode: 'A' },
        { quarter: 8100, agencyCode: 'B' },
      ]),
    ).toThrow('evaluations[1]: a second evaluation in quarter 8100 with another agency');
  });
});
