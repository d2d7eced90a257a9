import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface FormActionsProps {
  submitLabel: string;
  submitTestId: string;
  cancelTestId: string;
  /** A destructive action gets the red button; anything else the plain one. */
  danger?: boolean;
  /** A request is on its way: neither button may start another. */
  busy: boolean;
  onCancel(): void;
  /** Buttons between the two (clearing a calendar day). */
  children?: ReactNode;
}

/** The row under an admin form or dialog: submit first, cancel last. */
export function FormActions({ submitLabel, submitTestId, cancelTestId, danger = false, busy, onCancel, children }: FormActionsProps) {
  const { t } = useTranslation();
  return (
    <div className="admin-actions">
      <button type="submit" className={danger ? 'button button--danger' : 'button'} disabled={busy} data-testid={submitTestId}>
        {submitLabel}
      </button>
      {children}
      <button type="button" className="button button--secondary" onClick={onCancel} disabled={busy} data-testid={cancelTestId}>
        {t('admin.common.cancel')}
      </button>
    </div>
  );
}
