import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useAuth } from './useAuth';

/**
 * A query of staff data: asked only while a session is open (and `enabled`); with `keep`, the last
 * answer stays shown while the one for a new key loads, so a table does not blink on every filter;
 * `refetchEveryMs` asks again on that period while it is shown.
 */
export function useSessionQuery<T>(
  queryKey: readonly unknown[],
  load: (signal: AbortSignal) => Promise<T>,
  { enabled = true, keep = false, refetchEveryMs }: { enabled?: boolean; keep?: boolean; refetchEveryMs?: number } = {},
) {
  const signedIn = useAuth().status === 'signedIn';
  return useQuery({
    queryKey,
    queryFn: ({ signal }) => load(signal),
    enabled: signedIn && enabled,
    placeholderData: keep ? keepPreviousData : undefined,
    refetchInterval: refetchEveryMs,
  });
}
