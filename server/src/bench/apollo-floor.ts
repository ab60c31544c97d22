/**
 * The floor of `pnpm bench read` (docs/benchmarks.md "Fourth pass"): the HTTP and GraphQL layers this API is built on
 * (Express 5, Apollo Server 5 with its express integration, the API's compiled executor) answering the same queries
 * from memory, with the answers this API gave: no database, no token, no access rule, no cost budget, no log line,
 * no metric. What this API spends per request above this floor is its own work; the floor itself is what any server on
 * this stack spends.
 *
 * Started by the bench with FLOOR_ANSWERS (a JSON file of `{ query, data }`) and PORT; the schema is the API's own
 * (`server/schema.graphql`), every field read as a property of the recorded answer.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { buildSchema, parse, print, type DocumentNode } from 'graphql';
import { REPO_ROOT } from '../config.js';
import { compiledExecution } from '../graphql/executor.js';

const answers = JSON.parse(readFileSync(process.env.FLOOR_ANSWERS!, 'utf8')) as { query: string; data: unknown }[];
const byText = new Map(answers.map((a) => [print(parse(a.query)), a.data]));
const roots = new WeakMap<DocumentNode, unknown>();

function rootValue(document: DocumentNode): unknown {
  if (!roots.has(document)) roots.set(document, byText.get(print(document)) ?? null);
  return roots.get(document);
}

const schema = buildSchema(readFileSync(resolve(REPO_ROOT, 'server', 'schema.graphql'), 'utf8'));
const apollo = new ApolloServer({
  gateway: compiledExecution(schema, rootValue),
  plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled()],
});
await apollo.start();
const app = express();
app.set('etag', false);
app.use('/graphql', express.json({ limit: '2mb' }), expressMiddleware(apollo));
createServer(app).listen(Number(process.env.PORT), '127.0.0.1');
