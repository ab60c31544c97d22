import {
  defaultFieldResolver,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';
import type { QuasiIdentifiers } from '@kinerja/shared';
import type { Context } from '../../graphql/context.js';
import { forbidden, unauthenticated } from '../../graphql/errors.js';
import {
  EMPLOYEE_FIELD_RULES,
  employeeFieldVisible,
  FREE_TEXT_FIELDS,
  isPseudonymised,
  type EmployeeRow,
  type EmployeeVisibility,
} from './read-scopes.js';
import { MUTATION_ACCESS, QUERY_ACCESS, type OperationAccess } from './operation-gate.js';
import type { Viewer } from './viewer.js';

/**
 * The access middleware: applies the operation table (`operation-gate.ts`) to every root field, and the field
 * rules of `read-scopes.ts` to the Employee type and the free-text fields, whatever path reached them.
 *
 * It wraps the resolvers of the built schema instead of being a type-graphql global middleware: a global middleware
 * runs (asynchronously) on every field of every row, and turned a 500-employee page with its 24,000 scores from
 * ~2 s into 4-5 s. Wrapping touches only the fields that need a check, and every root field, present or future, is
 * wrapped: a root field without an entry in the table is refused (fail closed).
 */

/** Operations an account with an initial password may use: it sees itself and chooses its own password first. */
const INITIAL_PASSWORD_OPERATIONS: ReadonlySet<string> = new Set(['login', 'logout', 'me', 'changePassword']);

export type OperationKind = 'query' | 'mutation' | 'subscription';

function tableOf(kind: OperationKind): Readonly<Record<string, OperationAccess>> {
  return kind === 'mutation' ? MUTATION_ACCESS : kind === 'query' ? QUERY_ACCESS : {};
}

/**
 * The gate of one root field for one caller: throws FORBIDDEN (no rule, wrong role, initial password) or
 * UNAUTHENTICATED (nobody, or the read-only anonymous demo caller where an account is needed).
 */
export function checkOperation(kind: OperationKind, field: string, viewer: Viewer | null): void {
  const rule = Object.hasOwn(tableOf(kind), field) ? tableOf(kind)[field] : undefined;
  if (!rule) throw forbidden({ code: 'OPERATION_WITHOUT_RULE', params: { field } });
  if (rule.kind === 'public') return;
  if (!viewer) throw unauthenticated();
  if (viewer.mustChangePassword && !INITIAL_PASSWORD_OPERATIONS.has(field)) {
    throw forbidden({ code: 'MUST_CHANGE_PASSWORD', params: {} });
  }
  if (viewer.anonymous && (kind !== 'query' || rule.kind !== 'viewer')) {
    throw unauthenticated({ code: 'ANONYMOUS_READ_ONLY', params: {} });
  }
  if (rule.kind === 'roles' && !rule.roles.includes(viewer.role)) {
    throw forbidden({
      code: 'OPERATION_NOT_FOR_ROLE',
      params: { field, role: viewer.role, roles: rule.roles.join(', ') },
    });
  }
}

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as Promise<T>)?.then === 'function';
}

type Resolver = GraphQLFieldResolver<unknown, Context>;

function resolverOf(field: GraphQLField<unknown, Context>): Resolver {
  return field.resolve ?? (defaultFieldResolver as Resolver);
}

/** What a field answers when its value is hidden: an empty list, null, or (non-null fields) a refusal. */
function hiddenAnswer(field: GraphQLField<unknown, Context>, what: string): () => unknown {
  const type = isNonNullType(field.type) ? field.type.ofType : field.type;
  if (isListType(type)) return () => [];
  if (!isNonNullType(field.type)) return () => null;
  return () => {
    throw forbidden({ code: 'NOT_VISIBLE', params: { what } });
  };
}

function guardRootFields(schema: GraphQLSchema): void {
  const roots: [OperationKind, ReturnType<GraphQLSchema['getQueryType']>][] = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
    ['subscription', schema.getSubscriptionType()],
  ];
  for (const [kind, type] of roots) {
    if (!type) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = resolverOf(field);
      const name = field.name;
      field.resolve = (root, args, context, info) => {
        checkOperation(kind, name, context.viewer);
        return resolve(root, args, context, info);
      };
    }
  }
}

/**
 * What a pseudonymised caller sees of a GENERALISED field (docs/privacy.md): the value the k-anonymity rule shows,
 * the rank as its group (`III`, `PPPK`), or null where it is withheld.
 */
function generalisedValue(shown: QuasiIdentifiers | undefined, field: string): unknown {
  if (!shown) return null;
  switch (field) {
    case 'employmentType':
      return shown.employmentType;
    case 'positionType':
      return shown.positionType;
    case 'rank':
      return shown.rankGroup;
    case 'gender':
      return shown.gender;
    default:
      throw new Error(`Employee.${field} has the rule GENERALISED but no generalised value`);
  }
}

/**
 * Every field of the Employee type answers only what the caller's visibility of that employee allows; GENERALISED
 * fields answer pseudonymised callers the k-anonymous value.
 */
function guardEmployeeFields(schema: GraphQLSchema): void {
  const type = schema.getType('Employee');
  if (!isObjectType(type)) return;
  for (const field of Object.values(type.getFields())) {
    const resolve = resolverOf(field);
    const rule = EMPLOYEE_FIELD_RULES[field.name];
    const hidden = hiddenAnswer(field, `Employee.${field.name}`);
    field.resolve = (root, args, context, info) => {
      // Nobody (a failed login's request) sees no employee.
      if (!context.access) return hidden();
      const access = context.access;
      const decide = (visibility: EmployeeVisibility): unknown => {
        if (!employeeFieldVisible(rule, visibility)) return hidden();
        if (rule === 'GENERALISED' && visibility === 'PSEUDONYMOUS') {
          return access
            .generalised()
            .then((shown: Map<number, QuasiIdentifiers>) =>
              generalisedValue(shown.get((root as EmployeeRow).id), field.name),
            );
        }
        return resolve(root, args, context, info);
      };
      const visibility = context.access.visibility(root as EmployeeRow);
      return isPromise(visibility) ? visibility.then(decide) : decide(visibility);
    };
  }
}

/** Free text about one person's case is null for pseudonymised callers: it may name people. */
function guardFreeText(schema: GraphQLSchema): void {
  for (const name of FREE_TEXT_FIELDS) {
    const [typeName, fieldName] = name.split('.') as [string, string];
    const type = schema.getType(typeName);
    const field = isObjectType(type) ? type.getFields()[fieldName] : undefined;
    if (!field) continue;
    if (isNonNullType(field.type)) throw new Error(`${name} is hidden from some callers: it must be nullable`);
    const resolve = resolverOf(field);
    field.resolve = (root, args, context, info) =>
      !context.scope || isPseudonymised(context.scope) ? null : resolve(root, args, context, info);
  }
}

/** Installs the access checks on a built schema (once; the schema is built once per process). */
export function installAccessGuards(schema: GraphQLSchema): GraphQLSchema {
  guardRootFields(schema);
  guardEmployeeFields(schema);
  guardFreeText(schema);
  return schema;
}
