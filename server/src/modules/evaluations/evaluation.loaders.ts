import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ScoringPolicy } from '@kinerja/shared';
import { byEmployeeYear, type EmployeeYear } from '../../graphql/batching.js';
import { storedAnnualResults, verifiedInnovationCounts, type AnnualResultWithSource } from './annual-result.service.js';
import type { Evaluation } from './evaluation.entity.js';
import { storedResults, type EvaluationResults } from './evaluation-results.js';
import {
  evaluationsOfEmployees,
  objectionsOfEvaluations,
  scoresOfEvaluations,
  type ScoreRow,
} from './evaluation.service.js';
import type { Objection } from './objection.entity.js';

export interface EvaluationLoaders {
  /** An employee's evaluations of a year (or of every year), oldest first, period loaded. */
  evaluationsByEmployee: DataLoader<EmployeeYear, Evaluation[], string>;
  scoresByEvaluation: DataLoader<number, ScoreRow[]>;
  objectionsByEvaluation: DataLoader<number, Objection[]>;
  /** The stored results of an evaluation (see storedResults). */
  evaluationResults: DataLoader<Evaluation, EvaluationResults, number>;
  /** The stored annual result of an employee and year; null when the year has no result. */
  annualResult: DataLoader<{ employeeId: number; year: number }, AnnualResultWithSource | null, string>;
  verifiedInnovationCount: DataLoader<EmployeeYear, number, string>;
}

declare module '../../graphql/context.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Loaders extends EvaluationLoaders {}
}

/** The evaluations' loaders. */
export function createEvaluationLoaders(em: EntityManager, policy: ScoringPolicy): EvaluationLoaders {
  const loaders: EvaluationLoaders = {
    evaluationsByEmployee: byEmployeeYear((keys) => evaluationsOfEmployees(em, keys)),
    scoresByEvaluation: new DataLoader((ids) => scoresOfEvaluations(em, ids)),
    objectionsByEvaluation: new DataLoader((ids) => objectionsOfEvaluations(em, ids)),
    // Stored by the results writer (docs/scoring.md "Stored results"): read from the evaluation row, never computed.
    evaluationResults: new DataLoader<Evaluation, EvaluationResults, number>(
      async (evaluations) => evaluations.map((evaluation) => storedResults(evaluation, policy.version)),
      { cacheKeyFn: (evaluation) => evaluation.id },
    ),
    annualResult: byEmployeeYear((keys) => storedAnnualResults(em, keys)),
    verifiedInnovationCount: byEmployeeYear((keys) => verifiedInnovationCounts(em, keys)),
  };
  return loaders;
}
