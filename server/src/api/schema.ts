import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import { installAccessGuards } from '../modules/access/index.js';
import { installInputChecks } from '../security/input-rules.js';
import { agencyModule } from '../modules/agency/index.js';
import { analyticsModule } from '../modules/analytics/index.js';
import { dialogueModule } from '../modules/dialogue/index.js';
import { noticesModule } from '../modules/notices/index.js';
import { auditModule } from '../modules/audit/index.js';
import { authModule } from '../modules/auth/index.js';
import { completionModule } from '../modules/completion/index.js';
import { criteriaModule } from '../modules/criteria/index.js';
import { employeeModule } from '../modules/employee/index.js';
import { evaluationsModule } from '../modules/evaluations/index.js';
import { importModule } from '../modules/import/index.js';
import { innovationModule } from '../modules/innovation/index.js';
import { orgPerformanceModule } from '../modules/org-performance/index.js';
import { periodsModule } from '../modules/periods/index.js';
import { policyModule } from '../modules/policy/index.js';
import { trainingModule } from '../modules/training/index.js';
import { transparencyModule } from '../modules/transparency/index.js';
import { privacyModule } from '../modules/privacy/index.js';
import { staffingModule } from '../modules/staffing/index.js';

/** Every module of the API; the schema is built from their resolvers alone. */
export const MODULES = [
  agencyModule,
  employeeModule,
  criteriaModule,
  periodsModule,
  evaluationsModule,
  innovationModule,
  orgPerformanceModule,
  policyModule,
  trainingModule,
  authModule,
  auditModule,
  importModule,
  transparencyModule,
  completionModule,
  analyticsModule,
  privacyModule,
  noticesModule,
  dialogueModule,
  staffingModule,
] as const;

/** Every resolver of the API. */
export const RESOLVERS = MODULES.flatMap((module): Function[] => [...module.resolvers]);

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
    resolvers: RESOLVERS as unknown as NonEmptyArray<Function>,
    validate: { forbidUnknownValues: false },
    emitSchemaFile: false,
  }).then((schema) => {
    // type-graphql cannot describe the root type; every type of the schema carries a description (docs/graphql.md#descriptions).
    const query = schema.getQueryType();
    if (query) query.description = QUERY_DESCRIPTION;
    const mutation = schema.getMutationType();
    if (mutation && !mutation.description) mutation.description = MUTATION_DESCRIPTION;
    // Who may call each root field, and what of an employee each caller sees (read-scopes.ts): on every path.
    // Arguments are checked (text, integer ranges: docs/security.md "Inputs") after the gate, before the resolver.
    return installAccessGuards(installInputChecks(schema));
  });
  return cached;
}

/** The SDL checked in as `server/schema.graphql`: sorted, so that a diff shows real changes only. */
export async function printKinerjaSchema(): Promise<string> {
  return printSchema(lexicographicSortSchema(await buildKinerjaSchema())) + '\n';
}
