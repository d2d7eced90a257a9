import type { ReactNode } from 'react';
import { FormActions } from './FormActions';
import { FormPanel } from './FormPanel';

interface AdminFormProps {
  /** Names the test ids: `<name>-form`, `<name>-submit`, `<name>-cancel`. */
  name: string;
  title: string;
  submitLabel: string;
  busy: boolean;
  onSubmit(): void;
  onCancel(): void;
  /** The fields, laid out in the form's grid. */
  fields: ReactNode;
  /** What the request failed with, above the buttons. */
  error: ReactNode;
  /** Between the fields and the error: what saving will do. */
  children?: ReactNode;
}

/** A form that adds or changes one admin record: its fields, what saving will do, the failure, submit and cancel. */
export function AdminForm({ name, title, submitLabel, busy, onSubmit, onCancel, fields, error, children }: AdminFormProps) {
  return (
    <FormPanel testId={`${name}-form`} title={title} className="admin-form" onSubmit={onSubmit}>
      <div className="admin-form__grid">{fields}</div>
      {children}
      {error}
      <FormActions
        submitLabel={submitLabel}
        submitTestId={`${name}-submit`}
        cancelTestId={`${name}-cancel`}
        busy={busy}
        onCancel={onCancel}
      />
    </FormPanel>
  );
}
