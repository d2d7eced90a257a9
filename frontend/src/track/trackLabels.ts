import { useTranslation } from 'react-i18next';
import { cityDateTime } from '../i18n/cityDateTime';

const STATUSES = ['new', 'assigned', 'in_progress', 'waiting_citizen', 'resolved', 'reopened', 'closed', 'rejected', 'merged'] as const;
type Status = (typeof STATUSES)[number];

const EVENT_TYPES = [
  'created',
  'assigned',
  'transferred',
  'in_progress',
  'waiting_citizen',
  'resolved',
  'reopened',
  'closed',
  'rejected',
  'caller_attached',
  'accepted',
  'info_requested',
  'citizen_replied',
  'rated',
  'merged',
  'note',
  'personal_data_recorded',
  'personal_data_viewed',
  'personal_data_revealed',
] as const;
type EventType = (typeof EVENT_TYPES)[number];

const UNIT_KINDS = ['ward_committee', 'department', 'utility', 'city'] as const;
type UnitKind = (typeof UNIT_KINDS)[number];

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

/** Translated labels of what the API sends; a value added to the API later is shown as sent, never hidden. */
export function useTrackLabels() {
  const { t } = useTranslation();
  return {
    status: (status: string) => (isOneOf<Status>(STATUSES, status) ? t(`track.status.${status}`) : status),
    event: (type: string) => (isOneOf<EventType>(EVENT_TYPES, type) ? t(`track.events.${type}`) : t('track.events.other')),
    isKnownEvent: (type: string) => isOneOf<EventType>(EVENT_TYPES, type),
    unitKind: (kind: string) => (isOneOf<UnitKind>(UNIT_KINDS, kind) ? t(`unitKinds.${kind}`) : null),
  };
}

/** Dates in the city's own time zone, whatever the device's. */
export function useDateTimeFormat(): (iso: string) => string {
  const { i18n } = useTranslation();
  return cityDateTime(i18n.resolvedLanguage === 'en' ? 'en-GB' : 'vi-VN');
}
