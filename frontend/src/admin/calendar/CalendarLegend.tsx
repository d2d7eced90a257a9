import { useTranslation } from 'react-i18next';

const ITEMS = ['holiday', 'compensatory', 'working_day', 'off', 'today'] as const;

export function CalendarLegend() {
  const { t } = useTranslation();
  return (
    <ul className="calendar-legend" aria-label={t('admin.calendar.legend')} data-testid="calendar-legend">
      {ITEMS.map((item) => (
        <li key={item} data-kind={item}>
          <span className={`calendar-swatch calendar-swatch--${item}`} aria-hidden="true" />
          {t(`admin.calendar.kinds.${item}`)}
        </li>
      ))}
    </ul>
  );
}
