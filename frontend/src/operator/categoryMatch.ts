import { foldText } from '../i18n/foldText';
import type { Category } from '../api/intakeQueries';

export interface IndexedCategory {
  category: Category;
  /** Folded Vietnamese name, for ranking prefix matches first. */
  name: string;
  /** Folded names in both languages, group names and code. */
  haystack: string;
}

export function indexCategories(categories: readonly Category[]): IndexedCategory[] {
  return categories.map((category) => ({
    category,
    name: foldText(category.nameVi),
    haystack: foldText(
      [category.nameVi, category.nameEn, category.groupVi, category.groupEn, category.code.replace(/-/g, ' ')].join(' | '),
    ),
  }));
}

/**
 * Every typed word must occur somewhere; names that start with the query come first, then the
 * API's order (group, then sort order) is kept.
 */
export function matchCategories(index: readonly IndexedCategory[], query: string): Category[] {
  const folded = foldText(query);
  if (!folded) return index.map((entry) => entry.category);
  const words = folded.split(' ');
  const hits = index.filter((entry) => words.every((word) => entry.haystack.includes(word)));
  const starts = hits.filter((entry) => entry.name.startsWith(folded));
  const rest = hits.filter((entry) => !entry.name.startsWith(folded));
  return [...starts, ...rest].map((entry) => entry.category);
}
