import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isObjectType,
  Kind,
  valueFromAST,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * The cost of an operation, computed from the schema before it runs (api.md "Errors", docs/security.md "Cost"):
 *
 * - every field that returns an object (or a list of them) costs 1 per object it may return; so does a scalar field
 *   that takes arguments (it computes something: `trainingHours(year:)`, `annualResult` is an object anyway);
 *   plain scalars cost nothing; a root mutation field costs `MUTATION_COST` (a write);
 * - a connection (`…Connection`) with `first` returns at most `first` edges, without it its default page size;
 * - a plain list returns at most its known maximum (`LIST_MAXIMA`: four evaluations a year, …);
 * - nested lists multiply: the cost of a list is its maximum size times the cost of one item.
 */

export const DEFAULT_CONNECTION_SIZE = 50;
export const MUTATION_COST = 10;

/** Years of history a list without `year` may span (evaluations, participations, innovations of one employee). */
export const YEARS_OF_HISTORY = 10;

/**
 * The largest size of every plain list of objects in the schema, `Type.field` -> size, with `perYear` when the field
 * takes a `year` (omitted `year`: `YEARS_OF_HISTORY` years). A test fails when a new list field is not listed here.
 */
export const LIST_MAXIMA: Record<string, { size: number; perYear?: boolean }> = {
  'Query.agencies': { size: 60 }, // the city's agencies (the demo has about 30)
  'Query.criteria': { size: 100, perYear: true }, // city-wide criteria and every agency's own
  'Query.periods': { size: 4, perYear: true }, // four quarters a year
  'Employee.evaluations': { size: 4, perYear: true }, // one evaluation a quarter
  'Employee.innovations': { size: 10, perYear: true },
  'Employee.participations': { size: 20, perYear: true },
  'Employee.subordinates': { size: 100 }, // the largest line (a head of a large school or unit)
  'Evaluation.scores': { size: 20 }, // one per criterion in force: 10 city-wide and a few of the agency
  'Evaluation.objections': { size: 4 },
  'Completion.groups': { size: 60 }, // one per agency
  'CompletionGroup.pending': { size: 500 },
  'Training.participants': { size: 200 },
  'Transparency.criteria': { size: 20 },
  'Transparency.quarters': { size: 4 },
  'TransparencyQuarter.scores': { size: 20 },
  'CreateAccountsResult.accounts': { size: 500 },
  'ImportReport.errors': { size: 100 },
  'ImportReport.files': { size: 10 },
  'Mutation.replaceCriterionWeights': { size: 100 },
};

export interface CostInput {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
  variables?: Record<string, unknown> | null;
}

function isConnection(type: GraphQLNamedType): type is GraphQLObjectType {
  return isObjectType(type) && type.name.endsWith('Connection') && 'edges' in type.getFields();
}

function argumentValue(
  node: FieldNode,
  field: GraphQLField<unknown, unknown>,
  name: string,
  variables: Record<string, unknown>,
): unknown {
  const definition = field.args.find((arg) => arg.name === name);
  if (!definition) return undefined;
  const given = node.arguments?.find((arg) => arg.name.value === name);
  if (!given) return definition.defaultValue;
  if (given.value.kind === Kind.VARIABLE && !(given.value.name.value in variables)) return definition.defaultValue;
  return valueFromAST(given.value, definition.type, variables);
}

/** How many items a list field may return (1 for a field that is not a list). */
function multiplier(
  parent: GraphQLObjectType,
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
  variables: Record<string, unknown>,
): number {
  if (!isListType(getNullableType(field.type))) return 1;
  const maximum = LIST_MAXIMA[`${parent.name}.${field.name}`];
  if (!maximum) return DEFAULT_CONNECTION_SIZE;
  if (!maximum.perYear) return maximum.size;
  const year = argumentValue(node, field, 'year', variables);
  return typeof year === 'number' ? maximum.size : maximum.size * YEARS_OF_HISTORY;
}

/** The cost of an operation (see above); an unknown field costs nothing here (validation has refused it). */
export function operationCost({ schema, operation, fragments, variables }: CostInput): number {
  const values = variables ?? {};
  const root =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  if (!root) return 0;

  // `page` is the number of edges of the connection whose selection is being costed (its `edges` list's size).
  const selectionCost = (
    type: GraphQLNamedType,
    set: SelectionSetNode,
    seen: readonly string[],
    page: number,
  ): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments[selection.name.value];
        if (!fragment || seen.includes(fragment.name.value)) continue;
        const onType = schema.getType(fragment.typeCondition.name.value) ?? type;
        total += selectionCost(onType, fragment.selectionSet, [...seen, fragment.name.value], page);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const onType = selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) ?? type) : type;
        total += selectionCost(onType, selection.selectionSet, seen, page);
      } else {
        total += fieldCost(type, selection, seen, page);
      }
    }
    return total;
  };

  const fieldCost = (parentType: GraphQLNamedType, node: FieldNode, seen: readonly string[], page: number): number => {
    if (!isObjectType(parentType)) return 0;
    const field = parentType.getFields()[node.name.value];
    if (!field) return 0;
    const named = getNamedType(field.type);
    const own = parentType === root && operation.operation === 'mutation' ? MUTATION_COST : 0;
    if (!isCompositeType(named)) return own + ((node.arguments?.length ?? 0) > 0 ? 1 : 0);
    // A connection returns `first` edges (or its default page size); totalCount and pageInfo come once.
    let childPage = page;
    if (isConnection(named)) {
      const first = argumentValue(node, field, 'first', values);
      childPage = typeof first === 'number' && first >= 0 ? first : DEFAULT_CONNECTION_SIZE;
    }
    const children = node.selectionSet ? selectionCost(named, node.selectionSet, seen, childPage) : 0;
    const size =
      isConnection(parentType) && field.name === 'edges' ? page : multiplier(parentType, field, node, values);
    return own + size * (1 + children);
  };

  return selectionCost(root, operation.selectionSet, [], DEFAULT_CONNECTION_SIZE);
}
