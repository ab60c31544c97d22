import type { ApolloClient, OperationVariables, TypedDocumentNode } from '@apollo/client';
import { inject, onScopeDispose, ref, shallowRef, type InjectionKey, type Ref } from 'vue';

export const ApolloKey: InjectionKey<ApolloClient> = Symbol('apollo');

export interface QueryState<T> {
  data: Ref<T | null>;
  error: Ref<Error | null>;
  loading: Ref<boolean>;
}

/**
 * Runs a query through the injected Apollo client and keeps its result in refs. A small own composable, because
 * @vue/apollo-composable does not work with Apollo Client 4 (4.2.2 imports `ApolloError`, which Apollo Client 4 removed).
 */
export function useQuery<T, V extends OperationVariables = OperationVariables>(
  document: TypedDocumentNode<T, V>,
  variables?: V,
): QueryState<T> {
  const client = inject(ApolloKey);
  if (!client) throw new Error('useQuery needs the Apollo client: provide it with ApolloKey');
  const data = shallowRef<T | null>(null);
  const error = shallowRef<Error | null>(null);
  const loading = ref(true);
  const subscription = client.watchQuery<T, V>({ query: document, variables: variables as V }).subscribe({
    next(result) {
      loading.value = result.loading;
      if (result.data !== undefined) data.value = result.data as T;
      error.value = result.error ?? null;
    },
    error(err: Error) {
      loading.value = false;
      error.value = err;
    },
  });
  onScopeDispose(() => subscription.unsubscribe());
  return { data, error, loading };
}
