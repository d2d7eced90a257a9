import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from './FormActions';

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** A destructive action gets the red button; anything else the plain one. */
  danger?: boolean;
  busy: boolean;
  error: string | null;
  onConfirm(): void;
  onCancel(): void;
  testId: string;
}

/**
 * A modal confirmation (native <dialog>: focus is trapped and Escape cancels). Rendered only
 * while open; the parent unmounts it to close.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  danger = false,
  busy,
  error,
  onConfirm,
  onCancel,
  testId,
}: ConfirmDialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className="admin-dialog"
      aria-labelledby={`${testId}-title`}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
      data-testid={testId}
    >
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy) onConfirm();
        }}
      >
        <h2 id={`${testId}-title`}>{title}</h2>
        <div className="admin-dialog__body">{children}</div>
        {error && (
          <p className="field__error" role="alert" data-testid={`${testId}-error`}>
            {error}
          </p>
        )}
        <FormActions
          submitLabel={busy ? t('admin.common.working') : confirmLabel}
          submitTestId={`${testId}-confirm`}
          cancelTestId={`${testId}-cancel`}
          danger={danger}
          busy={busy}
          onCancel={onCancel}
        />
      </form>
    </dialog>
  );
}
