import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';

/** One Apollo client for the dashboard; the API is served from the same origin at /graphql. */
export function createApolloClient(uri = '/graphql'): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri, credentials: 'same-origin' }),
    cache: new InMemoryCache(),
  });
}
