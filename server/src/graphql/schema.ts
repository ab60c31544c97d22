import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AgencyResolver } from '../modules/agency/agency.resolver.js';

/** Every resolver of the API; the schema is built from these alone. */
export const RESOLVERS = [AgencyResolver] as const;

let cached: Promise<GraphQLSchema> | null = null;

/** Builds the schema once per process (type-graphql keeps its metadata globally). */
export function buildKinerjaSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers: [...RESOLVERS],
    validate: { forbidUnknownValues: false },
    emitSchemaFile: false,
  });
  return cached;
}

/** The SDL checked in as `server/schema.graphql`: sorted, so that a diff shows real changes only. */
export async function printKinerjaSchema(): Promise<string> {
  return printSchema(lexicographicSortSchema(await buildKinerjaSchema())) + '\n';
}
