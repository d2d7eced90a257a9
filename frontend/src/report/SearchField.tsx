import type { InputHTMLAttributes, Ref } from 'react';

interface SearchFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'onKeyDown' | 'type'> {
  id: string;
  label: string;
  value: string;
  inputRef?: Ref<HTMLInputElement>;
  onValueChange(value: string): void;
  /** Enter takes the best match rather than submitting the whole report. */
  onEnter(): void;
}

/** The labelled search box of a report picker. */
export function SearchField({ id, label, inputRef, onValueChange, onEnter, ...input }: SearchFieldProps) {
  return (
    <>
      <label htmlFor={id} className="report-label">
        {label}
      </label>
      <input
        ref={inputRef}
        id={id}
        type="search"
        className="report-input"
        autoComplete="off"
        {...input}
        onChange={(event) => onValueChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            onEnter();
          }
        }}
      />
    </>
  );
}
