import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLArmorConfig } from '@escape.tech/graphql-armor-types';
import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

/**
 * The limits every operation is held to before it runs (docs/security.md "Operation limits" gives the reason for
 * each number). The dashboard's and GraphiQL's operations stay far below them (a test measures the margin).
 */
export const OPERATION_LIMITS = {
  /** Nesting of fields, counted from the root field; the deepest real read is 7 (introspection is left out). */
  depth: 9,
  /** Aliased fields in one operation, `__typename` included. */
  aliases: 20,
  /** Directives in one operation (`@include`, `@skip`). */
  directives: 10,
  /** The same response key requested more than this often in one selection set (fragments spread in). */
  fieldRepeats: 5,
  /** Lexical tokens of the whole document (GraphiQL sends every example of its editor at once). */
  tokens: 3000,
  /** Cost of one operation (cost.ts): the most one request may ask for. */
  cost: 50_000,
} as const;

export type LimitRule = 'depth' | 'aliases' | 'directives' | 'fieldRepeats' | 'tokens' | 'cost';

const RULE_NAMES: Record<LimitRule, string> = {
  depth: 'kedalaman (depth)',
  aliases: 'alias',
  directives: 'direktif (directives)',
  fieldRepeats: 'field berulang (duplicated fields)',
  tokens: 'token',
  cost: 'biaya (cost)',
};

/** QUERY_TOO_COMPLEX (docs/graphql.md#errors): which limit, its value, and what the operation asked for. */
export function queryTooComplex(rule: LimitRule, limit: number, value: number): GraphQLError {
  return new GraphQLError(
    `Operasi terlalu besar: ${RULE_NAMES[rule]} ${value} melebihi batas ${limit}. ` +
      `Operation too complex: ${rule} ${value} is over the limit of ${limit}.`,
    { extensions: { code: 'QUERY_TOO_COMPLEX', rule, limit, value, http: { status: 400 } } },
  );
}

/** graphql-armor reports "… limit of N exceeded, found M."; the project's error names the rule, limit and value. */
function armorReject(rule: LimitRule, limit: number) {
  return (context: ValidationContext | null, error: GraphQLError) => {
    const found = /found (\d+)/.exec(error.message);
    context?.reportError(queryTooComplex(rule, limit, found ? Number(found[1]) : limit + 1));
  };
}

/**
 * The same field asked for again and again (`{ __typename __typename … }`) is merged by graphql-js, yet each copy is
 * parsed, validated and merged: a selection set may name one response key at most `limit` times.
 */
export function fieldRepeatsRule(limit: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const counted = new Set<SelectionSetNode>();
    const keysOf = (set: SelectionSetNode, seen: Set<string>, counts: Map<string, number>) => {
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          const key = selection.alias?.value ?? selection.name.value;
          counts.set(key, (counts.get(key) ?? 0) + 1);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          keysOf(selection.selectionSet, seen, counts);
        } else if (!seen.has(selection.name.value)) {
          seen.add(selection.name.value);
          const fragment: FragmentDefinitionNode | null | undefined = context.getFragment(selection.name.value);
          if (fragment) keysOf(fragment.selectionSet, seen, counts);
        }
      }
    };
    return {
      SelectionSet(node) {
        if (counted.has(node)) return;
        counted.add(node);
        const counts = new Map<string, number>();
        keysOf(node, new Set(), counts);
        let worst = 0;
        for (const count of counts.values()) worst = Math.max(worst, count);
        if (worst > limit) context.reportError(queryTooComplex('fieldRepeats', limit, worst));
      },
    };
  };
}

/** graphql-armor's depth, alias and directive rules with the project's limits and error; plus the repeats rule. */
export function limitValidationRules(limits: Record<LimitRule, number> = OPERATION_LIMITS): ValidationRule[] {
  const config: GraphQLArmorConfig = {
    // Suggestions are withheld per caller (plugin.ts), tokens counted by the parser (Apollo's parseOptions:
    // armor's own token rule answers HTTP 500), cost computed with the list sizes (cost.ts).
    blockFieldSuggestion: { enabled: false },
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    maxDepth: {
      n: limits.depth,
      // Introspection's TypeRef fragment nests `ofType` eight deep; it reads the schema only, and is for signed-in
      // callers in production (plugin.ts); the token limit bounds it.
      ignoreIntrospection: true,
      flattenFragments: true,
      propagateOnRejection: false,
      onReject: [armorReject('depth', limits.depth)],
    },
    // An empty allow-list: `__typename` aliases count like any other (the 95,000-alias probe of issue 12).
    maxAliases: {
      n: limits.aliases,
      allowList: [],
      propagateOnRejection: false,
      onReject: [armorReject('aliases', limits.aliases)],
    },
    maxDirectives: {
      n: limits.directives,
      propagateOnRejection: false,
      onReject: [armorReject('directives', limits.directives)],
    },
  };
  const { validationRules } = new ApolloArmor(config).protect();
  return [...(validationRules as ValidationRule[]), fieldRepeatsRule(limits.fieldRepeats)];
}
