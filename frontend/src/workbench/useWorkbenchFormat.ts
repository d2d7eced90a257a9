import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { cityDateTime } from '../i18n/cityDateTime';
import { durationParts } from './deadline';

/** Dates in city time, durations and bilingual names for the workbench, in the active language. */
export function useWorkbenchFormat() {
  const { t, i18n } = useTranslation();
  const english = i18n.resolvedLanguage === 'en';

  return useMemo(() => {
    return {
      english,
      dateTime: cityDateTime(english ? 'en-GB' : 'vi-VN'),
      duration: (ms: number) => {
        const { days, hours, minutes } = durationParts(ms);
        const parts: string[] = [];
        if (days > 0) parts.push(t('workbench.duration.days', { count: days }));
        if (hours > 0) parts.push(t('workbench.duration.hours', { count: hours }));
        if (days === 0 && (minutes > 0 || hours === 0)) parts.push(t('workbench.duration.minutes', { count: minutes }));
        return parts.slice(0, 2).join(' ');
      },
      category: (category: { code: string; nameVi: string; nameEn: string }) =>
        english ? category.nameEn || category.nameVi : category.nameVi,
      unit: (unit: { name: string; nameEn: string | null }) => (english && unit.nameEn ? unit.nameEn : unit.name),
    };
  }, [english, t]);
}

export type WorkbenchFormat = ReturnType<typeof useWorkbenchFormat>;
