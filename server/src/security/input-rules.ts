import { checkQuarter, checkYear, type Message, type Problem } from '@kinerja/shared';
import {
  defaultFieldResolver,
  getNullableType,
  GraphQLError,
  isInputObjectType,
  isListType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLFieldResolver,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { badUserInput, problemError } from '../graphql/errors.js';
import { MAX_PAGE_SIZE } from '../graphql/pagination.js';

/**
 * Checks every argument of every field before its resolver runs, in one place for all resolvers (docs/security.md
 * "Inputs"):
 * text must be well-formed Unicode without NUL (PostgreSQL refuses NUL in text, and a lone surrogate cannot be
 * stored or compared), and integers must lie in the range of what they count (a year, a quarter, an id), so that
 * no resolver meets `year: 2147483647`.
 */

type IntRule = (value: number, field: string) => GraphQLError | null;

/**
 * A range of this module's own, worded from the catalogue like the resolvers' refusals of the same argument
 * (docs/i18n.md).
 */
function range(min: number, max: number, message: (value: number, max: number, min: number) => Message): IntRule {
  return (value, field) => (value < min || value > max ? badUserInput(field, message(value, max, min)) : null);
}

/** The largest PostgreSQL `integer`: ids and versions are bounded by it. */
const INT_MAX = 2_147_483_647;

/** An id (or, with `list`, each id of a list): 1 or more. */
function positive(name: string, list = false): IntRule {
  return range(1, INT_MAX, (value) => ({ code: 'INT_POSITIVE', params: { name, value, list } }));
}

/** A rule of `shared/` (years, quarters: docs/scoring.md), reported as its problem. */
function sharedRule(check: (value: number, field: string) => Problem[]): IntRule {
  return (value, field) => {
    const [problem] = check(value, field);
    return problem ? problemError(field, problem) : null;
  };
}

/**
 * The rule of every integer argument and input field, by name; a test fails when an Int input of the schema has none.
 * Years and quarters are the shared calendar's (2000-2100, 1-4); pages, ids and versions are bounded here.
 */
export const INT_RULES: Record<string, IntRule> = {
  year: sharedRule(checkYear),
  yearFrom: sharedRule(checkYear),
  yearTo: sharedRule(checkYear),
  quarter: sharedRule(checkQuarter),
  first: range(0, MAX_PAGE_SIZE, (value, max) => ({ code: 'PAGE_SIZE_RANGE', params: { value, max } })),
  id: positive('id'),
  evaluationId: positive('evaluationId'),
  innovationId: positive('innovationId'),
  noteId: positive('noteId'),
  dialogueId: positive('dialogueId'),
  actionId: positive('actionId'),
  participationId: positive('participationId'),
  actingAssignmentId: positive('actingAssignmentId'),
  ids: positive('ids', true),
  targetYear: sharedRule(checkYear),
  targetQuarter: sharedRule(checkQuarter),
  version: range(0, INT_MAX, (value) => ({ code: 'VERSION_RANGE', params: { value } })),
  // trainingImpact's window in quarters (docs/analytics.md, the queries about people)
  window: range(1, 8, (value, max, min) => ({ code: 'WINDOW_RANGE', params: { value, min, max } })),
};

const NUL = '\u0000';
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a text at `field` is refused (a catalogue message), or null when it is fine. */
export function textProblem(text: string, field: string): Message | null {
  if (text.includes(NUL)) return { code: 'TEXT_NUL', params: { field } };
  if (LONE_SURROGATE.test(text)) return { code: 'TEXT_LONE_SURROGATE', params: { field } };
  return null;
}

function checkValue(value: unknown, type: GraphQLInputType, name: string, path: string): GraphQLError | null {
  if (value === null || value === undefined) return null;
  const bare = getNullableType(type);
  if (isListType(bare)) {
    if (!Array.isArray(value)) return checkValue(value, bare.ofType, name, path);
    for (let i = 0; i < value.length; i++) {
      const problem = checkValue(value[i], bare.ofType, name, `${path}.${i}`);
      if (problem) return problem;
    }
    return null;
  }
  if (isInputObjectType(bare)) {
    if (typeof value !== 'object') return null;
    const fields = bare.getFields();
    for (const [key, field] of Object.entries(fields)) {
      const problem = checkValue((value as Record<string, unknown>)[key], field.type, key, `${path}.${key}`);
      if (problem) return problem;
    }
    return null;
  }
  if (typeof value === 'string') {
    const problem = textProblem(value, path);
    return problem ? badUserInput(path, problem) : null;
  }
  if (isScalarType(bare) && bare.name === 'Int' && typeof value === 'number') {
    return INT_RULES[name]?.(value, path) ?? null;
  }
  return null;
}

/** The first refused argument of a field call (values as graphql-js coerced them), or null. */
export function checkArguments(
  definitions: readonly GraphQLArgument[],
  values: Record<string, unknown>,
): GraphQLError | null {
  for (const definition of definitions) {
    const problem = checkValue(values[definition.name], definition.type, definition.name, definition.name);
    if (problem) return problem;
  }
  return null;
}

/**
 * Wraps every field that takes arguments so that its arguments are checked before its resolver runs. Installed before
 * the access guards (graphql/schema.ts), so that a caller who may not call a field hears that first.
 */
export function installInputChecks(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.length === 0) continue;
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      const definitions = field.args;
      field.resolve = (source, args: Record<string, unknown>, context, info) => {
        const problem = checkArguments(definitions, args);
        if (problem) throw problem;
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}
