import { useTranslation } from 'react-i18next';
import { FieldMessage } from '../../ui/FieldMessage';

export interface DurationDraft {
  hours: string;
  minutes: string;
}

export function draftOfMinutes(total: number): DurationDraft {
  return { hours: String(Math.floor(total / 60)), minutes: String(total % 60) };
}

/** Whole minutes of a draft, or null when a part is not a whole number ≥ 0 or the total is 0. */
export function minutesOfDraft(draft: DurationDraft): number | null {
  const part = (text: string) => (text.trim() === '' ? 0 : /^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN);
  const total = part(draft.hours) * 60 + part(draft.minutes);
  return Number.isFinite(total) && total > 0 ? total : null;
}

interface DurationFieldProps {
  id: string;
  testId: string;
  legend: string;
  value: DurationDraft;
  onChange(value: DurationDraft): void;
  error: string | null;
  hint?: string;
}

/** A target entered as hours and minutes; the API takes minutes. */
export function DurationField({ id, testId, legend, value, onChange, error, hint }: DurationFieldProps) {
  const { t } = useTranslation();
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className="field admin-field admin-duration" data-testid={testId}>
      <legend>{legend}</legend>
      <div className="admin-duration__parts">
        {(['hours', 'minutes'] as const).map((part) => (
          <label key={part}>
            <input
              type="number"
              inputMode="numeric"
              min={0}
              max={part === 'minutes' ? 59 : undefined}
              step={1}
              value={value[part]}
              onChange={(event) => onChange({ ...value, [part]: event.target.value })}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy}
              data-testid={`${testId}-${part}`}
            />
            <span>{t(`admin.sla.form.${part}Unit`)}</span>
          </label>
        ))}
      </div>
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      <FieldMessage id={`${id}-error`} testId={`${testId}-error`} message={error} />
    </fieldset>
  );
}
