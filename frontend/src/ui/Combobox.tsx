import { useEffect, useId, useState, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { FieldMessage } from './FieldMessage';

/** data-* attributes for tests and styles. */
export type DataAttributes = { [name: `data-${string}`]: string | undefined };

/** More of an option's attributes: a modifier class, data-* the tests read. */
export type OptionAttributes = { className?: string } & DataAttributes;

interface ComboboxProps<T> {
  /** The screen's field class (call-field, admin-field): its layout and the size of the list. */
  className: string;
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
  optionAttributes?(option: T): OptionAttributes;
  onPick(option: T): void;
  /**
   * A list short enough to browse before typing (the wards): it opens on focus and on click,
   * focus selects the text so typing replaces the pick, the arrows go round, and Enter picks
   * only from the open list, otherwise it submits the form. Without it the list waits for
   * typed text and Enter always picks: the call console moves on from each field by Enter.
   */
  browse?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  /** data-* attributes of the input (the picked value, for tests). */
  inputAttributes?: DataAttributes;
  placeholder?: string;
  /** Results for the current text are still on their way: an Enter waits for them. */
  busy?: boolean;
  /** Shown in the open list when the text matches nothing. */
  emptyText: string;
  /** Shown in the open list while the options are on their way; without it the list stays empty. */
  loadingText?: string;
  error: string | null;
  /** A line under the field (the picked value's details, a hint). */
  note?: ReactNode;
}

/**
 * Keyboard-first type-ahead (WAI-ARIA combobox with a listbox popup): arrows move, Enter picks
 * the highlighted option (the first one unless moved), Escape closes the list.
 */
export function Combobox<T>({
  className,
  label,
  hideLabel = false,
  testId,
  value,
  onValueChange,
  options,
  optionKey,
  renderOption,
  optionAttributes,
  onPick,
  browse = false,
  inputRef,
  inputAttributes,
  placeholder,
  busy = false,
  emptyText,
  loadingText,
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
    // eslint-disable-next-line react-hooks/set-state-in-effect -- Enter before the answer came: the pick waits for the search to finish
    setPickWhenReady(false);
    if (options.length > 0) {
      setOpen(false);
      onPick(options[0]);
    }
  }, [pickWhenReady, busy, options, onPick]);

  const showList = open && (browse || value.trim() !== '');
  const highlighted = Math.min(active, Math.max(options.length - 1, 0));

  const move = (step: 1 | -1) => {
    if (options.length === 0) return;
    const next = highlighted + step;
    setActive(browse ? (next + options.length) % options.length : Math.min(Math.max(next, 0), options.length - 1));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open) setOpen(true);
        else move(1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        move(-1);
        break;
      case 'Enter':
        if (browse && (!showList || options.length === 0)) break;
        event.preventDefault();
        if (busy) setPickWhenReady(true);
        else if (options.length > 0) pick(options[highlighted]);
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

  const activeOption = showList && options.length > 0 ? `${id}-option-${highlighted}` : undefined;
  const emptyLine = busy ? loadingText : emptyText;

  return (
    <div className={`field ${className}`}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <div className="combobox">
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
          onFocus={(event) => {
            if (browse) event.target.select();
            if (browse || value.trim() !== '') setOpen(true);
          }}
          onClick={browse ? () => setOpen(true) : undefined}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
          data-testid={testId}
          {...inputAttributes}
        />
        <ul
          id={listId}
          role="listbox"
          aria-label={label}
          className="combobox__list"
          hidden={!showList}
          data-testid={`${testId}-options`}
          aria-busy={busy}
        >
          {options.map((option, index) => {
            const extra: OptionAttributes = optionAttributes?.(option) ?? {};
            const { className: modifier, ...data } = extra;
            return (
              <li
                key={optionKey(option)}
                id={`${id}-option-${index}`}
                role="option"
                aria-selected={index === highlighted}
                className={modifier ? `combobox__option ${modifier}` : 'combobox__option'}
                // mousedown, not click: the input's blur would close the list before a click lands.
                onMouseDown={(event) => {
                  event.preventDefault();
                  pick(option);
                }}
                onMouseEnter={() => setActive(index)}
                data-testid={`${testId}-option`}
                data-key={optionKey(option)}
                {...data}
              >
                {renderOption(option)}
              </li>
            );
          })}
          {options.length === 0 && emptyLine && (
            <li className="combobox__empty" role="presentation" data-testid={`${testId}-empty`}>
              {emptyLine}
            </li>
          )}
        </ul>
      </div>
      {note}
      <FieldMessage id={errorId} testId={`${testId}-error`} message={error} />
    </div>
  );
}
