import { useMemo, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Combobox } from '../../ui/Combobox';
import type { WardName } from '../adminQueries';
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

const optionKey = (option: Option) => (option.kind === 'city' ? 'city' : option.ward.code);

/**
 * Type-ahead over the 168 current wards and communes: the list filters as one types and can be
 * browsed before typing. Typing after a pick drops the pick.
 */
export function WardPicker({
  label,
  testId,
  wards,
  value,
  onChange,
  cityWide,
  placeholder,
  error = null,
  inputRef,
  busy = false,
}: WardPickerProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const index = useMemo(() => indexWards(wards), [wards]);

  const cityLabel = t('admin.routing.cityWide');
  const options = useMemo<Option[]>(() => {
    const list: Option[] = matchWards(index, query, MAX_OPTIONS).map((ward) => ({ kind: 'ward', ward }));
    return cityWide && matchesCityWide(query, [cityLabel, 'toan thanh pho', 'city-wide']) ? [{ kind: 'city' }, ...list] : list;
  }, [index, query, cityWide, cityLabel]);

  return (
    <Combobox<Option>
      className="admin-field"
      browse
      label={label}
      testId={testId}
      value={value === null ? query : value.kind === 'city' ? cityLabel : value.name}
      onValueChange={(text) => {
        setQuery(text);
        if (value !== null) onChange(null);
      }}
      options={options}
      optionKey={optionKey}
      renderOption={(option) => (option.kind === 'city' ? cityLabel : option.ward.name)}
      optionAttributes={(option) => ({
        className: option.kind === 'city' ? 'combobox__option--city' : undefined,
        'data-code': optionKey(option),
      })}
      onPick={(option) => {
        onChange(option.kind === 'city' ? { kind: 'city' } : { kind: 'ward', code: option.ward.code, name: option.ward.name });
        setQuery('');
      }}
      inputRef={inputRef}
      inputAttributes={{ 'data-value': value === null ? '' : value.kind === 'city' ? 'city' : value.code }}
      placeholder={placeholder}
      busy={busy}
      emptyText={t('admin.routing.wardEmpty')}
      loadingText={t('common.loading')}
      error={error}
    />
  );
}
