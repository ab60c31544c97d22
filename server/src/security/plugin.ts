import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLFormattedError,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { Logger } from 'pino';
import type { BudgetClass, Config } from '../config.js';
import type { Context } from '../graphql/context.js';
import { clientAddress, SESSION_COOKIE, sessionCookieOptions } from '../modules/auth/session.js';
import type { CostBudget } from './budget.js';
import { operationCost } from './cost.js';
import { queryTooComplex } from './limits.js';

declare module '../graphql/context.js' {
  interface Context {
    /**
     * The request carried a token (the `Authorization` header or the session cookie) that is invalid, expired or
     * revoked: every operation but `login`/`logout` is refused as UNAUTHENTICATED (set by `api/context.ts`).
     */
    tokenRejected?: 'header' | 'cookie';
  }
}

/** What every answer reports in `extensions.cost` (docs/graphql.md#errors). */
export interface CostReport {
  requested: number;
  budgetRemaining: number;
  budgetPerMinute: number;
}

/** The per-request facts the HTTP log line reads at the end (security/http.ts). */
export interface RequestFacts {
  operationName?: string | null;
  role?: string;
}

/** A caller with a valid token (the demo's anonymous caller is not). */
export function signedIn(context: Pick<Context, 'viewer'>): boolean {
  return context.viewer !== null && !context.viewer.anonymous;
}

/** Who pays for a request: the account, else the client's address; and the budget per minute that applies. */
export function budgetOf(context: Context, config: Config): { caller: string; perMinute: number } {
  const viewer = context.viewer;
  if (viewer && !viewer.anonymous && viewer.userId !== null) {
    const role: BudgetClass = viewer.role;
    return {
      caller: `account:${viewer.userId}`,
      perMinute: config.costBudget.perAccount[viewer.login] ?? config.costBudget.perRole[role],
    };
  }
  return { caller: `address:${clientAddress(context)}`, perMinute: config.costBudget.perRole.ANONYMOUS };
}

function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  return fragments;
}

/** The names of the fields the operation selects at any depth (fragments followed). */
function selectedFieldNames(set: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>): Set<string> {
  const names = new Set<string>();
  const seen = new Set<string>();
  const walk = (selections: SelectionSetNode) => {
    for (const selection of selections.selections) {
      if (selection.kind === Kind.FIELD) {
        names.add(selection.name.value);
        if (selection.selectionSet) walk(selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet);
      } else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments[selection.name.value];
        if (fragment) walk(fragment.selectionSet);
      }
    }
  };
  walk(set);
  return names;
}

/** Root fields a caller whose token was refused may still call: logging in again, logging out. */
const WITHOUT_VALID_TOKEN = new Set(['login', 'logout', '__typename']);

function rootFieldNames(operation: OperationDefinitionNode, fragments: Record<string, FragmentDefinitionNode>) {
  const names: string[] = [];
  const walk = (set: SelectionSetNode, seen: Set<string>) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) names.push(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet, seen);
      else if (!seen.has(selection.name.value) && fragments[selection.name.value]) {
        seen.add(selection.name.value);
        walk(fragments[selection.name.value]!.selectionSet, seen);
      }
    }
  };
  walk(operation.selectionSet, new Set());
  return names;
}

const SUGGESTION = / ?Did you mean [^?]*\?/g;

/** Apollo reads `extensions.http` (status, and headers as a Map) for the HTTP answer, then drops it. */
function httpHead(
  status: number,
  headers?: Record<string, string>,
): { status: number; headers?: Record<string, string> } {
  if (!headers) return { status };
  return { status, headers: new Map(Object.entries(headers)) as unknown as Record<string, string> };
}

function withHttp(error: GraphQLError, status: number, headers?: Record<string, string>): GraphQLError {
  return new GraphQLError(error.message, { extensions: { ...error.extensions, http: httpHead(status, headers) } });
}

export interface SecurityPluginOptions {
  config: Config;
  budget: CostBudget;
  logger: Logger;
  /** Told the cost of every admitted operation and the caller's role (the metrics count it). */
  onCostSpent?: (role: string, cost: number) => void;
}

/**
 * The checks every operation passes after validation and before it runs (docs/security.md): a refused token,
 * introspection for anonymous callers, the operation's cost and the caller's budget; then
 * `extensions.cost` on every answer, suggestions withheld from anonymous callers, and each unexpected error logged
 * once with its stack (never sent).
 */
