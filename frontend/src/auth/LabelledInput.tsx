import type { InputHTMLAttributes } from 'react';

interface LabelledInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange'> {
  id: string;
  label: string;
  testId: string;
  value: string;
  onValue(value: string): void;
}

/** A label and its text input, as the sign-in and account set-up forms stack them. */
export function LabelledInput({ label, testId, onValue, ...input }: LabelledInputProps) {
  return (
    <>
      <label htmlFor={input.id}>{label}</label>
      <input {...input} onChange={(event) => onValue(event.target.value)} data-testid={testId} />
    </>
  );
}
