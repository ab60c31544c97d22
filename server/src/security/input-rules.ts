import { checkQuarter, checkYear, type Problem } from '@kinerja/shared';
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
import { problemError } from '../graphql/errors.js';

/**
 * Checks every argument of every field before its resolver runs, in one place for all resolvers (docs/security.md
 * "Inputs"):
 * text must be well-formed Unicode without NUL (PostgreSQL refuses NUL in text, and a lone surrogate cannot be
 * stored or compared), and integers must lie in the range of what they count (a year, a quarter, an id), so that
 * no resolver meets `year: 2147483647`.
 */

type IntRule = (value: number, field: string) => GraphQLError | null;

/** A range of this module's own, worded like the resolvers' refusals of the same argument. */
function range(min: number, max: number, message: (value: number) => string): IntRule {
  return (value, field) =>
    value < min || value > max
      ? new GraphQLError(message(value), { extensions: { code: 'BAD_USER_INPUT', field } })
      : null;
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
  first: range(0, 500, (v) => `first must be between 0 and 500, not ${v}`),
  id: range(1, 2_147_483_647, (v) => `id must be a positive number, not ${v}`),
  evaluationId: range(1, 2_147_483_647, (v) => `evaluationId must be a positive number, not ${v}`),
  innovationId: range(1, 2_147_483_647, (v) => `innovationId must be a positive number, not ${v}`),
  noteId: range(1, 2_147_483_647, (v) => `noteId must be a positive number, not ${v}`),
  dialogueId: range(1, 2_147_483_647, (v) => `dialogueId must be a positive number, not ${v}`),
  actionId: range(1, 2_147_483_647, (v) => `actionId must be a positive number, not ${v}`),
  participationId: range(1, 2_147_483_647, (v) => `participationId must be a positive number, not ${v}`),
  actingAssignmentId: range(1, 2_147_483_647, (v) => `actingAssignmentId must be a positive number, not ${v}`),
  ids: range(1, 2_147_483_647, (v) => `ids must be positive numbers, not ${v}`),
  targetYear: sharedRule(checkYear),
  targetQuarter: sharedRule(checkQuarter),
  version: range(0, 2_147_483_647, (v) => `version must be 0 or more, not ${v}`),
  // trainingImpact's window in quarters (docs/analytics.md, the queries about people)
  window: range(1, 8, (v) => `window must be between 1 and 8 quarters, not ${v}`),
};

const NUL = '\u0000';
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a text is refused, or null when it is fine. */
export function textProblem(text: string): string | null {
  if (text.includes(NUL)) return 'teks tidak boleh memuat karakter NUL (text must not contain NUL characters)';
  if (LONE_SURROGATE.test(text)) {
    return 'teks memuat surrogate Unicode yang tidak berpasangan (text contains a lone Unicode surrogate)';
  }
  return null;
}

function badInput(field: string, message: string): GraphQLError {
  return new GraphQLError(`${field}: ${message}`, { extensions: { code: 'BAD_USER_INPUT', field } });
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
    const problem = textProblem(value);
    return problem ? badInput(path, problem) : null;
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
