import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  getIntrospectionQuery,
  Kind,
  parse,
  validate,
  visit,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildKinerjaSchema } from '../../src/api/schema.js';
import { MAX_PAGE_SIZE } from '../../src/graphql/pagination.js';
import { operationCost } from '../../src/security/cost.js';
import { limitValidationRules, OPERATION_LIMITS, type LimitRule } from '../../src/security/limits.js';

/**
 * Issue 12, acceptance 2: every operation the dashboard sends and every GraphiQL example, read from their source
 * files (whatever pages exist), fits the limits with room to spare (`halvedLimits`), and costs at most a tenth of
 * the cost limit (docs/security.md "Operation limits").
 */

const REPO = fileURLToPath(new URL('../../../', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|vue|js)$/.test(name) && !/\.(test|spec)\./.test(name) ? [path] : [];
  });
}

/** Every `gql`/`graphql` tagged template of a file, with `${FRAGMENT}` interpolations kept by name. */
function templatesOf(text: string): { name: string | null; body: string }[] {
  const found: { name: string | null; body: string }[] = [];
  const pattern = /(?:(?:const|let)\s+(\w+)[^=]*=\s*)?\b(?:gql|graphql)\s*(?:\(\s*)?`([^`]*)`/g;
  for (const match of text.matchAll(pattern)) found.push({ name: match[1] ?? null, body: match[2]! });
  return found;
}

interface FoundOperation {
  source: string;
  document: DocumentNode;
  operation: OperationDefinitionNode;
}

function dashboardOperations(): FoundOperation[] {
  const files = sourceFiles(join(REPO, 'dashboard', 'src'));
  const templates = files.flatMap((file) => templatesOf(readFileSync(file, 'utf8')).map((t) => ({ ...t, file })));
  const named = new Map(templates.filter((t) => t.name).map((t) => [t.name!, t.body]));
  const expand = (body: string, depth = 0): string =>
    depth > 5
      ? body
      : body.replace(/\$\{\s*(\w+)\s*\}/g, (_, name: string) => expand(named.get(name) ?? '', depth + 1));
  const parsed = templates.map((template) => ({ template, document: parse(expand(template.body)) }));
  // The shared fragments (dashboard/src/charts/documents.ts): a document spreads them by name, without
  // interpolating them, and GraphQL Code Generator adds their definitions to the document it sends.
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const { document } of parsed) {
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
  }
  const result: FoundOperation[] = [];
  for (const { template, document } of parsed) {
    const whole = withSpreadFragments(document, fragments);
    for (const definition of whole.definitions) {
      if (definition.kind === Kind.OPERATION_DEFINITION) {
        result.push({ source: relative(REPO, template.file), document: whole, operation: definition });
      }
    }
  }
  return result;
}

/** The document with the definitions of the fragments it spreads (and they spread) that it does not define. */
function withSpreadFragments(document: DocumentNode, fragments: Map<string, FragmentDefinitionNode>): DocumentNode {
  const defined = new Set(Object.keys(fragmentsOf(document)));
  const added: FragmentDefinitionNode[] = [];
  const spreadIn = (node: DocumentNode | FragmentDefinitionNode) => {
    const names: string[] = [];
    visit(node, { FragmentSpread: (spread) => void names.push(spread.name.value) });
    return names;
  };
  const queue = spreadIn(document);
  while (queue.length > 0) {
    const name = queue.shift()!;
    const fragment = fragments.get(name);
    if (defined.has(name) || !fragment) continue;
    defined.add(name);
    added.push(fragment);
    queue.push(...spreadIn(fragment));
  }
  return added.length === 0 ? document : { ...document, definitions: [...document.definitions, ...added] };
}

/** GraphiQL's examples, read from the file that defines them (the editor sends them all as one document). */
function graphiqlOperations(): FoundOperation[] {
  const file = join(REPO, 'server', 'src', 'graphql', 'graphiql.ts');
  const match = /EXAMPLE_QUERIES\s*=\s*`([^`]*)`/.exec(readFileSync(file, 'utf8'));
  expect(match, 'EXAMPLE_QUERIES in graphiql.ts').not.toBeNull();
  const document = parse(match![1]!);
  return document.definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((operation) => ({ source: relative(REPO, file), document, operation }));
}

function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  return fragments;
}

