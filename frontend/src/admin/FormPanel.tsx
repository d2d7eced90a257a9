import type { ReactNode } from 'react';

interface FormPanelProps {
  /** data-testid of the form; its heading's id is `<testId>-title`. */
  testId: string;
  title: string;
  /** The form's own class beside the panel's. */
  className: string;
  /** Runs instead of the browser's submit; the form checks its fields itself, to show each error beside its field in the page's language. */
  onSubmit(): void;
  children: ReactNode;
}

/** An admin form in a panel, named by its heading. */
export function FormPanel({ testId, title, className, onSubmit, children }: FormPanelProps) {
  return (
    <form
      className={`admin-panel ${className}`}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
      noValidate
      aria-labelledby={`${testId}-title`}
      data-testid={testId}
    >
      <h2 id={`${testId}-title`}>{title}</h2>
      {children}
    </form>
  );
}
