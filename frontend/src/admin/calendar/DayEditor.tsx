import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteCalendarDay, putCalendarDay } from '../adminApi';
import { errorsFromFailure, useErrorText, type FormErrors } from '../adminErrors';
import { CALENDAR_DAY_KINDS, type CalendarDay, type CalendarDayKind } from '../adminTypes';
import { FieldMessage } from '../FieldMessage';
import { useAdminFormat } from '../useAdminFormat';
import { isoWeekday, suggestedKind, type WeekdayKey } from './calendarDates';

type DayField = 'kind' | 'name';

interface DayEditorProps {
  date: string;
  entry: CalendarDay | undefined;
  workingWeekdays: ReadonlySet<number>;
  token: string;
  onSaved(message: 'saved' | 'cleared'): void;
  onCancel(): void;
}

/** Sets or clears one day's entry: a holiday, a compensatory day off, or a swapped working day. */
export function DayEditor({ date, entry, workingWeekdays, token, onSaved, onCancel }: DayEditorProps) {
  const { t } = useTranslation();
  const format = useAdminFormat();
  const errorText = useErrorText();
  const [kind, setKind] = useState<CalendarDayKind>(entry?.kind ?? suggestedKind(date, workingWeekdays));
  const [name, setName] = useState(entry?.name ?? '');
  const [errors, setErrors] = useState<FormErrors<DayField>>({});
  const [busy, setBusy] = useState<'save' | 'clear' | null>(null);
  const ref = useRef<HTMLDialogElement>(null);
  const weekday = String(isoWeekday(date)) as WeekdayKey;
  const normallyWorking = workingWeekdays.has(isoWeekday(date));

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const fieldOf = (field: string): DayField | 'form' => (field === 'kind' || field === 'name' ? field : 'form');

  const save = async () => {
    if (busy) return;
    if (name.trim() === '') {
      setErrors({ name: { key: 'nameRequired' } });
      return;
    }
    setBusy('save');
    try {
      await putCalendarDay(date, { kind, name: name.trim() }, token);
      onSaved('saved');
    } catch (error) {
      setErrors(errorsFromFailure(error, fieldOf));
      setBusy(null);
    }
  };

  const clear = async () => {
    if (busy) return;
    setBusy('clear');
    try {
      await deleteCalendarDay(date, token);
      onSaved('cleared');
    } catch (error) {
      setErrors(errorsFromFailure(error, fieldOf));
      setBusy(null);
    }
  };

  return (
    <dialog
      ref={ref}
      className="admin-dialog"
      aria-labelledby="day-editor-title"
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
      data-testid="calendar-day-editor"
      data-date={date}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
        noValidate
      >
        <h2 id="day-editor-title">
          {t(`admin.calendar.weekdays.${weekday}`)}, {format.date(date)}
        </h2>
        <p className="admin-muted">{normallyWorking ? t('admin.calendar.editor.normallyWorking') : t('admin.calendar.editor.normallyOff')}</p>
        {entry ? (
          <p data-testid="calendar-day-current">
            <span className={`calendar-swatch calendar-swatch--${entry.kind}`} aria-hidden="true" />
            <strong>{t(`admin.calendar.kinds.${entry.kind}`)}</strong>: {entry.name}
            <br />
            <span className="admin-muted">
              {entry.source === 'admin' ? t('admin.calendar.editor.byAdmin', { at: format.dateTime(entry.updatedAt) }) : t('admin.calendar.editor.source', { source: entry.source })}
            </span>
          </p>
        ) : (
          <p className="admin-muted" data-testid="calendar-day-current">
            {t('admin.calendar.editor.noEntry')}
          </p>
        )}

        <fieldset className="admin-field" data-testid="calendar-day-kind">
          <legend>{t('admin.calendar.editor.kind')}</legend>
          {CALENDAR_DAY_KINDS.map((option) => (
            <label key={option} className="admin-check">
              <input
                type="radio"
                name="calendar-day-kind"
                value={option}
                checked={kind === option}
                onChange={() => {
                  setKind(option);
                  setErrors({});
                }}
                data-testid={`calendar-day-kind-${option}`}
              />
              <span className={`calendar-swatch calendar-swatch--${option}`} aria-hidden="true" />
              <span>
                {t(`admin.calendar.kinds.${option}`)}
                <span className="admin-field__hint admin-field__hint--inline">{t(`admin.calendar.kindHints.${option}`)}</span>
              </span>
            </label>
          ))}
          <FieldMessage id="calendar-day-kind-error" testId="calendar-day-kind-error" message={errorText(errors.kind)} />
        </fieldset>

        <div className="admin-field">
          <label htmlFor="calendar-day-name">{t('admin.calendar.editor.name')}</label>
          <input
            id="calendar-day-name"
            type="text"
            maxLength={200}
            value={name}
            placeholder={t('admin.calendar.editor.namePlaceholder')}
            onChange={(event) => {
              setName(event.target.value);
              setErrors({});
            }}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? 'calendar-day-name-error' : undefined}
            data-testid="calendar-day-name"
          />
          <FieldMessage id="calendar-day-name-error" testId="calendar-day-name-error" message={errorText(errors.name)} />
        </div>

        <FieldMessage id="calendar-day-form-error" testId="calendar-day-error" message={errorText(errors.form)} />
        <div className="admin-actions">
          <button type="submit" className="button" disabled={busy !== null} data-testid="calendar-day-save">
            {busy === 'save' ? t('admin.common.saving') : t('admin.calendar.editor.save')}
          </button>
          {entry && (
            <button type="button" className="button button--danger-quiet" onClick={() => void clear()} disabled={busy !== null} data-testid="calendar-day-clear">
              {busy === 'clear' ? t('admin.common.working') : t('admin.calendar.editor.clear')}
            </button>
          )}
          <button type="button" className="button button--secondary" onClick={onCancel} disabled={busy !== null} data-testid="calendar-day-cancel">
            {t('admin.common.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
