import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldMessage } from '../../ui/FieldMessage';
import { errorsFromFailure, useErrorText, type FormErrors } from '../adminErrors';
import { CALENDAR_DAY_KINDS, useDeleteCalendarDay, usePutCalendarDay, type CalendarDay, type CalendarDayKind } from '../adminQueries';
import { ChoiceField } from '../ChoiceField';
import { FormActions } from '../FormActions';
import { controlAttributes, FormField } from '../FormField';
import { useAdminFormat } from '../useAdminFormat';
import { isoWeekday, suggestedKind, type WeekdayKey } from './calendarDates';

type DayField = 'kind' | 'name';

interface DayEditorProps {
  date: string;
  entry: CalendarDay | undefined;
  workingWeekdays: ReadonlySet<number>;
  onSaved(message: 'saved' | 'cleared'): void;
  onCancel(): void;
}

/** Sets or clears one day's entry: a holiday, a compensatory day off, or a swapped working day. */
export function DayEditor({ date, entry, workingWeekdays, onSaved, onCancel }: DayEditorProps) {
  const { t } = useTranslation();
  const format = useAdminFormat();
  const errorText = useErrorText();
  const putDay = usePutCalendarDay();
  const deleteDay = useDeleteCalendarDay();
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

  const pickKind = (next: CalendarDayKind) => {
    setKind(next);
    setErrors({});
  };

  const save = async () => {
    if (busy) return;
    if (name.trim() === '') {
      setErrors({ name: { key: 'nameRequired' } });
      return;
    }
    setBusy('save');
    try {
      await putDay.mutateAsync({ date, kind, name: name.trim() });
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
      await deleteDay.mutateAsync(date);
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
        <p className="admin-muted">
          {normallyWorking ? t('admin.calendar.editor.normallyWorking') : t('admin.calendar.editor.normallyOff')}
        </p>
        {entry ? (
          <p data-testid="calendar-day-current">
            <span className={`calendar-swatch calendar-swatch--${entry.kind}`} aria-hidden="true" />
            <strong>{t(`admin.calendar.kinds.${entry.kind}`)}</strong>: {entry.name}
            <br />
            <span className="admin-muted">
              {entry.source === 'admin'
                ? t('admin.calendar.editor.byAdmin', { at: format.dateTime(entry.updatedAt) })
                : t('admin.calendar.editor.source', { source: entry.source })}
            </span>
          </p>
        ) : (
          <p className="admin-muted" data-testid="calendar-day-current">
            {t('admin.calendar.editor.noEntry')}
          </p>
        )}

        <ChoiceField
          testId="calendar-day-kind"
          legend={t('admin.calendar.editor.kind')}
          choices={CALENDAR_DAY_KINDS}
          value={kind}
          onChange={pickKind}
          label={(option) => t(`admin.calendar.kinds.${option}`)}
          hint={(option) => t(`admin.calendar.kindHints.${option}`)}
          mark={(option) => <span className={`calendar-swatch calendar-swatch--${option}`} aria-hidden="true" />}
          error={errorText(errors.kind)}
        />

        <FormField id="calendar-day-name" testId="calendar-day-name" label={t('admin.calendar.editor.name')} error={errorText(errors.name)}>
          {(control) => (
            <input
              {...controlAttributes(control)}
              type="text"
              maxLength={200}
              value={name}
              placeholder={t('admin.calendar.editor.namePlaceholder')}
              onChange={(event) => {
                setName(event.target.value);
                setErrors({});
              }}
            />
          )}
        </FormField>

        <FieldMessage id="calendar-day-form-error" testId="calendar-day-error" message={errorText(errors.form)} />
        <FormActions
          submitLabel={busy === 'save' ? t('admin.common.saving') : t('admin.calendar.editor.save')}
          submitTestId="calendar-day-save"
          cancelTestId="calendar-day-cancel"
          busy={busy !== null}
          onCancel={onCancel}
        >
          {entry && (
            <button
              type="button"
              className="button button--danger-quiet"
              onClick={() => void clear()}
              disabled={busy !== null}
              data-testid="calendar-day-clear"
            >
              {busy === 'clear' ? t('admin.common.working') : t('admin.calendar.editor.clear')}
            </button>
          )}
        </FormActions>
      </form>
    </dialog>
  );
}
