import { describe, expect, it } from 'vitest';
import { trainingNeeds, type NeedEmployee } from '../../src/analytics/training-needs.js';

const TRAININGS = [
  { trainingCode: 'T1', criterionCodes: ['K1', 'K2'] },
  { trainingCode: 'T2', criterionCodes: ['K1'] },
  { trainingCode: 'T3', criterionCodes: ['K3'] },
];

/** An evaluation in quarter q with the given criterion scores. */
function ev(employee: string, q: number, scores: Record<string, number>) {
  return {
    evaluationId: `${employee}-${q}`,
    quarter: q,
    scores: Object.entries(scores).map(([criterionCode, score]) => ({ criterionCode, score })),
  };
}

describe('trainingNeeds: below 90 in both of the last two counted evaluations that scored the criterion', () => {
  const employees: NeedEmployee[] = [
    {
      employeeId: 'E2',
      // K1: last two are q2 95 and q3 85 -> not both below 90 (q1's 85 is older)
      evaluations: [ev('E2', 1, { K1: 85 }), ev('E2', 3, { K1: 85 }), ev('E2', 2, { K1: 95 })],
      completedTrainingCodes: [],
    },
    {
      employeeId: 'E1',
      evaluations: [
        ev('E1', 3, { K1: 88, K3: 89, K4: 50 }),
        ev('E1', 1, { K1: 80, K2: 85, K3: 70 }),
        ev('E1', 2, { K1: 85, K2: 89.99999999999999 }),
      ],
      completedTrainingCodes: ['T2'],
    },
  ];

  it('finds the needs with their two scores and the trainings not yet completed', () => {
    // E1 K1: last two q2 85, q3 88 -> both < 90: a need; aimed T1, T2; T2 completed -> [T1]
    // E1 K2: last two q1 85, q2 89.99999999999999 = 90 after the shared rounding -> not below: no need
    // E1 K3: scored in q1 70 and q3 89 (q2 did not score it) -> both < 90: a need; aimed T3 -> [T3]
    // E1 K4: scored once -> no need
    // E2 K1: no need (see above)
    expect(trainingNeeds(employees, TRAININGS, 90)).toEqual([
      {
        employeeId: 'E1',
        criterionCode: 'K1',
        scores: [
          { evaluationId: 'E1-2', quarter: 2, score: 85 },
          { evaluationId: 'E1-3', quarter: 3, score: 88 },
        ],
        trainingCodes: ['T1'],
      },
      {
        employeeId: 'E1',
        criterionCode: 'K3',
        scores: [
          { evaluationId: 'E1-1', quarter: 1, score: 70 },
          { evaluationId: 'E1-3', quarter: 3, score: 89 },
        ],
        trainingCodes: ['T3'],
      },
    ]);
  });

  it('the threshold is the policy value; exactly the threshold is not below it', () => {
    // threshold 85: E1 K1 85, 88 -> 85 is not below 85; K3 70, 89 -> 89 is not below; E2 none
    expect(trainingNeeds(employees, TRAININGS, 85)).toEqual([]);
    // threshold 96: E2 K1 95, 85 -> a need with T1 and T2; E1 K2 85, 90 -> a need with T1 (T2 aims at K1 only)
    const needs = trainingNeeds(employees, TRAININGS, 96).map((n) => [n.employeeId, n.criterionCode, n.trainingCodes]);
    expect(needs).toEqual([
      ['E1', 'K1', ['T1']],
      ['E1', 'K2', ['T1']],
      ['E1', 'K3', ['T3']],
      ['E2', 'K1', ['T1', 'T2']],
    ]);
  });

  it('refuses two evaluations of one employee in one quarter', () => {
    expect(() =>
      trainingNeeds(
        [{ employeeId: 'E', evaluations: [ev('E', 1, {}), ev('E', 1, {})], completedTrainingCodes: [] }],
        [],
        90,
      ),
    ).toThrow('employee E has two evaluations in quarter 1');
  });
});
