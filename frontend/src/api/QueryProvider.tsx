import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useAuth } from '../auth/useAuth';
import { createQueryClient } from './queryClient';

/**
 * The app's one query cache, reset when the signed-in user changes or signs out: a shared
 * call-centre or ward-office computer never shows one official's cached tickets to the next.
 * Confirming a session restored after a reload (nobody yet → its user) keeps what was loaded with
 * its token. Reset rather than cleared, so that the pages still open keep their queries.
 */
export function QueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(createQueryClient);
  const userId = useAuth().user?.id ?? null;
  const shown = useRef(userId);
  useEffect(() => {
    const previous = shown.current;
    if (previous === userId) return;
    shown.current = userId;
    if (previous !== null) void client.resetQueries();
  }, [client, userId]);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
