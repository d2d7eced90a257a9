import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useAuth } from '../auth/useAuth';
import { createQueryClient } from './queryClient';

/**
 * The app's one query cache, emptied when the signed-in user changes: a shared call-centre or
 * ward-office computer never shows one official's cached tickets to the next.
 */
export function QueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(createQueryClient);
  const userId = useAuth().user?.id ?? null;
  const shown = useRef(userId);
  useEffect(() => {
    if (shown.current === userId) return;
    shown.current = userId;
    client.clear();
  }, [client, userId]);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
