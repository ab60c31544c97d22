import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  Kind,
  parse,
  print,
  visit,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * The dashboard's query mix for `pnpm bench load` (docs/benchmarks.md "Load: the dashboard's query mix"): every query
 * the dashboard sends, read from its source files at bench time (the `gql`/`graphql` templates, fragments expanded by
 * name, as server/test/security/operations-fit.test.ts reads them), each with the roles of the page that sends it
 * (the route table, dashboard/src/app/routes.ts; the session's and periods' queries go with every page). Mutations are
 * left out: the load bench reads, and a write mix would change what it reads.
 */

export interface DashboardQuery {
  name: string;
  /** The file it is in, relative to the repository. */
  source: string;
  /** The feature folder (`features/<folder>/...`), or `app` for the shell's queries. */
  folder: string;
  /** The text as the dashboard's Apollo client sends it (with `__typename` in every selection below the root). */
  text: string;
  variables: { name: string; type: string; required: boolean }[];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'gql' ? [] : sourceFiles(path);
    return /\.(ts|vue|js)$/.test(name) && !/\.(test|spec)\./.test(name) ? [path] : [];
  });
}

function templatesOf(text: string): { name: string | null; body: string }[] {
  const found: { name: string | null; body: string }[] = [];
  const pattern = /(?:(?:const|let)\s+(\w+)[^=]*=\s*)?\b(?:gql|graphql)\s*(?:\(\s*)?`([^`]*)`/g;
  for (const match of text.matchAll(pattern)) found.push({ name: match[1] ?? null, body: match[2]! });
  return found;
}

/** Apollo Client's cache adds `__typename` to every selection set but the operation's root. */
function withTypename(document: DocumentNode): DocumentNode {
  const typename = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } } as const;
  return visit(document, {
    SelectionSet(node: SelectionSetNode, _key, parent) {
      if (parent && 'kind' in parent && parent.kind === Kind.OPERATION_DEFINITION) return undefined;
      if (node.selections.some((s) => s.kind === Kind.FIELD && s.name.value === '__typename')) return undefined;
      return { ...node, selections: [...node.selections, typename] };
    },
  });
}

/** The fragments an operation spreads, directly or through other fragments (an unused one fails validation). */
function usedFragments(
  operation: OperationDefinitionNode,
  fragments: FragmentDefinitionNode[],
): FragmentDefinitionNode[] {
  const byName = new Map(fragments.map((f) => [f.name.value, f]));
  const used = new Set<string>();
  const walk = (node: OperationDefinitionNode | FragmentDefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const name = spread.name.value;
        if (used.has(name) || !byName.has(name)) return;
        used.add(name);
        walk(byName.get(name)!);
      },
    });
  walk(operation);
  return [...byName.values()].filter((f) => used.has(f.name.value));
}

/** Every query of the dashboard's source files under `dashboardSrc`. */
export function dashboardQueries(repoRoot: string): DashboardQuery[] {
  const dashboardSrc = join(repoRoot, 'dashboard', 'src');
  const files = sourceFiles(dashboardSrc);
  const templates = files.flatMap((file) => templatesOf(readFileSync(file, 'utf8')).map((t) => ({ ...t, file })));
  const named = new Map(templates.filter((t) => t.name).map((t) => [t.name!, t.body]));
  const expand = (body: string, depth = 0): string =>
    depth > 5
      ? body
      : body.replace(/\$\{\s*(\w+)\s*\}/g, (_, name: string) => expand(named.get(name) ?? '', depth + 1));
  const documents = templates.map((template) => ({ template, document: parse(expand(template.body)) }));
  // The codegen's `graphql()` adds the fragments a document spreads from other documents (by name).
  const fragments = documents.flatMap(({ document }) =>
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION),
  );
  const queries: DashboardQuery[] = [];
  for (const { template, document } of documents) {
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION || definition.operation !== 'query') continue;
      const operation: OperationDefinitionNode = definition;
      const path = relative(dashboardSrc, template.file);
      const folder = /^features\/([^/]+)\//.exec(path)?.[1] ?? (path.startsWith('app/') ? 'app' : path);
      const single: DocumentNode = {
        kind: Kind.DOCUMENT,
        definitions: [operation, ...usedFragments(operation, fragments)],
      };
      queries.push({
        name: operation.name?.value ?? '(anonymous)',
        source: relative(repoRoot, template.file),
        folder,
        text: print(withTypename(single)),
        variables: (operation.variableDefinitions ?? []).map((v) => ({
          name: v.variable.name.value,
          type: print(v.type),
          required: v.type.kind === Kind.NON_NULL_TYPE && v.defaultValue === undefined,
        })),
      });
    }
  }
  return queries;
}

/**
 * The roles that may open the pages of each feature folder, from the route table (dashboard/src/app/routes.ts):
 * `ALL_ROLES` or a list of role names. The shell's queries (`app`) go with every role.
 */
export function rolesByFolder(repoRoot: string): Map<string, Set<string>> {
  const routes = readFileSync(join(repoRoot, 'dashboard', 'src', 'app', 'routes.ts'), 'utf8');
  const all = /ALL_ROLES[^=]*=\s*\[([^\]]*)\]/.exec(routes);
  if (!all) throw new Error('dashboard/src/app/routes.ts: ALL_ROLES not found');
  const names = (list: string) => [...list.matchAll(/'([A-Z_]+)'/g)].map((m) => m[1]!);
  const allRoles = names(all[1]!);
  const byFolder = new Map<string, Set<string>>([['app', new Set(allRoles)]]);
  const page = /import\('\.\.\/features\/([^/']+)\/[^']*'\)[\s\S]*?roles:\s*(ALL_ROLES|'public'|\[[^\]]*\])/g;
  for (const match of routes.matchAll(page)) {
    const roles = match[2] === 'ALL_ROLES' ? allRoles : match[2] === "'public'" ? [] : names(match[2]!);
    const set = byFolder.get(match[1]!) ?? new Set<string>();
    for (const role of roles) set.add(role);
    byFolder.set(match[1]!, set);
  }
  return byFolder;
}
