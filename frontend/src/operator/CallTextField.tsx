import type { InputHTMLAttributes } from 'react';
import { FieldMessage } from '../ui/FieldMessage';
import { FormField } from '../ui/FormField';

interface CallTextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange'> {
  /** The input's id and test id; its error message takes `<id>-error`. */
  id: string;
  label: string;
  value: string;
  error: string | null;
  onValueChange(value: string): void;
}

/** A one-line text field of the call form, with its error message below it. */
export function CallTextField({ id, label, error, onValueChange, ...input }: CallTextFieldProps) {
  const errorId = `${id}-error`;
  return (
    <FormField className="field call-field" htmlFor={id} label={label}>
      <input
        id={id}
        type="text"
        autoComplete="off"
        {...input}
        onChange={(event) => onValueChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        data-testid={id}
      />
      <FieldMessage id={errorId} testId={errorId} message={error} />
    </FormField>
  );
}
