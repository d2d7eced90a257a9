import type { ReactNode } from 'react';
import { FieldMessage } from '../ui/FieldMessage';
import { RadioInput } from './RadioInput';

interface ChoiceFieldProps<V extends string> {
  /** The fieldset's data-testid and the radios' name; a radio is `<testId>-<choice>`, the error `<testId>-error`. */
  testId: string;
  legend: string;
  choices: readonly V[];
  value: V;
  onChange(choice: V): void;
  label(choice: V): string;
  /** A line under the choice's label that says what it does. */
  hint(choice: V): string;
  /** Drawn between the radio and the label (the calendar's colour swatch). */
  mark?(choice: V): ReactNode;
  error: string | null;
}

/** One of a few choices, each explained under its label. */
export function ChoiceField<V extends string>({ testId, legend, choices, value, onChange, label, hint, mark, error }: ChoiceFieldProps<V>) {
  return (
    <fieldset className="field admin-field" data-testid={testId}>
      <legend>{legend}</legend>
      {choices.map((choice) => (
        <label key={choice} className="admin-check">
          <RadioInput name={testId} value={choice} checked={value} onChange={onChange} />
          {mark?.(choice)}
          <span>
            {label(choice)}
            <span className="field__hint field__hint--inline">{hint(choice)}</span>
          </span>
        </label>
      ))}
      <FieldMessage id={`${testId}-error`} testId={`${testId}-error`} message={error} />
    </fieldset>
  );
}
