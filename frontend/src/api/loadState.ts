import type { UseQueryResult } from '@tanstack/react-query';

/** What a page shows of one query: loading (keeping the last answer while a new one loads), ready, or the failure and a retry. */
export interface LoadState<T> {
  status: 'loading' | 'ready' | 'error';
  data: T | null;
  error: unknown;
  reload(): void;
}

/** A query as a LoadState; a query still waiting for what it needs (disabled) counts as loading. */
export function loadStateOf<T>(query: UseQueryResult<T>): LoadState<T> {
  const status = query.isFetching ? 'loading' : query.isError ? 'error' : query.isPending ? 'loading' : 'ready';
  return { status, data: query.data ?? null, error: query.error, reload: () => void query.refetch() };
}
