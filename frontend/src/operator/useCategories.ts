import { useEffect, useMemo, useState } from 'react';
import { fetchCategories } from './operatorApi';
import { indexCategories, type IndexedCategory } from './categoryMatch';
import type { Category } from './intakeTypes';

export type CategoriesState =
  { status: 'loading' } | { status: 'error' } | { status: 'ready'; categories: Category[]; index: IndexedCategory[] };

/** The 30 categories, loaded once per console; matching runs in the browser, keystroke by keystroke. */
export function useCategories(): CategoriesState {
  const [result, setResult] = useState<Category[] | 'loading' | 'error'>('loading');

  useEffect(() => {
    const controller = new AbortController();
    fetchCategories(controller.signal)
      .then(setResult)
      .catch(() => {
        if (!controller.signal.aborted) setResult('error');
      });
    return () => controller.abort();
  }, []);

  return useMemo<CategoriesState>(() => {
    if (result === 'loading' || result === 'error') return { status: result };
    return { status: 'ready', categories: result, index: indexCategories(result) };
  }, [result]);
}
