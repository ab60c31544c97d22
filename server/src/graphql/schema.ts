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
import { installAccessGuards } from '../modules/auth/access-guard.js';
import { installInputChecks } from '../security/input-rules.js';
import { AuthResolver } from '../modules/auth/auth.resolver.js';
import { EmployeeResolver } from '../modules/employee/employee.resolver.js';
import { ParticipationResolver, TrainingResolver } from '../modules/training/training.resolver.js';
import { AuditResolver } from '../modules/audit/audit.resolver.js';
import { CompletionResolver } from '../modules/appraisal/completion.resolver.js';
import { CriterionMutations } from '../modules/appraisal/criterion.mutations.js';
import { EvaluationMutations } from '../modules/appraisal/evaluation.mutations.js';
import { InnovationMutations } from '../modules/appraisal/innovation.mutations.js';
import { OrgPerformanceMutations } from '../modules/appraisal/org-performance.mutations.js';
import { PeriodMutations } from '../modules/appraisal/period.mutations.js';
import { TransparencyResolver } from '../modules/appraisal/transparency.resolver.js';
import { ImportMutations } from '../modules/import/import.mutations.js';
import { TrainingMutations } from '../modules/training/training.mutations.js';

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
  AuthResolver,
  // The appraisal workflow: mutations (each validates, writes and audits in one transaction) and its read views.
  EvaluationMutations,
  PeriodMutations,
  CriterionMutations,
  InnovationMutations,
  OrgPerformanceMutations,
  TrainingMutations,
  ImportMutations,
  AuditResolver,
  TransparencyResolver,
  CompletionResolver,
] as const;

const MUTATION_DESCRIPTION =
  "Write operations of the Kinerja API. Each checks the caller's role and scope, validates its input (refusals name " +
  'the field and the rule, and write nothing), writes in one transaction and records who, what, before, after and ' +
  'why in the audit log.';

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
    const mutation = schema.getMutationType();
    if (mutation && !mutation.description) mutation.description = MUTATION_DESCRIPTION;
    // Who may call each root field, and what of an employee each caller sees (access.ts): on every path.
    // Arguments are checked (text, integer ranges: docs/security.md "Inputs") after the gate, before the resolver.
    return installAccessGuards(installInputChecks(schema));
  });
  return cached;
}

/** The SDL checked in as `server/schema.graphql`: sorted, so that a diff shows real changes only. */
export async function printKinerjaSchema(): Promise<string> {
  return printSchema(lexicographicSortSchema(await buildKinerjaSchema())) + '\n';
}
