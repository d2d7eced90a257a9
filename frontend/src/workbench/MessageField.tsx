import type { ReactNode, TextareaHTMLAttributes } from 'react';
import { FormField } from '../ui/FormField';

interface MessageFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange'> {
  id: string;
  label: ReactNode;
  value: string;
  testId: string;
  help?: string;
  invalid?: boolean;
  onChange(value: string): void;
}

/** A labelled text box of a ticket form, with an optional help line below it. */
export function MessageField({ label, testId, help, invalid, onChange, ...textarea }: MessageFieldProps) {
  return (
    <FormField className="wb-field" htmlFor={textarea.id} label={label}>
      <textarea {...textarea} data-testid={testId} aria-invalid={invalid || undefined} onChange={(event) => onChange(event.target.value)} />
      {help && <small className="admin-muted">{help}</small>}
    </FormField>
  );
}
