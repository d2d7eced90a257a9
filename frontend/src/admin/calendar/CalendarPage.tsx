import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useCalendar, type CalendarDay } from '../adminQueries';
import { AdminPage } from '../AdminPage';
import { cityToday } from '../cityTime';
import { LoadProblem } from '../LoadProblem';
import { useAdminFormat } from '../useAdminFormat';
import { useCanEdit } from '../useCanEdit';
import { CalendarLegend } from './CalendarLegend';
import { workingWeekdaysOf } from './calendarDates';
import { DayEditor } from './DayEditor';
import { HoursEditor } from './HoursEditor';
import { MonthGrid } from './MonthGrid';

// The years the server's holiday rules and lunar conversion cover (calendar.dto.ts).
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;
const MONTHS = Array.from({ length: 12 }, (_, index) => index + 1);

function yearOf(param: string | null, today: string): number {
  const year = Number(param);
  return Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR ? year : Number(today.slice(0, 4));
}

/** /admin/calendar?year=2026: the work calendar SLA deadlines are counted on. */
export default function CalendarPage() {
  const { t } = useTranslation();
  const canEdit = useCanEdit();
  const format = useAdminFormat();
  const [params, setParams] = useSearchParams();
  const today = cityToday();
  const year = yearOf(params.get('year'), today);
  const calendar = useCalendar(year);
  const [selected, setSelected] = useState<string | null>(null);
  // What was saved, not its wording, so a language switch re-words it.
  const [notice, setNotice] = useState<{ kind: 'hoursSaved' } | { kind: 'daySaved' | 'dayCleared'; date: string } | null>(null);

  const view = calendar.data && calendar.data.year === year ? calendar.data : null;
  const entries = useMemo(() => new Map<string, CalendarDay>((view?.days ?? []).map((day) => [day.date, day])), [view]);
  const workingWeekdays = useMemo(() => workingWeekdaysOf(view?.hours ?? []), [view]);
  const counts = { holiday: 0, compensatory: 0, working_day: 0 };
  for (const day of view?.days ?? []) counts[day.kind] += 1;

  const goToYear = (next: number) => {
    setSelected(null);
    setNotice(null);
    setParams({ year: String(next) }, { replace: true });
  };

  return (
    <AdminPage
      testId="admin-calendar-page"
      texts="admin.calendar"
      actions={
        <div className="calendar-year" role="group" aria-label={t('admin.calendar.year')}>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => goToYear(year - 1)}
            disabled={year <= MIN_YEAR}
            data-testid="calendar-prev-year"
            aria-label={t('admin.calendar.previousYear')}
          >
            ‹
          </button>
          <span className="calendar-year__value" data-testid="calendar-year" aria-live="polite">
            {year}
          </span>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => goToYear(year + 1)}
            disabled={year >= MAX_YEAR}
            data-testid="calendar-next-year"
            aria-label={t('admin.calendar.nextYear')}
          >
            ›
          </button>
        </div>
      }
    >
      <div className="calendar-toolbar">
        <CalendarLegend />
        {view && (
          <p className="admin-muted" data-testid="calendar-counts">
            {t('admin.calendar.counts', counts)}
          </p>
        )}
      </div>
      {notice && (
        <p className="admin-notice" role="status" data-testid="calendar-notice">
          {notice.kind === 'hoursSaved'
            ? t('admin.calendar.notices.hoursSaved')
            : t(`admin.calendar.notices.${notice.kind}`, { date: format.date(notice.date) })}
        </p>
      )}
      {canEdit && <p className="admin-muted">{t('admin.calendar.clickHint')}</p>}

      <LoadProblem data={calendar} testId="calendar" />
      {view && (
        <>
          <div className="calendar-year-grid" data-testid="calendar-year-grid" data-year={year} aria-busy={calendar.isFetching}>
            {MONTHS.map((month) => (
              <MonthGrid
                key={month}
                year={year}
                month={month}
                entries={entries}
                workingWeekdays={workingWeekdays}
                today={today}
                selected={selected}
                onSelect={(date) => canEdit && setSelected(date)}
              />
            ))}
          </div>
          <HoursEditor
            key={JSON.stringify(view.hours.map(({ weekday, start, end }) => [weekday, start, end]))}
            hours={view.hours}
            canEdit={canEdit}
            onSaved={() => setNotice({ kind: 'hoursSaved' })}
          />
        </>
      )}

      {selected && (
        <DayEditor
          key={selected}
          date={selected}
          entry={entries.get(selected)}
          workingWeekdays={workingWeekdays}
          onCancel={() => setSelected(null)}
          onSaved={(outcome) => {
            setNotice({ kind: outcome === 'saved' ? 'daySaved' : 'dayCleared', date: selected });
            setSelected(null);
          }}
        />
      )}
    </AdminPage>
  );
}
