import { renderGraphiQL } from '@graphql-yoga/render-graphiql';

/** Example operations shown in GraphiQL on first open; each runs against the demo data. */
export const EXAMPLE_QUERIES = `# Kinerja GraphQL API: examples. Pick an operation with the play button.
# Every type, field and argument is described in the Docs panel.

query Agencies {
  agencies {
    code
    name
    kind
    employeeCount
  }
}

query OneAgency {
  agency(code: "DISDIK") {
    code
    name
    employeeCount
  }
}
`;

let page: string | null = null;

/** GraphiQL as one self-contained page: scripts, styles and workers inlined, nothing fetched from the internet. */
export function graphiqlPage(): string {
  page ??= renderGraphiQL({
    title: 'Kinerja GraphQL',
    defaultQuery: EXAMPLE_QUERIES,
    endpoint: '/graphql',
  } as Parameters<typeof renderGraphiQL>[0]);
  return page;
}
