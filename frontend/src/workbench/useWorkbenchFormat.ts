import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { durationParts } from './deadline';

/** Dates in city time, durations and bilingual names for the workbench, in the active language. */
export function useWorkbenchFormat() {
  const { t, i18n } = useTranslation();
  const english = i18n.resolvedLanguage === 'en';

  return useMemo(() => {
    const dateTime = new Intl.DateTimeFormat(english ? 'en-GB' : 'vi-VN', {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'Asia/Ho_Chi_Minh',
    });
    return {
      english,
      dateTime: (iso: string) => {
        const at = new Date(iso);
        return Number.isNaN(at.getTime()) ? iso : dateTime.format(at);
      },
      duration: (ms: number) => {
        const { days, hours, minutes } = durationParts(ms);
        const parts: string[] = [];
        if (days > 0) parts.push(t('workbench.duration.days', { count: days }));
        if (hours > 0) parts.push(t('workbench.duration.hours', { count: hours }));
        if (days === 0 && (minutes > 0 || hours === 0)) parts.push(t('workbench.duration.minutes', { count: minutes }));
        return parts.slice(0, 2).join(' ');
      },
      category: (category: { code: string; nameVi: string; nameEn: string }) => (english ? category.nameEn || category.nameVi : category.nameVi),
      unit: (unit: { name: string; nameEn: string | null }) => (english && unit.nameEn ? unit.nameEn : unit.name),
    };
  }, [english, t]);
}

export type WorkbenchFormat = ReturnType<typeof useWorkbenchFormat>;
