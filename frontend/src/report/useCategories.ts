import { useCallback, useEffect, useState } from 'react';
import { fetchCategories } from './reportApi';
import type { Category } from './reportTypes';

export type CategoriesState = { status: 'loading' } | { status: 'error' } | { status: 'ready'; categories: Category[] };

export function useCategories(): { state: CategoriesState; reload(): void } {
  const [state, setState] = useState<CategoriesState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    fetchCategories(controller.signal)
      .then((categories) => setState({ status: 'ready', categories }))
      .catch(() => {
        if (!controller.signal.aborted) setState({ status: 'error' });
      });
    return () => controller.abort();
  }, [attempt]);

  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  return { state, reload };
}
