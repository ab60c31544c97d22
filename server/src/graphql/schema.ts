import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AgencyResolver } from '../modules/agency/agency.resolver.js';
import { CriterionResolver } from '../modules/appraisal/criterion.resolver.js';
import { EvaluationResolver, ObjectionResolver } from '../modules/appraisal/evaluation.resolver.js';
import { InnovationResolver } from '../modules/appraisal/innovation.resolver.js';
import { AgencyPerformanceResolver } from '../modules/appraisal/org-performance.resolver.js';
import { PeriodResolver } from '../modules/appraisal/period.resolver.js';
import { ScoringPolicyResolver } from '../modules/appraisal/scoring-policy.resolver.js';
import { EmployeeResolver } from '../modules/employee/employee.resolver.js';
import { ParticipationResolver, TrainingResolver } from '../modules/training/training.resolver.js';

/** Every resolver of the API; the schema is built from these alone. */
export const RESOLVERS = [
  AgencyResolver,
  AgencyPerformanceResolver,
  EmployeeResolver,
  CriterionResolver,
  PeriodResolver,
  EvaluationResolver,
  ObjectionResolver,
  InnovationResolver,
  ScoringPolicyResolver,
  TrainingResolver,
  ParticipationResolver,
] as const;

const QUERY_DESCRIPTION =
  'Read operations of the Kinerja API: agencies, employees, criteria, periods, evaluations, annual results, ' +
  'trainings and the scoring policy in force. Numbers are unrounded; dates are `YYYY-MM-DD`.';

let cached: Promise<GraphQLSchema> | null = null;

/** Builds the schema once per process (type-graphql keeps its metadata globally). */
export function buildKinerjaSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers: [...RESOLVERS],
    validate: { forbidUnknownValues: false },
    emitSchemaFile: false,
  }).then((schema) => {
    // type-graphql cannot describe the root type; every type of the schema carries a description (api.md).
    const query = schema.getQueryType();
    if (query) query.description = QUERY_DESCRIPTION;
    return schema;
  });
  return cached;
}

/** The SDL checked in as `server/schema.graphql`: sorted, so that a diff shows real changes only. */
export async function printKinerjaSchema(): Promise<string> {
  return printSchema(lexicographicSortSchema(await buildKinerjaSchema())) + '\n';
}
