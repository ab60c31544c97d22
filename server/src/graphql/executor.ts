import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import {
  BREAK,
  execute,
  getVariableValues,
  GraphQLError,
  visit,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type SourceLocation,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { Context } from './context.js';

type Gateway = NonNullable<ApolloServerOptionsWithGateway<Context>['gateway']>;
type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;

/** A compiled operation, or graphql-js for the few documents graphql-jit will not compile. */
type Runner = (
  root: unknown,
  context: Context,
  variables: Record<string, unknown> | undefined,
) => Promise<ExecutionResult> | ExecutionResult;

/**
 * The executor of every operation (docs/benchmarks.md "Fourth pass"): graphql-jit compiles each parsed and validated
 * document once into a function that reads the fields of the resolvers' answers directly, instead of graphql-js
 * walking the schema for each field of each row (a resolve-info object, a path and a promise check per field).
 *
 * Apollo Server 5 takes a different executor only through its gateway interface; everything before execution (the
 * parse with its token limit, validation with the operation limits, the document cache, every plugin hook: security,
 * cost, metrics, read routing, privacy notes) and after it (error formatting, the HTTP answer) stays Apollo's. The
 * compiled function is kept on the document Apollo's document cache hands out again for the same query text, so a
 * repeated operation is compiled once; a document the cache has let go is compiled again.
 *
 * The API's root value is none (every root field has a resolver); `rootValue` is for the read bench's floor
 * (bench/apollo-floor.ts), which answers recorded data through the same executor.
 */
export function compiledExecution(
  schema: GraphQLSchema,
  rootValue: (document: DocumentNode) => unknown = () => undefined,
): Gateway {
  const compiled = new WeakMap<DocumentNode, Map<string, Runner>>();

  function runnerFor(document: DocumentNode, operationName: string | undefined): Runner {
    let byName = compiled.get(document);
    if (!byName) compiled.set(document, (byName = new Map()));
    const key = operationName ?? '';
    let runner = byName.get(key);
    if (!runner) {
      runner = compile(schema, document, operationName);
      byName.set(key, runner);
    }
    return runner;
  }

  const executor: Executor = async (requestContext) => {
    const { document, request, context, operation } = requestContext;
    const variables = request.variables ?? {};
    // Variables are checked by graphql-js, as before: its refusals (BAD_USER_INPUT, 400) and its input defaults.
    const coerced = getVariableValues(schema, operation?.variableDefinitions ?? [], variables, { maxErrors: 50 });
    if (coerced.errors) return { errors: coerced.errors };
    const root = rootValue(document);
    const result = await runnerFor(document, request.operationName ?? undefined)(root, context as Context, variables);
    if (!('data' in result)) {
      // graphql-jit refused variables graphql-js accepted: graphql-jit 0.8.9 does not give an omitted non-null input
      // field its default (analytics inputs have such fields). graphql-js runs the operation, as before.
      return await execute({
        schema,
        document,
        operationName: request.operationName,
        rootValue: root,
        contextValue: context,
        variableValues: variables,
      });
    }
    return withGraphQLErrors(result) as Awaited<ReturnType<Executor>>;
  };

  return {
    async load() {
      return { schema, executor };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    async stop() {},
  };
}

/**
 * graphql-jit's errors of fields as graphql-js's own, so that everything after execution treats them as before: their
 * message can be edited (security/plugin.ts withholds suggestions from anonymous callers) and the original error is
 * kept (a lost database connection answers SERVICE_UNAVAILABLE, graphql/errors.ts).
 */
function withGraphQLErrors(result: ExecutionResult): ExecutionResult {
  if (!result.errors || result.errors.length === 0) return result;
  const errors = result.errors.map((error) => {
    const converted = new GraphQLError(error.message, {
      path: error.path,
      originalError: error.originalError ?? undefined,
      extensions: error.extensions,
    });
    (converted as { locations?: readonly SourceLocation[] }).locations = error.locations;
    return converted;
  });
  return { ...result, errors };
}

/**
 * graphql-jit 0.8.9 writes an operation's literal arguments into the generated JavaScript as JSON, then turns its own
 * date marker (`"__MAGIC_DATE__…(…)"`) back into code with a text replacement: a string literal that begins with the
 * marker becomes code that runs on the server (checked: `server/test/executor.test.ts`). No document whose string
 * literals contain graphql-jit's marker prefix is compiled; graphql-js runs it. Variables are data at run time and
 * never enter the generated code.
 */
const JIT_MARKER = '__MAGIC_';

function hasJitMarker(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    StringValue(node) {
      if (node.value.includes(JIT_MARKER)) {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

function compile(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined): Runner {
  let result: CompiledQuery | ExecutionResult | null = null;
  try {
    if (!hasJitMarker(document)) {
      result = compileQuery(schema, document, operationName, { disablingCapturingStackErrors: true });
    }
  } catch {
    // A document graphql-jit fails on is run by graphql-js below, like one it refuses.
  }
  if (result && isCompiledQuery(result)) {
    const query = result as CompiledQuery;
    return (root, context, variables) => query.query(root, context, variables);
  }
  // A document with the marker, or one graphql-jit refuses or fails on: graphql-js runs it, unchanged.
  return (root, context, variables) =>
    execute({ schema, document, operationName, rootValue: root, contextValue: context, variableValues: variables });
}
