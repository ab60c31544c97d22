import {
  getNullableType,
  GraphQLError,
  isInputObjectType,
  isListType,
  isScalarType,
  Kind,
  TypeInfo,
  valueFromAST,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';

/**
 * Checks every argument of an operation before it runs, in one place for all resolvers (docs/security.md "Inputs"):
 * text must be well-formed Unicode without NUL (PostgreSQL refuses NUL in text, and a lone surrogate cannot be
 * stored or compared), and integers must lie in the range of what they count (a year, a quarter, an id), so that
 * no resolver meets `year: 2147483647`.
 */

/** Ranges of integer arguments and input fields, by name; a test fails when an Int input of the schema is missing. */
export const INT_RANGES: Record<string, { min: number; max: number; rule: string }> = {
  year: { min: 1970, max: 2100, rule: 'a year from 1970 to 2100' },
  yearFrom: { min: 1970, max: 2100, rule: 'a year from 1970 to 2100' },
  yearTo: { min: 1970, max: 2100, rule: 'a year from 1970 to 2100' },
  quarter: { min: 1, max: 4, rule: 'a quarter from 1 to 4' },
  first: { min: 0, max: 500, rule: 'a page size from 0 to 500' },
  id: { min: 1, max: 2_147_483_647, rule: 'a positive id' },
  evaluationId: { min: 1, max: 2_147_483_647, rule: 'a positive id' },
  innovationId: { min: 1, max: 2_147_483_647, rule: 'a positive id' },
  version: { min: 0, max: 2_147_483_647, rule: 'a version of 0 or more' },
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
  return new GraphQLError(`${field}: ${message}`, {
    extensions: { code: 'BAD_USER_INPUT', field, http: { status: 400 } },
  });
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
      return badInput(path, `${value} is outside ${range.min}-${range.max} (${range.rule})`);
    }
  }
  return null;
}

/**
 * The first refused argument of the document, with the path of the field (`employees.filter.search`), or null.
 * Variables are read as sent; wrong types are left to graphql-js's own coercion.
 */
export function checkInputs(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined,
): GraphQLError | null {
  const typeInfo = new TypeInfo(schema);
  let found: GraphQLError | null = null;
  const fieldPath: string[] = [];
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field: {
        enter(node) {
          fieldPath.push(node.alias?.value ?? node.name.value);
        },
        leave() {
          fieldPath.pop();
        },
      },
      Argument(node) {
        if (found) return false;
        const argument = typeInfo.getArgument();
        if (!argument) return false;
        let value: unknown;
        if (node.value.kind === Kind.VARIABLE) value = variables?.[node.value.name.value];
        else value = valueFromAST(node.value, argument.type, variables ?? {});
        const path = [...fieldPath, node.name.value].join('.');
        found = checkValue(value, argument.type, node.name.value, path);
        return false;
      },
      StringValue(node) {
        // Literals anywhere (also inside an invalid argument): NUL and lone surrogates are refused outright.
        if (found) return;
        const problem = textProblem(node.value);
        if (problem) found = badInput(fieldPath.join('.') || 'query', problem);
      },
    }),
  );
  return found;
}
