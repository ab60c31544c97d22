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

/**
 * Checks every argument of every field before its resolver runs, in one place for all resolvers (docs/security.md
 * "Inputs"):
 * text must be well-formed Unicode without NUL (PostgreSQL refuses NUL in text, and a lone surrogate cannot be
 * stored or compared), and integers must lie in the range of what they count (a year, a quarter, an id), so that
 * no resolver meets `year: 2147483647`.
 */

/** Ranges of integer arguments and input fields, by name; a test fails when an Int input of the schema is missing. */
export const INT_RANGES: Record<string, { min: number; max: number; message: (value: number) => string }> = {
  year: { min: 1970, max: 2100, message: (v) => `year must be between 1970 and 2100, not ${v}` },
  yearFrom: { min: 1970, max: 2100, message: (v) => `yearFrom must be between 1970 and 2100, not ${v}` },
  yearTo: { min: 1970, max: 2100, message: (v) => `yearTo must be between 1970 and 2100, not ${v}` },
  quarter: { min: 1, max: 4, message: (v) => `quarter must be 1-4, not ${v}` },
  first: { min: 0, max: 500, message: (v) => `first must be between 0 and 500, not ${v}` },
  id: { min: 1, max: 2_147_483_647, message: (v) => `id must be a positive number, not ${v}` },
  evaluationId: { min: 1, max: 2_147_483_647, message: (v) => `evaluationId must be a positive number, not ${v}` },
  innovationId: { min: 1, max: 2_147_483_647, message: (v) => `innovationId must be a positive number, not ${v}` },
  version: { min: 0, max: 2_147_483_647, message: (v) => `version must be 0 or more, not ${v}` },
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
    const range = INT_RANGES[name];
    if (range && (value < range.min || value > range.max)) {
      return new GraphQLError(range.message(value), { extensions: { code: 'BAD_USER_INPUT', field: path } });
    }
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
