import { useCategoriesQuery, type Category } from '../api/intakeQueries';

export type CategoriesState = { status: 'loading' } | { status: 'error' } | { status: 'ready'; categories: Category[] };

export function useCategories(): { state: CategoriesState; reload(): void } {
  const query = useCategoriesQuery();
  // A retry shows "loading" again rather than the old failure.
  const state: CategoriesState = query.data
    ? { status: 'ready', categories: query.data }
    : query.isError && !query.isFetching
      ? { status: 'error' }
      : { status: 'loading' };
  return { state, reload: () => void query.refetch() };
}
