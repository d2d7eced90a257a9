import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { cityDateTime } from '../i18n/cityDateTime';
import type { AdminCategory, HandlingUnit } from './adminQueries';

/** Dates, durations and names of the admin pages in the active language; times in city time. */
export function useAdminFormat() {
  const { t, i18n } = useTranslation();
  const english = i18n.resolvedLanguage === 'en';

  return useMemo(() => {
    const locale = english ? 'en-GB' : 'vi-VN';
    const date = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
    const monthYear = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
    const percent = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });

    return {
      english,
      locale,
      dateTime: cityDateTime(locale),
      /** A calendar date (YYYY-MM-DD), not an instant: formatted in UTC so no zone shifts it. */
      date: (isoDate: string) => {
        const at = new Date(`${isoDate}T00:00:00Z`);
        return Number.isNaN(at.getTime()) ? isoDate : date.format(at);
      },
      /** "2026-03" as "tháng 3 năm 2026" / "March 2026". */
      month: (yearMonth: string) => {
        const at = new Date(`${yearMonth}-01T00:00:00Z`);
        return Number.isNaN(at.getTime()) ? yearMonth : monthYear.format(at);
      },
      /** A target in minutes as hours and minutes: "1 giờ 30 phút". */
      duration: (minutes: number) => {
        const hours = Math.floor(minutes / 60);
        const rest = minutes % 60;
        const parts: string[] = [];
        if (hours > 0) parts.push(t('admin.duration.hours', { value: integer.format(hours) }));
        if (rest > 0 || hours === 0) parts.push(t('admin.duration.minutes', { value: rest }));
        return parts.join(' ');
      },
      percent: (rate: number | null) => (rate === null ? '—' : percent.format(rate)),
      integer: (value: number) => integer.format(value),
      category: (category: AdminCategory | undefined, code: string) => (category ? (english ? category.nameEn : category.nameVi) : code),
      group: (category: AdminCategory) => (english ? category.groupEn : category.groupVi),
      unit: (unit: HandlingUnit | undefined, fallback: string) => (unit ? (english && unit.nameEn ? unit.nameEn : unit.name) : fallback),
    };
  }, [english, t]);
}

export type AdminFormat = ReturnType<typeof useAdminFormat>;
