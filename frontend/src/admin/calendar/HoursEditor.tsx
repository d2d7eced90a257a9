import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldMessage } from '../../ui/FieldMessage';
import { errorsFromFailure, useErrorText, type FormErrors } from '../adminErrors';
import { usePutWorkingHours, type HoursRange } from '../adminQueries';
import { FormPanel } from '../FormPanel';
import { useAdminFormat } from '../useAdminFormat';
import { WEEKDAYS, type WeekdayKey } from './calendarDates';
import { draftOfHours, newRange, rangeIndexOfField, requestOfDraft, type RangeDraft, type WeekDraft } from './hoursDraft';

type RowField = `row:${number}`;

/** Minutes after midnight of "HH:mm" (24:00 allowed as the end of the day), or null. */
function minuteOf(text: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const minute = Number(match[1]) * 60 + Number(match[2]);
  return Number(match[2]) < 60 && minute <= 24 * 60 ? minute : null;
}

/** Working minutes of a day as typed, for the running total (the server does the real checks). */
function dayMinutes(rows: readonly RangeDraft[]): number {
  return rows.reduce((total, row) => {
    const start = minuteOf(row.start);
    const end = minuteOf(row.end);
    return start !== null && end !== null && end > start ? total + end - start : total;
  }, 0);
}

interface HoursEditorProps {
  hours: readonly HoursRange[];
  canEdit: boolean;
  onSaved(): void;
}

/** What a range's two times look like, shown in an empty field. */
const PLACEHOLDERS = { start: '07:30', end: '11:30' };

/**
 * The weekly working hours SLA business time runs on (07:30–11:30 and 13:00–17:00, Monday to
 * Friday, in the seeded calendar). The server checks the ranges; its errors show on their rows.
 */
export function HoursEditor({ hours, canEdit, onSaved }: HoursEditorProps) {
  const { t } = useTranslation();
  const format = useAdminFormat();
  const errorText = useErrorText();
  const putHours = usePutWorkingHours();
  const [initial] = useState(() => draftOfHours(hours));
  const [week, setWeek] = useState<WeekDraft>(initial);
  const [errors, setErrors] = useState<FormErrors<RowField>>({});
  const [busy, setBusy] = useState(false);
  const dirty = JSON.stringify(requestOfDraft(week).ranges) !== JSON.stringify(requestOfDraft(initial).ranges);

  const update = (weekday: WeekdayKey, rows: RangeDraft[]) => {
    setWeek((current) => ({ ...current, [weekday]: rows }));
    setErrors({});
  };

  const save = async () => {
    if (busy) return;
    const { ranges, rowIds } = requestOfDraft(week);
    // The format is checked here so the message can say what is expected; overlaps, empty
    // ranges and a week without working time are the server's to judge.
    const malformed: FormErrors<RowField> = {};
    ranges.forEach((range, index) => {
      if (minuteOf(range.start) === null || minuteOf(range.end) === null) malformed[`row:${rowIds[index]}`] = { key: 'timeFormat' };
    });
    if (Object.keys(malformed).length > 0) {
      setErrors(malformed);
      return;
    }
    setBusy(true);
    try {
      await putHours.mutateAsync(ranges);
      onSaved();
    } catch (error) {
      setErrors(
        errorsFromFailure<RowField>(error, (field) => {
          const index = rangeIndexOfField(field);
          return index !== null && rowIds[index] !== undefined ? `row:${rowIds[index]}` : 'form';
        }),
      );
      setBusy(false);
    }
  };

  return (
    <FormPanel testId="hours-editor" title={t('admin.calendar.hours.title')} className="hours-editor" onSubmit={() => void save()}>
      <p className="admin-muted">{t('admin.calendar.hours.lead')}</p>
      <table className="admin-table hours-editor__table">
        <tbody>
          {WEEKDAYS.map((weekday) => {
            const rows = week[weekday];
            const total = dayMinutes(rows);
            return (
              <tr key={weekday} data-testid="hours-day" data-weekday={weekday}>
                <th scope="row">{t(`admin.calendar.weekdays.${weekday}`)}</th>
                <td>
                  {rows.length === 0 && <span className="admin-muted">{t('admin.calendar.hours.dayOff')}</span>}
                  <ul className="hours-editor__ranges">
                    {rows.map((row, position) => {
                      const error = errors[`row:${row.id}`];
                      const errorId = `hours-${row.id}-error`;
                      const set = (patch: Partial<RangeDraft>) =>
                        update(
                          weekday,
                          rows.map((candidate) => (candidate.id === row.id ? { ...candidate, ...patch } : candidate)),
                        );
                      return (
                        <li key={row.id} data-testid="hours-range" data-weekday={weekday} data-position={position}>
                          <span className="field hours-editor__range">
                            {(['start', 'end'] as const).map((end, index) => (
                              <Fragment key={end}>
                                {index > 0 && '–'}
                                <input
                                  type="text"
                                  inputMode="numeric"
                                  maxLength={5}
                                  placeholder={PLACEHOLDERS[end]}
                                  value={row[end]}
                                  onChange={(event) => set({ [end]: event.target.value })}
                                  readOnly={!canEdit}
                                  aria-label={t(`admin.calendar.hours.${end}`, { day: t(`admin.calendar.weekdays.${weekday}`) })}
                                  aria-invalid={error ? true : undefined}
                                  aria-describedby={error ? errorId : undefined}
                                  data-testid={`hours-${end}`}
                                />
                              </Fragment>
                            ))}
                            {canEdit && (
                              <button
                                type="button"
                                className="button button--small button--secondary"
                                onClick={() =>
                                  update(
                                    weekday,
                                    rows.filter((candidate) => candidate.id !== row.id),
                                  )
                                }
                                aria-label={t('admin.calendar.hours.remove')}
                                data-testid="hours-remove"
                              >
                                ×
                              </button>
                            )}
                          </span>
                          <FieldMessage id={errorId} testId="hours-range-error" message={errorText(error)} />
                        </li>
                      );
                    })}
                  </ul>
                </td>
                <td className="admin-nowrap admin-muted" data-testid="hours-total">
                  {total > 0 ? format.duration(total) : ''}
                </td>
                {canEdit && (
                  <td>
                    <button
                      type="button"
                      className="button button--small button--secondary"
                      onClick={() => update(weekday, [...rows, newRange()])}
                      disabled={rows.length >= 12}
                      data-testid="hours-add"
                    >
                      {t('admin.calendar.hours.add')}
                    </button>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      <FieldMessage id="hours-form-error" testId="hours-error" message={errorText(errors.form)} />
      {canEdit && (
        <div className="admin-actions">
          <button type="submit" className="button" disabled={busy || !dirty} data-testid="hours-save">
            {busy ? t('admin.common.saving') : t('admin.calendar.hours.save')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setWeek(initial);
              setErrors({});
            }}
            disabled={busy || !dirty}
            data-testid="hours-reset"
          >
            {t('admin.calendar.hours.reset')}
          </button>
        </div>
      )}
    </FormPanel>
  );
}