/**
 * The worst case of an operation's variables: a variable's default, else the largest page for a `first`, else
 * nothing (the connection's default page size).
 */
function worstVariables(operation: OperationDefinitionNode): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (/^first$|PageSize$|^limit$/i.test(name)) variables[name] = MAX_PAGE_SIZE;
  }
  return variables;
}

/**
 * The room to spare: the limit rules run with these tighter limits must accept the operation (two levels below the
 * depth limit, half of the alias, directive and token limits, no field more than twice).
 */
function halvedLimits() {
  const half = (n: number) => Math.floor(n / 2);
  return {
    depth: OPERATION_LIMITS.depth - 2,
    aliases: half(OPERATION_LIMITS.aliases),
    directives: half(OPERATION_LIMITS.directives),
    fieldRepeats: 2,
    tokens: half(OPERATION_LIMITS.tokens),
    cost: half(OPERATION_LIMITS.cost),
  } satisfies Record<LimitRule, number>;
}

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildKinerjaSchema();
});

/**
 * Operations known to cost more than a tenth of the limit, each with its reason: they must still fit under the limit
 * itself, and each is a debt to pay (docs/security.md "Operation limits"). Nothing else may join this list quietly.
 */
const OVER_A_TENTH: Record<string, string> = {
  // Penilaian lists the direct reports with their year's evaluations (at most 100 reports x 4 quarters).
  PenilaianReports: 'a large line with four quarters each',
  // Bulk account creation answers every account it made, up to the whole city.
  AdministrasiCreateAccounts: 'one row per account created',
};

describe("the dashboard's and GraphiQL's operations fit the limits comfortably", () => {
  const operations = [...dashboardOperations(), ...graphiqlOperations()];

  it('keeps the list of operations over a tenth of the cost limit true: each exists and is still over it', () => {
    for (const name of Object.keys(OVER_A_TENTH)) {
      const found = operations.find((o) => o.operation.name?.value === name);
      expect(found, name).toBeDefined();
      const cost = operationCost({
        schema,
        operation: found!.operation,
        fragments: fragmentsOf(found!.document),
        variables: worstVariables(found!.operation),
      });
      expect(cost, name).toBeGreaterThan(OPERATION_LIMITS.cost / 10);
    }
  });

  it('finds the operations in the source files', () => {
    expect(operations.filter((o) => o.source.startsWith('dashboard')).length).toBeGreaterThan(0);
    expect(operations.filter((o) => o.source.startsWith('server')).length).toBeGreaterThanOrEqual(6);
  });

  it.each(operations.map((o) => [`${o.source}: ${o.operation.name?.value ?? '(anonymous)'}`, o] as const))(
    '%s',
    (_label, { document, operation }) => {
      const halved = halvedLimits();
      // Valid against the schema, and under half of every limit.
      const single: DocumentNode = {
        kind: Kind.DOCUMENT,
        definitions: [operation, ...Object.values(fragmentsOf(document))],
      };
      expect(validate(schema, single, limitValidationRules(halved)).map((e) => e.message)).toEqual([]);
      const cost = operationCost({
        schema,
        operation,
        fragments: fragmentsOf(document),
        variables: worstVariables(operation),
      });
      const name = operation.name?.value ?? '';
      expect(cost).toBeLessThanOrEqual(name in OVER_A_TENTH ? OPERATION_LIMITS.cost : OPERATION_LIMITS.cost / 10);
    },
  );

  it("lets GraphiQL's introspection query through every limit", () => {
    const introspection = parse(getIntrospectionQuery({ descriptions: true, specifiedByUrl: true }), {
      maxTokens: OPERATION_LIMITS.tokens,
    });
    expect(validate(schema, introspection, limitValidationRules()).map((e) => e.message)).toEqual([]);
  });

  it("keeps each whole document (GraphiQL sends the editor's text at once) under half the token limit", () => {
    const documents = new Set(operations.map((o) => o.document));
    for (const document of documents) {
      const text = document.loc!.source.body;
      expect(() => parse(text, { maxTokens: OPERATION_LIMITS.tokens / 2 })).not.toThrow();
    }
  });
});
