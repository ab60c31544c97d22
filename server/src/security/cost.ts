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
 * The cost of an operation, computed from the schema before it runs (docs/graphql.md#errors, docs/security.md "Cost"): the
 * number of objects the operation may return, at most.
 *
 * - every object a field may return costs 1; a scalar costs nothing, unless it takes arguments (it computes
 *   something: `trainingHours(year:)`, 1 per parent); a root mutation field costs `MUTATION_COST` more (a write);
 * - a connection (`…Connection`) with `first` returns at most `first` edges, without it its default page size;
 * - a plain list returns at most its known maximum (`LIST_MAXIMA`: four evaluations a year, …) per parent;
 * - nested lists multiply, except that a list whose items are distinct people (subordinates, the pending items of
 *   the completion monitor) never returns more of them in one answer than the city has (`total`).
 */

export const DEFAULT_CONNECTION_SIZE = 50;
export const MUTATION_COST = 10;

/** Years of history a list without `year` may span (evaluations, participations, innovations of one employee). */
export const YEARS_OF_HISTORY = 10;

/** Employees of the city, at most (the demo has 3,500): a bound on lists of distinct people in one answer. */
export const CITY_EMPLOYEES = 5_000;

/**
 * The largest size of every plain list of objects in the schema, `Type.field` -> size per parent, with `perYear` when
 * the field takes a `year` (omitted `year`: `YEARS_OF_HISTORY` years) and `total` when one answer holds at most that
 * many of its items whatever the parents. A test fails when a new list field is not listed here.
 */
export const LIST_MAXIMA: Record<string, { size: number; perYear?: boolean; total?: number }> = {
  'Query.agencies': { size: 60 }, // the city's agencies (the demo has about 30)
  'Query.criteria': { size: 100, perYear: true }, // city-wide criteria and every agency's own
  'Query.periods': { size: 4, perYear: true }, // four quarters a year
  'Employee.evaluations': { size: 4, perYear: true }, // one evaluation a quarter
  'Employee.innovations': { size: 10, perYear: true },
  'Employee.participations': { size: 20, perYear: true },
  'Employee.subordinates': { size: 100, total: CITY_EMPLOYEES }, // the largest line (a large school or unit)
  'Evaluation.scores': { size: 15 }, // one per criterion in force: 10 city-wide and a few of the agency
  'Evaluation.objections': { size: 4 },
  'Completion.groups': { size: 1_000 }, // one per agency and assessor
  'Query.completionShares': { size: 60 }, // one per agency
  'Query.scoringPolicies': { size: 20 }, // the versions of the scoring policy recorded
  'CompletionGroup.pending': { size: 100, total: CITY_EMPLOYEES }, // an assessor's line; each employee once
  'Training.participants': { size: 200 },
  'Transparency.criteria': { size: 20 },
  'Transparency.quarters': { size: 4 },
  'TransparencyQuarter.scores': { size: 20 },
  'CreateAccountsResult.accounts': { size: CITY_EMPLOYEES },
  'ImportReport.errors': { size: 100 },
  'ImportReport.files': { size: 10 },
  'Mutation.replaceCriterionWeights': { size: 100 },
  // Analytics (docs/analytics.md): the trend has a point per quarter and key (10 years of quarters x about 50 keys);
  // ad hoc statistics a group per combination of keys: 300 covers two dimensions of up to 17 values each (agency x
  // position type, criterion x gender, ...); larger grids are rarer and cost more than they are counted here.
  'Query.performanceTrend': { size: 2_000 },
  'Query.scoreStatistics': { size: 300 },
  'StatGroup.keys': { size: 9 }, // one per StatDimension
  'StatGroup.predikatCounts': { size: 5 },
  'Query.agencyComparison': { size: 60 }, // one per agency
  'AgencyStanding.predikatCounts': { size: 5 },
  'AgencyStanding.criterionMeans': { size: 60 }, // city-wide codes and the agency's own
  'DistributionCheck.counts': { size: 5 },
  'DistributionCheck.rules': { size: 3 },
  // the queries about people (docs/analytics.md): assessors of the city; needs capped by TRAINING_NEEDS_MAX
  'Query.raterObjectivity': { size: 1_000 },
  'Query.trainingNeeds': { size: 200 },
  'TrainingNeed.scores': { size: 2 }, // the last two scores
  'TrainingNeed.trainings': { size: 10 }, // the first 10 by code
  'TrainingNeed.developmentActions': { size: 10 }, // FEEDBACK_ACTIONS_MAX of the dialogues behind the need
  // Feedback and dialogues (docs/dialogue.md): lists capped by FEEDBACK_LIST_MAX (200) and FEEDBACK_ACTIONS_MAX (10)
  'Query.feedbackNotes': { size: 200 },
  'Query.performanceDialogues': { size: 200 },
  'Query.feedbackCounts': { size: 60 }, // one per agency
  'Evaluation.feedbackNotes': { size: 20 },
  'FeedbackNote.agreedActions': { size: 10 },
  'PerformanceDialogue.developmentActions': { size: 10 },
  'Transparency.feedbackNotes': { size: 200 }, // the notes of the transparency view's year
  'Transparency.performanceDialogues': { size: 4 }, // one a quarter of the view's year
  'Notices.items': { size: 100 }, // `first` is at most 100
  'Query.innovationsToVerify': { size: 500 }, // the query answers at most 500
  'Query.actingAssignments': { size: 500 }, // at most `first` (1-500; staffing.mutations.ts ACTING_LIST_MAX)
  'PersonalDataExport.sections': { size: 50 }, // one per table holding the employee's data (docs/privacy.md)
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

/** How many items a field returns for `parents` parents (1 each for a field that is not a list). */
function itemCount(
  parent: GraphQLObjectType,
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
  variables: Record<string, unknown>,
  parents: number,
  page: number,
): number {
  if (isConnection(parent) && field.name === 'edges') return parents * page;
  if (!isListType(getNullableType(field.type))) return parents;
  const maximum = LIST_MAXIMA[`${parent.name}.${field.name}`];
  if (!maximum) return parents * DEFAULT_CONNECTION_SIZE;
  let size = maximum.size;
  if (maximum.perYear && typeof argumentValue(node, field, 'year', variables) !== 'number') size *= YEARS_OF_HISTORY;
  return Math.min(parents * size, maximum.total ?? Number.POSITIVE_INFINITY);
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

  // `parents`: how many objects of `type` the selection applies to; `page`: the edges of the enclosing connection.
  const selectionCost = (
    type: GraphQLNamedType,
    set: SelectionSetNode,
    seen: readonly string[],
    parents: number,
    page: number,
  ): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments[selection.name.value];
        if (!fragment || seen.includes(fragment.name.value)) continue;
        const onType = schema.getType(fragment.typeCondition.name.value) ?? type;
        total += selectionCost(onType, fragment.selectionSet, [...seen, fragment.name.value], parents, page);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const onType = selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) ?? type) : type;
        total += selectionCost(onType, selection.selectionSet, seen, parents, page);
      } else {
        total += fieldCost(type, selection, seen, parents, page);
      }
    }
    return total;
  };

  const fieldCost = (
    parentType: GraphQLNamedType,
    node: FieldNode,
    seen: readonly string[],
    parents: number,
    page: number,
  ): number => {
    if (!isObjectType(parentType)) return 0;
    const field = parentType.getFields()[node.name.value];
    if (!field) return 0;
    const named = getNamedType(field.type);
    const own = parentType === root && operation.operation === 'mutation' ? MUTATION_COST : 0;
    if (!isCompositeType(named)) return own + ((node.arguments?.length ?? 0) > 0 ? parents : 0);
    const items = itemCount(parentType, field, node, values, parents, page);
    // A connection returns `first` edges (or its default page size); totalCount and pageInfo come once.
    let childPage = page;
    if (isConnection(named)) {
      const first = argumentValue(node, field, 'first', values);
      childPage = typeof first === 'number' && first >= 0 ? first : DEFAULT_CONNECTION_SIZE;
    }
    const children = node.selectionSet ? selectionCost(named, node.selectionSet, seen, items, childPage) : 0;
    return own + items + children;
  };

  return selectionCost(root, operation.selectionSet, [], 1, DEFAULT_CONNECTION_SIZE);
}
