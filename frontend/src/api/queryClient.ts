import { QueryClient } from '@tanstack/react-query';

/**
 * The app's one query cache. A failed request is shown at once with its reason (a 503 says when
 * to try again) rather than retried behind a spinner; pages refetch when they open or when what
 * they show changed, not when the window regains focus or the network comes back.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
      mutations: { retry: false },
    },
  });
}
