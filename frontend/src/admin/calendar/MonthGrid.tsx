import { useTranslation } from 'react-i18next';
import type { CalendarDay } from '../adminQueries';
import { useAdminFormat } from '../useAdminFormat';
import { WEEKDAYS, dayLook, isoWeekday, monthDates } from './calendarDates';

interface MonthGridProps {
  year: number;
  month: number;
  entries: ReadonlyMap<string, CalendarDay>;
  workingWeekdays: ReadonlySet<number>;
  today: string;
  selected: string | null;
  onSelect(date: string): void;
}

/** One month, Monday first, with its holidays and swapped days named under the grid. */
export function MonthGrid({ year, month, entries, workingWeekdays, today, selected, onSelect }: MonthGridProps) {
  const { t } = useTranslation();
  const format = useAdminFormat();
  const dates = monthDates(year, month);
  const leading = isoWeekday(dates[0]) - 1;
  const title = new Intl.DateTimeFormat(format.locale, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, 1)));
  const named = dates.filter((date) => entries.has(date));

  return (
    <section className="calendar-month" aria-labelledby={`month-${month}`} data-testid="calendar-month" data-month={month}>
      <h3 id={`month-${month}`}>{title.charAt(0).toLocaleUpperCase(format.locale) + title.slice(1)}</h3>
      <div className="calendar-grid">
        <div className="calendar-grid__row" aria-hidden="true">
          {WEEKDAYS.map((weekday) => (
            <span key={weekday} className="calendar-grid__weekday">
              {t(`admin.calendar.weekdaysShort.${weekday}`)}
            </span>
          ))}
        </div>
        <div className="calendar-grid__days">
          {Array.from({ length: leading }, (_, index) => (
            <span key={`blank-${index}`} className="calendar-grid__blank" aria-hidden="true" />
          ))}
          {dates.map((date) => {
            const entry = entries.get(date);
            const look = dayLook(date, entry, workingWeekdays);
            const label = `${format.date(date)}${entry ? ` — ${t(`admin.calendar.kinds.${entry.kind}`)}: ${entry.name}` : ''}`;
            return (
              <button
                key={date}
                type="button"
                className={[
                  'calendar-day',
                  `calendar-day--${look}`,
                  date === today ? 'calendar-day--today' : '',
                  date === selected ? 'calendar-day--selected' : '',
                ].join(' ')}
                onClick={() => onSelect(date)}
                title={label}
                aria-label={label}
                aria-pressed={date === selected}
                data-testid="calendar-day"
                data-date={date}
                data-kind={look}
              >
                {Number(date.slice(8))}
              </button>
            );
          })}
        </div>
      </div>
      {named.length > 0 && (
        <ul className="calendar-entries">
          {named.map((date) => {
            const entry = entries.get(date) as CalendarDay;
            return (
              <li key={date} data-testid="calendar-entry" data-date={date} data-kind={entry.kind}>
                <span className={`calendar-swatch calendar-swatch--${entry.kind}`} aria-hidden="true" />
                <button type="button" className="calendar-entries__date" onClick={() => onSelect(date)}>
                  {Number(date.slice(8))}/{month}
                </button>{' '}
                <span className="calendar-entries__name">{entry.name}</span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
