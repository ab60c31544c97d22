import { renderProblem, type Message, type Problem } from '@kinerja/shared';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { requestLocale, say } from './locale.js';

/**
 * What a refusal says: a message of the one catalogue (`@kinerja/shared` messages.ts), worded in the request's
 * language (docs/i18n.md), or a sentence already worded (kept for the refusals not yet in the catalogue).
 */
export type Wording = Message | string;

function words(wording: Wording): string {
  return typeof wording === 'string' ? wording : say(wording);
}

/**
 * The stable error codes of the API (docs/graphql.md#errors). Clients switch on `extensions.code`; the message is for people.
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** An input was refused: `field` is the path of the offending argument or input field, e.g. `input.scores.2.score`. */
export function badUserInput(field: string, message: Wording): GraphQLError {
  return new GraphQLError(words(message), { extensions: { code: ErrorCode.BAD_USER_INPUT, field } });
}

/**
 * A problem found by a rule check of `shared/` as an API field error: BAD_USER_INPUT at `field`, the message in
 * the request's language (Indonesian unless it asks for English), and the problem's code and parameters in `extensions.problem`, so a client can
 * switch on the rule and word it itself (docs/scoring.md#how-problems-are-reported).
 */
export function problemError(field: string, problem: Problem): GraphQLError {
  return new GraphQLError(renderProblem(problem, requestLocale()), {
    extensions: { code: ErrorCode.BAD_USER_INPUT, field, problem: { code: problem.code, params: problem.params } },
  });
}

/**
 * The first of the problems as a field error. The field path is `paths[problem.field]` when given, else
 * `prefix.field` (`input.scores[2]` and `score` make `input.scores[2].score`), else the problem's field itself.
 */
export function firstProblemError(
  problems: readonly [Problem, ...Problem[]] | readonly Problem[],
  prefix: string | null,
  paths: Readonly<Record<string, string>> = {},
): GraphQLError {
  const first = problems[0];
  if (first === undefined) throw new RangeError('firstProblemError needs at least one problem');
  return problemError(paths[first.field] ?? (prefix ? `${prefix}.${first.field}` : first.field), first);
}

/** Throws the first of the problems, if there is one, as `firstProblemError` words it. */
export function throwProblems(
  problems: readonly Problem[],
  prefix: string | null,
  paths: Readonly<Record<string, string>> = {},
): void {
  if (problems.length > 0) throw firstProblemError(problems, prefix, paths);
}

/** Something named does not exist: a catalogue message (`AGENCY_NOT_FOUND`, ...), or `what` followed by "not found". */
export function notFound(what: Wording): GraphQLError {
  return new GraphQLError(typeof what === 'string' ? `${what} not found` : say(what), {
    extensions: { code: ErrorCode.NOT_FOUND },
  });
}

export function forbidden(message: Wording): GraphQLError {
  return new GraphQLError(words(message), { extensions: { code: ErrorCode.FORBIDDEN } });
}

export function unauthenticated(message: Wording = { code: 'UNAUTHENTICATED', params: {} }): GraphQLError {
  return new GraphQLError(words(message), { extensions: { code: ErrorCode.UNAUTHENTICATED } });
}

/** Too many attempts (failed logins): the caller may try again after `retryAfterSeconds`. */
export function tooManyRequests(message: Wording, retryAfterSeconds: number): GraphQLError {
  return new GraphQLError(words(message), { extensions: { code: ErrorCode.TOO_MANY_REQUESTS, retryAfterSeconds } });
}

/** A stale write (optimistic locking): the caller must reload, the current version is given. */
export function conflict(message: Wording, currentVersion: number): GraphQLError {
  return new GraphQLError(words(message), { extensions: { code: ErrorCode.CONFLICT, currentVersion } });
}

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode).filter((c) => c !== 'INTERNAL_SERVER_ERROR'));
// Codes that Apollo and graphql-js produce themselves for malformed requests; their messages name no internals.
const PROTOCOL_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

interface ValidationErrorLike {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationErrorLike[];
}

function flattenValidation(errors: ValidationErrorLike[], prefix: string): { field: string; message: string }[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidation(error.children ?? [], field)];
  });
}

/** PostgreSQL's SQLSTATEs of a lost or refused connection: class 08, and the server shutting down or starting up. */
const CONNECTION_STATES = /^(08\d{3}|57P0[1-3])$/;
const CONNECTION_MESSAGES =
  /Connection terminated|ECONNREFUSED|ECONNRESET|EPIPE|terminating connection|the database system is (starting up|shutting down|in recovery mode)|Timeout acquiring a connection|Client has encountered a connection error|Connection ended unexpectedly/;

/**
 * True when an error comes from losing the database (a terminated connection, a stopped or restarting server), not
 * from the request: the caller may try again (docs/operations.md "Faults"). Follows `cause` and `originalError`.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (CONNECTION_STATES.test(code) || /^E(CONNREFUSED|CONNRESET|PIPE)$/.test(code))) {
      return true;
    }
    if (typeof message === 'string' && CONNECTION_MESSAGES.test(message)) return true;
    e = (e as { originalError?: unknown; cause?: unknown }).originalError ?? (e as { cause?: unknown }).cause;
  }
  return false;
}

/** What a caller is told when the database was lost during the request. */
export const DATABASE_UNAVAILABLE_MESSAGE =
  'Koneksi ke basis data terputus; permintaan ini tidak selesai dan transaksinya dibatalkan. Coba lagi sebentar lagi. ' +
  '(The connection to the database was lost; this request did not complete and its transaction was rolled back. ' +
  'Try again shortly.)';

/**
 * Shapes every error before it leaves the server: known codes pass with their message; argument validation
 * (class-validator) becomes BAD_USER_INPUT naming the field; anything else (a bug, a database error with SQL in its
 * text) becomes a bare INTERNAL_SERVER_ERROR. Stack traces never leave the server.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = String(formatted.extensions?.code ?? '');
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  const validation = (original as { extensions?: { validationErrors?: ValidationErrorLike[] } } | undefined)?.extensions
    ?.validationErrors;
  const base = { locations: formatted.locations, path: formatted.path };
  if (validation && validation.length > 0) {
    const problems = flattenValidation(validation, 'input');
    const first = problems[0] ?? { field: 'input', message: 'invalid input' };
    return {
      ...base,
      message: problems.map((p) => `${p.field}: ${p.message}`).join('; '),
      extensions: { code: ErrorCode.BAD_USER_INPUT, field: first.field, problems },
    };
  }
  if (KNOWN_CODES.has(code) || PROTOCOL_CODES.has(code)) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...base, message: formatted.message, extensions };
  }
  if (isDatabaseUnavailable(original ?? error)) {
    return { ...base, message: DATABASE_UNAVAILABLE_MESSAGE, extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } };
  }
  return { ...base, message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}
