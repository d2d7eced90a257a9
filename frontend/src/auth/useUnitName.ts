import { useTranslation } from 'react-i18next';

/** The unit's name in the active language when the API gives an English one; Vietnamese otherwise. */
export function useUnitName(unit: { name: string; nameEn?: string | null } | null): string | null {
  const { i18n } = useTranslation();
  if (!unit) return null;
  return i18n.resolvedLanguage === 'en' && unit.nameEn ? unit.nameEn : unit.name;
}
