import { roundForComparison } from '../rounding.js';
import { compareKeys } from './ranks.js';

/**
 * Training needs (docs/analytics.md, "Training needs"): a criterion on which an employee scored below the policy's
 * threshold (90) in both of the last two of their counted evaluations that scored it, with the trainings aimed at it
 * that they have not completed (planning development from performance gaps).
 */

export interface NeedEvaluation {
  evaluationId: string;
  /** Quarter index of the evaluation's period. */
  quarter: number;
  /** The criterion scores it holds (judged or derived). */
  scores: readonly { criterionCode: string; score: number }[];
}

export interface NeedEmployee {
  employeeId: string;
  /** The employee's counted evaluations (SUBMITTED, ACKNOWLEDGED, FINAL), at most one per quarter. */
  evaluations: readonly NeedEvaluation[];
  /** Codes of the trainings the employee completed (status COMPLETED with a completion date). */
  completedTrainingCodes: readonly string[];
}

export interface TrainingAim {
  trainingCode: string;
  /** The criteria the training aims to improve. */
  criterionCodes: readonly string[];
}

export interface TrainingNeed {
  employeeId: string;
  criterionCode: string;
  /** The two scores, the earlier first. */
  scores: { evaluationId: string; quarter: number; score: number }[];
  /** Trainings aimed at the criterion that the employee has not completed, by code. */
  trainingCodes: string[];
}

/** Every need, ordered by employee, then criterion (compareKeys). */
export function trainingNeeds(
  employees: readonly NeedEmployee[],
  trainings: readonly TrainingAim[],
  threshold: number,
): TrainingNeed[] {
  const needs: TrainingNeed[] = [];
  for (const [i, employee] of employees.entries()) {
    const quarters = new Set<number>();
    const byCriterion = new Map<string, { evaluationId: string; quarter: number; score: number }[]>();
    for (const evaluation of employee.evaluations) {
      if (quarters.has(evaluation.quarter)) {
        throw new RangeError(`employee ${employee.employeeId} has two evaluations in quarter ${evaluation.quarter}`);
      }
      quarters.add(evaluation.quarter);
      for (const s of evaluation.scores) {
        if (!Number.isFinite(s.score))
          throw new RangeError(`employees[${i}]: score of ${s.criterionCode} must be a finite number`);
        const list = byCriterion.get(s.criterionCode) ?? [];
        list.push({ evaluationId: evaluation.evaluationId, quarter: evaluation.quarter, score: s.score });
        byCriterion.set(s.criterionCode, list);
      }
    }
    const completed = new Set(employee.completedTrainingCodes);
    for (const criterionCode of [...byCriterion.keys()].sort(compareKeys)) {
      const lastTwo = (byCriterion.get(criterionCode) ?? []).sort((a, b) => a.quarter - b.quarter).slice(-2);
      if (lastTwo.length < 2 || !lastTwo.every((s) => roundForComparison(s.score) < threshold)) continue;
      const trainingCodes = trainings
        .filter((t) => t.criterionCodes.includes(criterionCode) && !completed.has(t.trainingCode))
        .map((t) => t.trainingCode)
        .sort(compareKeys);
      needs.push({
        employeeId: employee.employeeId,
        criterionCode,
        scores: lastTwo,
        trainingCodes: [...new Set(trainingCodes)],
      });
    }
  }
  return needs.sort((a, b) => compareKeys(a.employeeId, b.employeeId) || compareKeys(a.criterionCode, b.criterionCode));
}
