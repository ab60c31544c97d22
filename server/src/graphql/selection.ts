import { Kind, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Look-ahead for resolvers that can read a relation together with their own rows when the query asks for it (one
 * statement instead of two, docs/benchmarks.md#read-path-against-postgraphile): the names of the fields selected
 * directly under the field being resolved, fragments and inline fragments followed. graphql-js hands every row of a
 * list the same `fieldNodes` array, so the answer is computed once per list, not once per row.
 */
const selectedNames = new WeakMap<readonly unknown[], ReadonlySet<string>>();

function collect(
  set: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  names: Set<string>,
  seen: Set<string>,
): void {
  if (!set) return;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) names.add(selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet, fragments, names, seen);
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      collect(fragments[selection.name.value]?.selectionSet, fragments, names, seen);
    }
  }
}

/** Whether the query selects `name` directly under the field being resolved (under any of its aliases). */
export function selectsField(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, name: string): boolean {
  let names = selectedNames.get(info.fieldNodes);
  if (!names) {
    const found = new Set<string>();
    const seen = new Set<string>();
    for (const node of info.fieldNodes) collect(node.selectionSet, info.fragments, found, seen);
    names = found;
    selectedNames.set(info.fieldNodes, names);
  }
  return names.has(name);
}
