import { useEffect, useId, useState, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { FieldError } from './FieldError';

interface ComboboxProps<T> {
  label: string;
  /** The label is read by screen readers only, when a legend above already says it. */
  hideLabel?: boolean;
  /** data-testid of the input; the list is `<testId>-options`, each option `<testId>-option` with data-key. */
  testId: string;
  value: string;
  onValueChange(text: string): void;
  options: readonly T[];
  optionKey(option: T): string;
  renderOption(option: T): ReactNode;
  onPick(option: T): void;
  inputRef?: Ref<HTMLInputElement>;
  placeholder?: string;
  /** Results for the current text are still on their way: an Enter waits for them. */
  busy?: boolean;
  /** Shown in the open list when the text matches nothing. */
  emptyText: string;
  error: string | null;
  /** A line under the field (the picked value's details, a hint). */
  note?: ReactNode;
}

/**
 * Keyboard-first type-ahead (WAI-ARIA combobox with a listbox popup): arrows move, Enter picks
 * the highlighted option (the first one unless moved), Escape closes the list.
 */
export function Combobox<T>({
  label,
  hideLabel = false,
  testId,
  value,
  onValueChange,
  options,
  optionKey,
  renderOption,
  onPick,
  inputRef,
  placeholder,
  busy = false,
  emptyText,
  error,
  note,
}: ComboboxProps<T>) {
  const id = useId();
  const listId = `${id}-list`;
  const errorId = `${id}-error`;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  // Enter typed before the results of the text arrived: pick the first result when they do.
  const [pickWhenReady, setPickWhenReady] = useState(false);

  const [seenOptions, setSeenOptions] = useState(options);
  if (seenOptions !== options) {
    setSeenOptions(options);
    setActive(0);
  }

  const pick = (option: T) => {
    setOpen(false);
    setPickWhenReady(false);
    onPick(option);
  };

  useEffect(() => {
    if (!pickWhenReady || busy) return;
    setPickWhenReady(false);
    if (options.length > 0) {
      setOpen(false);
      onPick(options[0]);
    }
  }, [pickWhenReady, busy, options, onPick]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open) setOpen(true);
        else setActive((index) => Math.min(index + 1, Math.max(options.length - 1, 0)));
        break;
      case 'ArrowUp':
        event.preventDefault();
        setActive((index) => Math.max(index - 1, 0));
        break;
      case 'Enter':
        event.preventDefault();
        if (busy) setPickWhenReady(true);
        else if (options.length > 0) pick(options[Math.min(active, options.length - 1)]);
        break;
      case 'Escape':
        if (open) {
          // Closing the list is all Escape does here; the page must not read it as "next call".
          event.preventDefault();
          event.stopPropagation();
          setOpen(false);
        }
        break;
      default:
        break;
    }
  };

  const showList = open && value.trim() !== '';
  const activeOption = showList && options.length > 0 ? `${id}-option-${Math.min(active, options.length - 1)}` : undefined;

  return (
    <div className="call-field call-combobox">
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <input
        id={id}
        ref={inputRef}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={activeOption}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        placeholder={placeholder}
        value={value}
        onChange={(event) => {
          onValueChange(event.target.value);
          setOpen(true);
        }}
        onFocus={() => value.trim() !== '' && setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        data-testid={testId}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={label}
        className="call-combobox__list"
        hidden={!showList}
        data-testid={`${testId}-options`}
        aria-busy={busy}
      >
        {options.map((option, index) => (
          <li
            key={optionKey(option)}
            id={`${id}-option-${index}`}
            role="option"
            aria-selected={index === active}
            className="call-combobox__option"
            // mousedown, not click: the input's blur would close the list before a click lands.
            onMouseDown={(event) => {
              event.preventDefault();
              pick(option);
            }}
            onMouseEnter={() => setActive(index)}
            data-testid={`${testId}-option`}
            data-key={optionKey(option)}
          >
            {renderOption(option)}
          </li>
        ))}
        {options.length === 0 && !busy && (
          <li className="call-combobox__empty" role="presentation" data-testid={`${testId}-empty`}>
            {emptyText}
          </li>
        )}
      </ul>
      {note}
      <FieldError id={errorId} testId={`${testId}-error`} message={error} />
    </div>
  );
}
