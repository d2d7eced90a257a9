import type { ReactNode } from 'react';

interface FormFieldProps {
  className: string;
  /** The id of the control the label names. */
  htmlFor: string;
  label: ReactNode;
  children: ReactNode;
}

/** A form field's frame: its label, then the control and whatever stands under it. */
export function FormField({ className, htmlFor, label, children }: FormFieldProps) {
  return (
    <div className={className}>
      <label htmlFor={htmlFor}>{label}</label>
      {children}
    </div>
  );
}
