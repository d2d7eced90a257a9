import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from './FormActions';
import { FormPanel } from './FormPanel';

interface AdminFormProps {
  /** Names the test ids: `<name>-form`, `<name>-submit`, `<name>-cancel`. */
  name: string;
  /** The form's texts: `<texts>.title` and `<texts>.submit` (the button reads "saving…" while busy). */
  texts?: 'admin.routing.form' | 'admin.sla.form';
  /** In place of the texts' title and button. */
  title?: string;
  submitLabel?: string;
  busy: boolean;
  onSubmit(): unknown;
  onCancel(): void;
  /** The fields, laid out in the form's grid. */
  fields: ReactNode;
  /** What the request failed with, above the buttons. */
  error: ReactNode;
  /** Between the fields and the error: what saving will do. */
  children?: ReactNode;
}

/** A form that adds or changes one admin record: its fields, what saving will do, the failure, submit and cancel. */
export function AdminForm({ name, texts, busy, onSubmit, onCancel, fields, error, children, ...props }: AdminFormProps) {
  const { t } = useTranslation();
  const title = props.title ?? t(`${texts}.title` as 'admin.sla.form.title');
  const submitLabel = props.submitLabel ?? (busy ? t('admin.common.saving') : t(`${texts}.submit` as 'admin.sla.form.submit'));
  return (
    <FormPanel testId={`${name}-form`} title={title} className="admin-form" onSubmit={() => void onSubmit()}>
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
