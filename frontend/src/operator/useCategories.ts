import { useMemo } from 'react';
import { useCategoriesQuery, type Category } from '../api/intakeQueries';
import { indexCategories, type IndexedCategory } from './categoryMatch';

export type CategoriesState =
  { status: 'loading' } | { status: 'error' } | { status: 'ready'; categories: Category[]; index: IndexedCategory[] };

/** The 30 categories, loaded once per console; matching runs in the browser, keystroke by keystroke. */
export function useCategories(): CategoriesState {
  const { data: categories, isError } = useCategoriesQuery();
  return useMemo<CategoriesState>(() => {
    if (categories) return { status: 'ready', categories, index: indexCategories(categories) };
    return { status: isError ? 'error' : 'loading' };
  }, [categories, isError]);
}
