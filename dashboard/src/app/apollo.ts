import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { currentLocale } from './i18n';

/**
 * One Apollo client for the dashboard; the API is served from the same origin at /graphql, the session travels as
 * the httpOnly cookie. Every request carries the chosen locale as `Accept-Language`, so the API's labels and
 * messages come in the language on screen (read at request time: a locale switch applies to the next request).
 */
export function createApolloClient(uri = '/graphql'): ApolloClient {
  const localeFetch: typeof fetch = (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('accept-language', currentLocale());
    return fetch(input, { ...init, headers });
  };
  return new ApolloClient({
    link: new HttpLink({ uri, credentials: 'same-origin', fetch: localeFetch }),
    cache: new InMemoryCache(),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
}
