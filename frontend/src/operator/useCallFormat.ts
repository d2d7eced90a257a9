import { useTranslation } from 'react-i18next';
import { cityDateTime } from '../i18n/cityDateTime';
import type { CategoryRef } from '../api/intakeQueries';

const STATUSES = ['new', 'assigned', 'in_progress', 'waiting_citizen', 'resolved', 'reopened', 'closed', 'rejected', 'merged'] as const;
type KnownStatus = (typeof STATUSES)[number];

function isKnownStatus(status: string): status is KnownStatus {
  return (STATUSES as readonly string[]).includes(status);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Labels and numbers of the console in the active language. */
export function useCallFormat() {
  const { t, i18n } = useTranslation();
  const english = i18n.resolvedLanguage === 'en';
  const locale = english ? 'en-GB' : 'vi-VN';
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });

  return {
    english,
    /** A status as sent by the API; one this console does not know is shown as sent. */
    status: (status: string) => (isKnownStatus(status) ? t(`operator.status.${status}`) : status),
    category: (category: CategoryRef) => (english ? category.nameEn : category.nameVi),
    /** "3 hours ago": how long ago a ticket was filed, as the operator says it to the caller. */
    age: (iso: string, now = Date.now()) => {
      const elapsed = now - Date.parse(iso);
      if (!Number.isFinite(elapsed)) return '';
      if (elapsed < MINUTE) return t('operator.duplicates.justNow');
      if (elapsed < HOUR) return relative.format(-Math.max(0, Math.round(elapsed / MINUTE)), 'minute');
      if (elapsed < DAY) return relative.format(-Math.round(elapsed / HOUR), 'hour');
      return relative.format(-Math.round(elapsed / DAY), 'day');
    },
    dateTime: cityDateTime(locale),
    metres: (distance: number) => t('operator.duplicates.distance', { distance: integer.format(Math.round(distance)) }),
    /** m:ss of a call. */
    duration: (ms: number) => {
      const seconds = Math.max(0, Math.floor(ms / 1000));
      return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
    },
  };
}

export type CallFormat = ReturnType<typeof useCallFormat>;
