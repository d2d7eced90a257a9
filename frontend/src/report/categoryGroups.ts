import { foldText } from '../i18n/foldText';
import type { Language } from '../i18n/i18n';
import type { Category } from '../api/intakeQueries';

export interface CategoryGroup {
  code: string;
  name: string;
  categories: Category[];
}

export function categoryName(category: { nameVi: string; nameEn: string }, language: Language): string {
  return language === 'en' ? category.nameEn : category.nameVi;
}

export function categoryHint(category: Category, language: Language): string {
  return language === 'en' ? category.hintEn : category.hintVi;
}

/**
 * Categories in the API's order, grouped, keeping those whose name, hint or group holds every
 * typed word in either language, accents ignored. Non-public categories stay: `isPublic` keeps
 * their reports off public listings (Open311), it does not stop a citizen filing one.
 */
export function groupCategories(categories: readonly Category[], query: string, language: Language): CategoryGroup[] {
  const words = foldText(query).split(' ').filter(Boolean);
  const groups: CategoryGroup[] = [];
  for (const category of categories) {
    if (words.length > 0) {
      const haystack = foldText(
        [category.nameVi, category.nameEn, category.hintVi, category.hintEn, category.groupVi, category.groupEn].join(' '),
      );
      if (!words.every((word) => haystack.includes(word))) continue;
    }
    let group = groups.find((candidate) => candidate.code === category.groupCode);
    if (!group) {
      group = { code: category.groupCode, name: language === 'en' ? category.groupEn : category.groupVi, categories: [] };
      groups.push(group);
    }
    group.categories.push(category);
  }
  return groups;
}
