import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ScoringPolicy } from '@kinerja/shared';
import { byEmployeeYear, unwrapAll, type EmployeeYear } from '../../graphql/batching.js';
import type { CriterionLoaders } from '../criteria/criterion.loaders.js';
import { annualResultsOf, verifiedInnovationCounts, type AnnualResultWithSource } from './annual-result.service.js';
import type { Evaluation } from './evaluation.entity.js';
import { resultsOf, type EvaluationResults } from './evaluation-results.js';
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
  /** Results of an evaluation: stored when FINAL, computed under the policy in force otherwise (see resultsOf). */
  evaluationResults: DataLoader<Evaluation, EvaluationResults, number>;
  /** Annual result of an employee and year; null when the year has no result. */
  annualResult: DataLoader<{ employeeId: number; year: number }, AnnualResultWithSource | null, string>;
  verifiedInnovationCount: DataLoader<EmployeeYear, number, string>;
}

declare module '../../graphql/context.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Loaders extends EvaluationLoaders {}
}

/** The evaluations' loaders; the criteria's loader is shared with the rest of the request's set. */
export function createEvaluationLoaders(
  em: EntityManager,
  policy: ScoringPolicy,
  { criterionById }: CriterionLoaders,
): EvaluationLoaders {
  const loaders: EvaluationLoaders = {
    evaluationsByEmployee: byEmployeeYear((keys) => evaluationsOfEmployees(em, keys)),
    scoresByEvaluation: new DataLoader((ids) => scoresOfEvaluations(em, ids)),
    objectionsByEvaluation: new DataLoader((ids) => objectionsOfEvaluations(em, ids)),
    evaluationResults: new DataLoader<Evaluation, EvaluationResults, number>(
      async (evaluations) => {
        // Only evaluations that are not FINAL need their scores and criteria; a FINAL one answers from its row.
        const pending = evaluations.filter((e) => e.status !== 'FINAL');
        const scoreLists = unwrapAll(await loaders.scoresByEvaluation.loadMany(pending.map((e) => e.id)));
        const criterionIds = [...new Set(scoreLists.flat().map((s) => s.criterionId))];
        const criteria = unwrapAll(await criterionById.loadMany(criterionIds));
        const criterionMap = new Map(criteria.flatMap((c) => (c ? [[c.id, c] as const] : [])));
        const scoresById = new Map(pending.map((e, i) => [e.id, scoreLists[i]]));
        return evaluations.map((evaluation) => {
          const scores = (scoresById.get(evaluation.id) ?? []).map((s) => ({
            score: s.score,
            criterion: criterionMap.get(s.criterionId)!,
          }));
          return resultsOf(evaluation, scores, policy);
        });
      },
      { cacheKeyFn: (evaluation) => evaluation.id },
    ),
    annualResult: byEmployeeYear((keys) =>
      annualResultsOf(
        keys,
        {
          evaluationsOf: async (k) => unwrapAll(await loaders.evaluationsByEmployee.loadMany(k)),
          resultsOf: async (evaluations) => unwrapAll(await loaders.evaluationResults.loadMany(evaluations)),
          verifiedInnovationCounts: async (k) => unwrapAll(await loaders.verifiedInnovationCount.loadMany(k)),
        },
        policy,
      ),
    ),
    verifiedInnovationCount: byEmployeeYear((keys) => verifiedInnovationCounts(em, keys)),
  };
  return loaders;
}