export function securityPlugin({
  config,
  budget,
  logger,
  onCostSpent,
}: SecurityPluginOptions): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      let requested = 0;
      let remaining: number | null = null;
      const facts: RequestFacts = { role: contextValue.viewer?.anonymous ? 'ANONYMOUS' : contextValue.viewer?.role };
      if (contextValue.res) contextValue.res.locals.kinerja = facts;
      if (!contextValue.viewer) facts.role = 'NONE';

      return {
        async didResolveOperation({ document, operation, request, schema }) {
          if (!operation) return;
          facts.operationName = operation.name?.value ?? request.operationName ?? null;
          const fragments = fragmentsOf(document);

          if (contextValue.tokenRejected) {
            const onlyLogin = rootFieldNames(operation, fragments).every((name) => WITHOUT_VALID_TOKEN.has(name));
            if (!onlyLogin) {
              if (contextValue.tokenRejected === 'cookie') {
                contextValue.res?.clearCookie(SESSION_COOKIE, sessionCookieOptions(config));
              }
              throw new GraphQLError(
                'Token tidak sah atau kedaluwarsa; masuk lagi. The token is invalid or expired: log in again.',
                { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } },
              );
            }
          }

          if (config.introspection === 'signed-in' && !signedIn(contextValue)) {
            const names = selectedFieldNames(operation.selectionSet, fragments);
            if (names.has('__schema') || names.has('__type')) {
              throw new GraphQLError(
                'Introspeksi skema hanya untuk pengguna yang masuk. Introspection needs a token: log in first.',
                { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } },
              );
            }
          }

          const cost = operationCost({ schema, operation, fragments, variables: request.variables });
          requested = cost;
          const limit = config.costBudget.operationLimit;
          if (cost > limit) throw withHttp(queryTooComplex('cost', limit, cost), 400);
          const { caller, perMinute } = budgetOf(contextValue, config);
          const decision = budget.spend(caller, cost, perMinute);
          remaining = decision.remaining;
          if (!decision.allowed) {
            throw new GraphQLError(
              `Anggaran biaya per menit habis; coba lagi dalam ${decision.retryAfterSeconds} detik. ` +
                `Cost budget spent: ${cost} asked, ${decision.remaining} of ${perMinute} left this minute; ` +
                `try again in ${decision.retryAfterSeconds} s.`,
              {
                extensions: {
                  code: 'TOO_MANY_REQUESTS',
                  retryAfterSeconds: decision.retryAfterSeconds,
                  http: httpHead(429, { 'retry-after': String(decision.retryAfterSeconds) }),
                },
              },
            );
          }
          onCostSpent?.(facts.role ?? 'NONE', cost);
        },

        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            if (!signedIn(contextValue) && config.introspection === 'signed-in') {
              error.message = error.message.replace(SUGGESTION, '');
            }
            const code = error.extensions?.code;
            if (!code || code === 'INTERNAL_SERVER_ERROR') {
              const log = (contextValue.req as { log?: Logger } | undefined)?.log ?? logger;
              log.error(
                {
                  err: error.originalError ?? error,
                  path: error.path,
                  operationName: facts.operationName,
                  role: facts.role,
                },
                'unexpected error in an operation',
              );
            }
          }
        },

        async willSendResponse({ response }: GraphQLRequestContextWillSendResponse<Context>) {
          if (response.body.kind !== 'single') return;
          const { perMinute, caller } = budgetOf(contextValue, config);
          const report: CostReport = {
            requested,
            budgetRemaining: remaining ?? budget.remaining(caller, perMinute),
            budgetPerMinute: perMinute,
          };
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, cost: report };
        },
      };
    },
  };
}

/**
 * Before the project's `formatError`: graphql-armor's and the parser's refusals reach it as validation or parse
 * failures; they leave as QUERY_TOO_COMPLEX with the rule, its limit and the value found.
 */
export function limitErrorOf(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError | null {
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  if (original instanceof GraphQLError && original.extensions?.code === 'QUERY_TOO_COMPLEX') {
    const { http: _http, ...extensions } = original.extensions;
    return { message: original.message, locations: formatted.locations, extensions };
  }
  const tokens = /Document contains more th\w+ (\d+) tokens/.exec(formatted.message);
  if (tokens && formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED') {
    const limit = Number(tokens[1]);
    const refusal = queryTooComplex('tokens', limit, limit + 1);
    const { http: _http, ...extensions } = refusal.extensions;
    return { message: refusal.message, extensions };
  }
  return null;
}
