import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ScoringPolicy } from '@kinerja/shared';
import { byEmployeeYear, unwrapAll, type EmployeeYear } from '../../graphql/batching.js';
import type { Loaders } from '../../graphql/context.js';
import { storedAnnualResults, verifiedInnovationCounts, type AnnualResultWithSource } from './annual-result.service.js';
import type { Evaluation } from './evaluation.entity.js';
import { storedResults, type EvaluationResults } from './evaluation-results.js';
import {
  evaluationsOfEmployees,
  objectionsOfEvaluations,
  byRank,
  scoresOfEvaluations,
  type ScoreRow,
  type ScoreWithItsCriterion,
} from './evaluation.service.js';
import type { Objection } from './objection.entity.js';

/** The key of `evaluationsByEmployee`: an employee and year, and whether the query also reads their scores. */
export interface EvaluationsKey extends EmployeeYear {
  withScores?: boolean;
}

export interface EvaluationLoaders {
  /**
   * An employee's evaluations of a year (or of every year), oldest first, period loaded. When a key asks
   * `withScores`, the same statement reads the scores, which prime `scoresByEvaluation` and `rankedScores`.
   */
  evaluationsByEmployee: DataLoader<EvaluationsKey, Evaluation[], string>;
  /**
   * The scores of the evaluations read with `withScores`, with their criteria and in the order `Evaluation.scores`
   * answers: that field answers these synchronously (a page of 500 employees has ~70,000 scores).
   */
  rankedScores: Map<number, ScoreWithItsCriterion[]>;
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

/**
 * The evaluations' loaders. `all` is the request's whole loader set: the criteria of scores read with their
 * evaluations come through its `criterionById`.
 */
export function createEvaluationLoaders(em: EntityManager, policy: ScoringPolicy, all: Loaders): EvaluationLoaders {
  const rankedScores = new Map<number, ScoreWithItsCriterion[]>();
  const loaders: EvaluationLoaders = {
    evaluationsByEmployee: byEmployeeYear<Evaluation[], EvaluationsKey>(async (keys) => {
      let scores: Map<number, ScoreRow[]> | null = null;
      const lists = await evaluationsOfEmployees(
        em,
        keys,
        keys.some((key) => key.withScores),
        (read) => (scores = read),
      );
      if (scores) await rankWithCriteria(scores);
      return lists;
    }),
    rankedScores,
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
  /**
   * Scores read with their evaluations: their criteria in one batch, then primed and ranked. The rows read become the
   * answers themselves (their criterion set on them, ranked in a copy of each evaluation's short list): a
   * 500-employee page has ~88,000 of them, and a copy of each was garbage (docs/benchmarks.md).
   */
  async function rankWithCriteria(scores: Map<number, ScoreRow[]>): Promise<void> {
    const criterionIds = new Set<number>();
    for (const rows of scores.values()) for (const row of rows) criterionIds.add(row.criterionId);
    const ids = [...criterionIds];
    const criteria = unwrapAll(await all.criterionById.loadMany(ids));
    const byId = new Map(ids.map((id, i) => [id, criteria[i]!]));
    for (const [evaluationId, rows] of scores) {
      loaders.scoresByEvaluation.prime(evaluationId, rows);
      const withCriteria = rows as ScoreWithItsCriterion[];
      for (const row of withCriteria) row.criterion = byId.get(row.criterionId)!;
      rankedScores.set(evaluationId, withCriteria.slice().sort(byRank));
    }
  }
  return loaders;
}
