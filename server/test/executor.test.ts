import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, buildSchema, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { compiledExecution } from '../src/graphql/executor.js';

/**
 * The compiled executor (graphql/executor.ts) against graphql-js, Apollo's own executor, on the same schema and
 * documents: the same answers, including the two places where graphql-jit 0.8.9 differed before the project's patch
 * or convention (an omitted non-null input field with a default; a value computed later needs a resolver).
 */
const SDL = `
  enum Metric { SCORE HASIL }
  input Filter { metric: Metric! = SCORE, codes: [String!] }
  type Row { code: String!, value: Float, later: Int }
  type Query {
    rows(filter: Filter): [Row!]!
    metricOf(filter: Filter!): Metric!
    failing: Row
    count: Int
  }
`;

const BROKEN = Object.assign(new Error('Connection terminated unexpectedly'), { code: '57P01' });

/** Codes written as GraphQL string literals (JSON's escapes are GraphQL's): each would break naive code generation. */
const TRICKY = ['A', '"); throw new Error("injected"); //', '`${process.exit(1)}`', "\\'", '\u2028</script>'];

const ROWS = [
  { code: 'A', value: 1.5, later: 1 },
  { code: 'B', value: null, later: 2 },
];

function schemaWithResolvers(): GraphQLSchema {
  const schema = buildSchema(SDL);
  const fields = schema.getQueryType()!.getFields();
  fields.rows!.resolve = (_root, args: { filter?: { codes?: string[] } }) =>
    ROWS.filter((r) => !args.filter?.codes || args.filter.codes.includes(r.code));
  fields.metricOf!.resolve = (_root, args: { filter: { metric: string } }) => args.filter.metric;
  fields.failing!.resolve = () => {
    throw new GraphQLError('Tidak boleh. Not allowed.', { extensions: { code: 'FORBIDDEN' } });
  };
  fields.broken = { ...fields.count!, name: 'broken', resolve: () => Promise.reject(BROKEN) };
  // A value that arrives later goes through a resolver (the convention graph/executor.ts names).
  fields.count!.resolve = async () => 2;
  const row = schema.getType('Row') as unknown as { getFields(): Record<string, { resolve?: unknown }> };
  row.getFields().later!.resolve = async (r: { later: number }) => r.later * 10;
  return schema;
}

/** A plugin as security/plugin.ts has: it edits each error's message and notes each error's original. */
const seenOriginals: unknown[] = [];
const editing: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors }) {
        for (const error of errors) {
          error.message = error.message.replace(' Not allowed.', '');
          seenOriginals.push(error.originalError);
        }
      },
    };
  },
};

async function both(query: string, variables?: Record<string, unknown>) {
  const schema = schemaWithResolvers();
  const plain = new ApolloServer({ schema, plugins: [editing] });
  const compiled = new ApolloServer({ gateway: compiledExecution(schema), plugins: [editing] });
  await plain.start();
  await compiled.start();
  try {
    const answer = async (server: ApolloServer) => {
      const response = await server.executeOperation({ query, variables });
      if (response.body.kind !== 'single') throw new Error('not a single answer');
      return { ...response.body.singleResult, status: response.http.status };
    };
    return { graphqlJs: await answer(plain), compiled: await answer(compiled) };
  } finally {
    await plain.stop();
    await compiled.stop();
  }
}

describe('compiled executor', () => {
  it.each([
    ['plain fields and a resolver answering later', '{ rows { code value later } count }', undefined],
    [
      'aliases and fragments',
      '{ a: rows { ...R } b: rows(filter: { codes: ["B"] }) { code } } fragment R on Row { code }',
      undefined,
    ],
    [
      'an omitted non-null input field with a default, in a variable',
      'query ($f: Filter!) { metricOf(filter: $f) }',
      { f: {} },
    ],
    ['the same, given', 'query ($f: Filter!) { metricOf(filter: $f) }', { f: { metric: 'HASIL' } }],
    ['the same, written inline', '{ metricOf(filter: { codes: [] }) }', undefined],
    // Literals become part of the compiled function's source: quotes, backticks and interpolations stay data.
    [
      'string literals that look like code',
      `{ rows(filter: { codes: ${JSON.stringify(TRICKY)} }) { code } }`,
      undefined,
    ],
  ])('answers %s as graphql-js does', async (_name, query, variables) => {
    const { graphqlJs, compiled } = await both(query, variables);
    expect(graphqlJs.errors).toBeUndefined();
    expect(compiled).toEqual(graphqlJs);
  });

  it('answers the omitted default as the default (SCORE), not as a missing value', async () => {
    const { compiled } = await both('query ($f: Filter!) { metricOf(filter: $f) }', { f: {} });
    expect(compiled.data).toEqual({ metricOf: 'SCORE' });
  });

  it('refuses an explicit null for the non-null field with a default, as graphql-js does', async () => {
    const { graphqlJs, compiled } = await both('query ($f: Filter!) { metricOf(filter: $f) }', { f: { metric: null } });
    expect(graphqlJs.errors?.length).toBe(1);
    expect(compiled.errors?.length).toBe(1);
    expect(compiled.data).toBeUndefined();
  });

  it("keeps a resolver's error with its code, path and location, and nulls only its field", async () => {
    const { graphqlJs, compiled } = await both('{ count failing { code } }');
    expect(compiled.data).toEqual({ count: 2, failing: null });
    expect(compiled.errors).toEqual(graphqlJs.errors);
    expect(compiled.errors![0]).toMatchObject({
      // Edited by the plugin, as the security plugin edits suggestions out.
      message: 'Tidak boleh.',
      path: ['failing'],
      locations: [{ line: 1, column: 9 }],
      extensions: { code: 'FORBIDDEN' },
    });
  });

  it("never runs a string literal as code: graphql-jit's date marker in a literal is left to graphql-js", async () => {
    const marker = '__MAGIC_DATE__33a9e76d_02e0_4128_8e92_3530ad3da74d';
    const payload = `${marker}(globalThis.kinerjaInjected = 42)`;
    const query = `{ rows(filter: { codes: ${JSON.stringify([payload])} }) { code } }`;
    const { graphqlJs, compiled } = await both(query);
    expect((globalThis as { kinerjaInjected?: number }).kinerjaInjected).toBeUndefined();
    expect(compiled).toEqual(graphqlJs);
    expect(compiled.data).toEqual({ rows: [] });
  });

  it('refuses a variable of the wrong type as graphql-js does: BAD_USER_INPUT, status 400, nothing run', async () => {
    const { graphqlJs, compiled } = await both('query ($f: Filter!) { metricOf(filter: $f) }', { f: { metric: 7 } });
    expect(compiled).toEqual(graphqlJs);
    expect(compiled.status).toBe(400);
    expect(compiled.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(compiled.data).toBeUndefined();
  });

  it("hands the resolver's original error to the plugins (a lost connection is told apart by it)", async () => {
    seenOriginals.length = 0;
    const { compiled } = await both('{ broken }');
    expect(compiled.data).toEqual({ broken: null });
    expect(seenOriginals).toEqual([BROKEN, BROKEN]);
  });
});
