import { QueryClient } from '@tanstack/react-query';

/**
 * The app's one query cache. A failed request is shown at once with its reason (a 503 says when
 * to try again) rather than retried behind a spinner; pages refetch when they open, not when the
 * window regains focus.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
