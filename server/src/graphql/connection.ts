import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { encodeCursor, PageInfo } from './pagination.js';

/** What a connection resolver returns: the page of nodes with their cursors, and the size of the whole result. */
export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * The Relay connection and edge types of one node type (`EmployeeConnection`, `EmployeeEdge`, ...), described for
 * the Docs panel. `plural` is how the description names the nodes ("employees").
 */
export function connectionType<T extends object>(name: string, node: ClassType<T>, plural: string): ClassType {
  @ObjectType(`${name}Edge`, { description: `One of the ${plural} of a page, with its cursor.` })
  class Edge {
    @Field(() => String, { description: 'Opaque cursor of this row; pass it as `after` to continue after it.' })
    cursor!: string;

    @Field(() => node, { description: `The row itself.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, {
    description: `A page of ${plural} (Relay connection): \`edges\`, \`pageInfo\` and the \`totalCount\` of every match.`,
  })
  class ConnectionType {
    @Field(() => [Edge], { description: `The ${plural} of this page, in order.` })
    edges!: Edge[];

    @Field(() => PageInfo, { description: 'Whether more rows follow, and the cursor to ask for them.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: `Number of ${plural} matching the filter, over all pages.` })
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
