import type { ApolloClient, OperationVariables, TypedDocumentNode } from '@apollo/client';
import {
  inject,
  onScopeDispose,
  ref,
  shallowRef,
  toValue,
  watch,
  type InjectionKey,
  type MaybeRefOrGetter,
  type Ref,
} from 'vue';

export const ApolloKey: InjectionKey<ApolloClient> = Symbol('apollo');

export interface QueryState<T> {
  data: Ref<T | null>;
  error: Ref<Error | null>;
  loading: Ref<boolean>;
  /** Asks the server again (after a change made on the page); resolves when the answer is in. */
  refetch(): Promise<void>;
}

export function useApollo(): ApolloClient {
  const client = inject(ApolloKey);
  if (!client) throw new Error('the Apollo client is missing: provide it with ApolloKey');
  return client;
}

/**
 * Runs a query through the injected Apollo client and keeps its result in refs; `variables` may be a ref or a
 * getter (filters from the URL), and the query runs again when they change. `skip` (also reactive) holds the query
 * back, e.g. until a filter is chosen. A small own composable, because @vue/apollo-composable does not work with
 * Apollo Client 4 (4.2.2 imports `ApolloError`, which Apollo Client 4 removed) and Apollo 4's own hook needs React.
 */
export function useQuery<T, V extends OperationVariables = OperationVariables>(
  document: TypedDocumentNode<T, V>,
  variables?: MaybeRefOrGetter<V>,
  options: { skip?: MaybeRefOrGetter<boolean> } = {},
): QueryState<T> {
  const client = useApollo();
  const data = shallowRef<T | null>(null);
  const error = shallowRef<Error | null>(null);
  const loading = ref(true);
  let unsubscribe: (() => void) | null = null;
  let current: { refetch(): Promise<unknown> } | null = null;

  function run(vars: V | undefined, skip: boolean): void {
    unsubscribe?.();
    unsubscribe = null;
    if (skip) {
      loading.value = false;
      return;
    }
    loading.value = true;
    error.value = null;
    const observable = client.watchQuery<T, V>({ query: document, variables: vars as V });
    current = observable;
    const subscription = observable.subscribe({
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
    unsubscribe = () => subscription.unsubscribe();
  }

  watch(
    () => [toValue(variables), toValue(options.skip) ?? false] as const,
    ([vars, skip], old) => {
      if (old && JSON.stringify(old) === JSON.stringify([vars, skip])) return;
      run(vars, skip);
    },
    { immediate: true, deep: true },
  );
  onScopeDispose(() => unsubscribe?.());
  async function refetch(): Promise<void> {
    await current?.refetch().catch((err: Error) => {
      error.value = err;
    });
  }
  return { data, error, loading, refetch };
}
