import type { ReactNode } from 'react';
import { FieldMessage } from '../ui/FieldMessage';

/** What ties a control to its field's label, hint and error. */
export interface FieldControl {
  id: string;
  testId: string;
  invalid: boolean;
  describedBy: string | undefined;
}

/** The attributes of a native input, select or textarea that the field gives it. */
export function controlAttributes({ id, testId, invalid, describedBy }: Partial<FieldControl> & Pick<FieldControl, 'id' | 'testId'>) {
  return { id, 'aria-invalid': invalid ? true : undefined, 'aria-describedby': describedBy, 'data-testid': testId } as const;
}

interface FormFieldProps {
  /** The control's id; the hint is `<id>-hint`, the error `<id>-error`. */
  id: string;
  /** data-testid of the control; the error's is `<testId>-error`. */
  testId: string;
  label: string;
  hint?: string;
  error: string | null;
  /** Takes the whole row of the form's grid. */
  wide?: boolean;
  children(control: FieldControl): ReactNode;
}

/** A labelled control of an admin form; it points at its error while there is one, else at its hint. */
export function FormField({ id, testId, label, hint, error, wide = false, children }: FormFieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className={wide ? 'field admin-field admin-field--wide' : 'field admin-field'}>
      <label htmlFor={id}>{label}</label>
      {children({ id, testId, invalid: Boolean(error), describedBy: error ? errorId : hint ? hintId : undefined })}
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      <FieldMessage id={errorId} testId={`${testId}-error`} message={error} />
    </div>
  );
}

interface FormSelectProps extends Omit<FormFieldProps, 'children'> {
  value: string;
  onChange(value: string): void;
  disabled?: boolean;
  /** The options. */
  children: ReactNode;
}

/** A labelled native select of an admin form. */
export function FormSelect({ value, onChange, disabled, children, ...field }: FormSelectProps) {
  return (
    <FormField {...field}>
      {(control) => (
        <select {...controlAttributes(control)} value={value} onChange={(event) => onChange(event.target.value)} disabled={disabled}>
          {children}
        </select>
      )}
    </FormField>
  );
}
