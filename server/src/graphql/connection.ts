import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { encodeCursor, PageInfo } from './pagination.js';

/**
 * What a connection resolver returns: the page of nodes with their cursors, and the size of the whole result (a
 * promise when it is counted only if asked, see `pageConnection`).
 */
export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number | Promise<number>;
}

/**
 * The Relay connection and edge types of one node type (`EmployeeConnection`, `EmployeeEdge`, ...), described for
 * the Docs panel. `plural` is how the description names the nodes ("employees").
 *
 * `simpleResolvers` (here and on the types a large page repeats: Employee, Agency, Evaluation, EvaluationScore,
 * Criterion, Period, PageInfo): their plain fields are read as properties by graphql-js, without type-graphql's
 * per-field wrapper, which the API does not need: it uses no type-graphql middleware or `@Authorized`, its access
 * checks wrap the built schema (modules/access/schema-guard.ts). A 500-employee page has ~400,000 such fields
 * (docs/benchmarks.md#read-path-against-postgraphile).
 */
export function connectionType<T extends object>(name: string, node: ClassType<T>, plural: string): ClassType {
  @ObjectType(`${name}Edge`, { simpleResolvers: true, description: `One of the ${plural} of a page, with its cursor.` })
  class Edge {
    @Field(() => String, { description: 'Opaque cursor of this row; pass it as `after` to continue after it.' })
    cursor!: string;

    @Field(() => node, { description: `The row itself.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, {
    simpleResolvers: true,
    description: `A page of ${plural} (Relay connection): \`edges\`, \`pageInfo\` and the \`totalCount\` of every match.`,
  })
  class ConnectionType {
    @Field(() => [Edge], { description: `The ${plural} of this page, in order.` })
    edges!: Edge[];

    @Field(() => PageInfo, { description: 'Whether more rows follow, and the cursor to ask for them.' })
    pageInfo!: PageInfo;

    // A resolver of its own (`simple: false`): the count is a getter that may answer a promise (`pageConnection`), and
    // the compiled executor reads a field without a resolver as a plain value (graphql/executor.ts).
    @Field(() => Int, { simple: false, description: `Number of ${plural} matching the filter, over all pages.` })
    totalCount!: number;
  }

  return ConnectionType;
}

/** Builds a connection from one page of rows that starts at `offset` in a result of `totalCount` rows. */
export function toConnection<T>(nodes: readonly T[], offset: number, totalCount: number): Connection<T> {
  const edges = nodes.map((node, index) => ({ cursor: encodeCursor(offset + index), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: offset + nodes.length < totalCount,
      endCursor: edges.length > 0 ? edges[edges.length - 1].cursor : null,
    },
    totalCount,
  };
}

/**
 * Builds a connection from a page read with one row more than `limit` (so `hasNextPage` needs no count), starting at
 * `offset`. `totalCount` is counted only when a query asks for it (a getter, read by the field's resolver), and not
 * even then when the page itself shows where the result ends: counting the whole list on every page was one of the
 * statements of each list request (docs/benchmarks.md).
 */
export function pageConnection<T>(
  rows: readonly T[],
  offset: number,
  limit: number,
  count: () => Promise<number>,
): Connection<T> {
  const nodes = rows.slice(0, limit);
  const hasNextPage = rows.length > limit;
  const edges = nodes.map((node, index) => ({ cursor: encodeCursor(offset + index), node }));
  let total: Promise<number> | null = null;
  return {
    edges,
    pageInfo: { hasNextPage, endCursor: edges.length > 0 ? edges[edges.length - 1]!.cursor : null },
    get totalCount() {
      // The page ends the result: its end is the count (unless it is empty past the end, where it says nothing).
      if (!hasNextPage && (nodes.length > 0 || offset === 0)) return offset + nodes.length;
      total ??= count();
      return total;
    },
  };
}
