import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ScoringPolicy } from '@kinerja/shared';
import { Agency } from '../modules/agency/agency.entity.js';
import {
  annualResultsOf,
  verifiedInnovationCounts,
  type AnnualResultWithSource,
} from '../modules/evaluations/annual-result.service.js';
import { Criterion } from '../modules/criteria/criterion.entity.js';
import { Evaluation } from '../modules/evaluations/evaluation.entity.js';
import { resultsOf, type EvaluationResults } from '../modules/evaluations/evaluation-results.js';
import {
  evaluationsOfEmployees,
  objectionsOfEvaluations,
  scoresOfEvaluations,
  type ScoreRow,
} from '../modules/evaluations/evaluation.service.js';
import { Innovation } from '../modules/innovation/innovation.entity.js';
import { innovationsOfEmployees } from '../modules/innovation/innovation.service.js';
import { Objection } from '../modules/evaluations/objection.entity.js';
import { OrgPerformance } from '../modules/org-performance/org-performance.entity.js';
import { orgPerformanceOf, type AgencyYear } from '../modules/org-performance/org-performance.service.js';
import { Period } from '../modules/periods/period.entity.js';
import { Employee } from '../modules/employee/employee.entity.js';
import { subordinatesOf } from '../modules/employee/employee.service.js';
import { Participation } from '../modules/training/participation.entity.js';
import { Training } from '../modules/training/training.entity.js';
import {
  participationsOfEmployees,
  participationsOfTrainings,
  trainingHoursOf,
} from '../modules/training/training.service.js';
import { employeeYearKey, unwrapAll, type EmployeeYear } from '../graphql/batching.js';

/**
 * Batched loaders, one set per request: a nested query over N rows asks the database once per level, not once per
 * row. Relations are read through these by id (`entity.agency.id` is known without loading the agency), never by
 * touching an unloaded reference. Each loader caches for the request only.
 */
export interface Loaders {
  agencyById: DataLoader<number, Agency | null>;
  employeeById: DataLoader<number, Employee | null>;
  periodById: DataLoader<number, Period | null>;
  criterionById: DataLoader<number, Criterion | null>;
  trainingById: DataLoader<number, Training | null>;
  /** Employees whose current record is in the agency. */
  employeeCountByAgency: DataLoader<number, number>;
  /** Direct reports of an employee. */
  subordinatesByEmployee: DataLoader<number, Employee[]>;
  /** An employee's evaluations of a year (or of every year), oldest first, period loaded. */
  evaluationsByEmployee: DataLoader<EmployeeYear, Evaluation[], string>;
  scoresByEvaluation: DataLoader<number, ScoreRow[]>;
  objectionsByEvaluation: DataLoader<number, Objection[]>;
  /** Results of an evaluation: stored when FINAL, computed under the policy in force otherwise (see resultsOf). */
  evaluationResults: DataLoader<Evaluation, EvaluationResults, number>;
  /** Annual result of an employee and year; null when the year has no result. */
  annualResult: DataLoader<{ employeeId: number; year: number }, AnnualResultWithSource | null, string>;
  verifiedInnovationCount: DataLoader<EmployeeYear, number, string>;
  innovationsByEmployee: DataLoader<EmployeeYear, Innovation[], string>;
  /** JP of COMPLETED participations completed in the calendar year. */
  trainingHours: DataLoader<{ employeeId: number; year: number }, number, string>;
  participationsByEmployee: DataLoader<EmployeeYear, Participation[], string>;
  participationsByTraining: DataLoader<number, Participation[]>;
  orgPerformance: DataLoader<AgencyYear, OrgPerformance | null, string>;
}

/** Loads entities by id in one query, answering in the order asked (null where missing). */
function byId<T extends { id: number }>(em: EntityManager, entity: new () => T): DataLoader<number, T | null> {
  return new DataLoader<number, T | null>(async (ids) => {
    const rows = (await em.find(entity, { id: { $in: [...ids] } } as never)) as T[];
    const map = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

/** A loader keyed by employee and year. */
function byEmployeeYear<V, K extends EmployeeYear = EmployeeYear>(
  batch: (keys: readonly K[]) => Promise<V[]>,
): DataLoader<K, V, string> {
  return new DataLoader<K, V, string>(batch, { cacheKeyFn: employeeYearKey });
}

export function createLoaders(em: EntityManager, policy: ScoringPolicy): Loaders {
  const loaders: Loaders = {
    agencyById: byId(em, Agency),
    employeeById: byId(em, Employee),
    periodById: byId(em, Period),
    criterionById: byId(em, Criterion),
    trainingById: byId(em, Training),
    employeeCountByAgency: new DataLoader<number, number>(async (ids) => {
      const rows: { agency_id: number; n: number }[] = await em
        .getConnection()
        .execute('select agency_id, count(*)::int as n from employee where agency_id in (?) group by agency_id', [
          [...ids],
        ]);
      const counts = new Map(rows.map((row) => [row.agency_id, row.n]));
      return ids.map((id) => counts.get(id) ?? 0);
    }),
    subordinatesByEmployee: new DataLoader((ids) => subordinatesOf(em, ids)),
    evaluationsByEmployee: byEmployeeYear((keys) => evaluationsOfEmployees(em, keys)),
    scoresByEvaluation: new DataLoader((ids) => scoresOfEvaluations(em, ids)),
    objectionsByEvaluation: new DataLoader((ids) => objectionsOfEvaluations(em, ids)),
    evaluationResults: new DataLoader<Evaluation, EvaluationResults, number>(
      async (evaluations) => {
        // Only evaluations that are not FINAL need their scores and criteria; a FINAL one answers from its row.
        const pending = evaluations.filter((e) => e.status !== 'FINAL');
        const scoreLists = unwrapAll(await loaders.scoresByEvaluation.loadMany(pending.map((e) => e.id)));
        const criterionIds = [...new Set(scoreLists.flat().map((s) => s.criterionId))];
        const criteria = unwrapAll(await loaders.criterionById.loadMany(criterionIds));
        const criterionById = new Map(criteria.flatMap((c) => (c ? [[c.id, c] as const] : [])));
        const scoresById = new Map(pending.map((e, i) => [e.id, scoreLists[i]]));
        return evaluations.map((evaluation) => {
          const scores = (scoresById.get(evaluation.id) ?? []).map((s) => ({
            score: s.score,
            criterion: criterionById.get(s.criterionId)!,
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
    innovationsByEmployee: byEmployeeYear((keys) => innovationsOfEmployees(em, keys)),
    trainingHours: byEmployeeYear((keys) => trainingHoursOf(em, keys)),
    participationsByEmployee: byEmployeeYear((keys) => participationsOfEmployees(em, keys)),
    participationsByTraining: new DataLoader((ids) => participationsOfTrainings(em, ids)),
    orgPerformance: new DataLoader<AgencyYear, OrgPerformance | null, string>((keys) => orgPerformanceOf(em, keys), {
      cacheKeyFn: ({ agencyId, year }) => `${agencyId}:${year}`,
    }),
  };
  return loaders;
}
