import { useId, useMemo, useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { WardName } from '../adminTypes';
import { FieldMessage } from '../FieldMessage';
import { indexWards, matchesCityWide, matchWards, type WardChoice } from './wardChoice';

const MAX_OPTIONS = 12;

interface WardPickerProps {
  label: string;
  testId: string;
  wards: readonly WardName[];
  value: WardChoice | null;
  onChange(choice: WardChoice | null): void;
  /** Offer "city-wide" as the first choice. */
  cityWide: boolean;
  placeholder: string;
  error?: string | null;
  inputRef?: Ref<HTMLInputElement>;
  busy?: boolean;
}

type Option = { kind: 'city' } | { kind: 'ward'; ward: WardName };

/**
 * Type-ahead over the 168 current wards and communes (WAI-ARIA combobox): the list filters as
 * one types, arrows move, Enter picks, Escape closes. Typing after a pick drops the pick.
 */
export function WardPicker({ label, testId, wards, value, onChange, cityWide, placeholder, error = null, inputRef, busy = false }: WardPickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const listId = `${id}-list`;
  const errorId = `${id}-error`;
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const index = useMemo(() => indexWards(wards), [wards]);

  const cityLabel = t('admin.routing.cityWide');
  const text = value === null ? query : value.kind === 'city' ? cityLabel : value.name;
  const options = useMemo<Option[]>(() => {
    const list: Option[] = matchWards(index, query, MAX_OPTIONS).map((ward) => ({ kind: 'ward', ward }));
    return cityWide && matchesCityWide(query, [cityLabel, 'toan thanh pho', 'city-wide']) ? [{ kind: 'city' }, ...list] : list;
  }, [index, query, cityWide, cityLabel]);
  const highlighted = Math.min(active, Math.max(0, options.length - 1));

  const pick = (option: Option) => {
    onChange(option.kind === 'city' ? { kind: 'city' } : { kind: 'ward', code: option.ward.code, name: option.ward.name });
    setQuery('');
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open) setOpen(true);
        else setActive((highlighted + 1) % Math.max(1, options.length));
        break;
      case 'ArrowUp':
        event.preventDefault();
        setActive((highlighted - 1 + options.length) % Math.max(1, options.length));
        break;
      case 'Enter':
        if (open && options.length > 0) {
          event.preventDefault();
          pick(options[highlighted]);
        }
        break;
      case 'Escape':
        if (open) {
          event.preventDefault();
          event.stopPropagation();
          setOpen(false);
        }
        break;
      default:
        break;
    }
  };

  const optionKey = (option: Option) => (option.kind === 'city' ? 'city' : option.ward.code);

  return (
    <div className="admin-field admin-combobox">
      <label htmlFor={id}>{label}</label>
      <div className="admin-combobox__anchor">
        <input
          id={id}
          ref={inputRef}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open && options.length > 0 ? `${id}-option-${highlighted}` : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          placeholder={placeholder}
          value={text}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
            setOpen(true);
            if (value !== null) onChange(null);
          }}
          onFocus={(event) => {
            event.target.select();
            setOpen(true);
          }}
          onClick={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
          data-testid={testId}
          data-value={value === null ? '' : value.kind === 'city' ? 'city' : value.code}
        />
        <ul id={listId} role="listbox" aria-label={label} className="admin-combobox__list" hidden={!open} aria-busy={busy} data-testid={`${testId}-options`}>
          {options.map((option, position) => (
            <li
              key={optionKey(option)}
              id={`${id}-option-${position}`}
              role="option"
              aria-selected={position === highlighted}
              className={option.kind === 'city' ? 'admin-combobox__option admin-combobox__option--city' : 'admin-combobox__option'}
              // mousedown, not click: the input's blur would close the list before a click lands.
              onMouseDown={(event) => {
                event.preventDefault();
                pick(option);
              }}
              onMouseEnter={() => setActive(position)}
              data-testid={`${testId}-option`}
              data-code={optionKey(option)}
            >
              {option.kind === 'city' ? cityLabel : option.ward.name}
            </li>
          ))}
          {options.length === 0 && (
            <li className="admin-combobox__empty" role="presentation">
              {busy ? t('common.loading') : t('admin.routing.wardEmpty')}
            </li>
          )}
        </ul>
      </div>
      <FieldMessage id={errorId} testId={`${testId}-error`} message={error} />
    </div>
  );
}
