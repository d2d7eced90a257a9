import { useTranslation } from 'react-i18next';
import { useTrackLabels } from '../track/trackLabels';
import { SelectOptions } from '../ui/SelectOptions';
import type { QueueFilter, queueChoices } from './queueFilter';
import { useWorkbenchFormat } from './useWorkbenchFormat';

const DATE_FIELDS = ['from', 'to'] as const;

interface QueueFiltersProps {
  filter: QueueFilter;
  choices: ReturnType<typeof queueChoices>;
  onChange(change: Partial<QueueFilter>): void;
  onClear(): void;
}

export function QueueFilters({ filter, choices, onChange, onClear }: QueueFiltersProps) {
  const { t } = useTranslation();
  const labels = useTrackLabels();
  const format = useWorkbenchFormat();
  const active = Object.values(filter).some((value) => value !== '');
  const selects = [
    { field: 'status', options: choices.statuses.map((status) => ({ value: status, label: labels.status(status) })) },
    { field: 'category', options: choices.categories.map((category) => ({ value: category.code, label: format.category(category) })) },
    { field: 'ward', options: choices.wards.map((ward) => ({ value: ward.code, label: ward.name })) },
  ] as const;

  return (
    <form className="wb-filters" role="search" data-testid="wb-filters" onSubmit={(event) => event.preventDefault()}>
      <label className="wb-field wb-field--wide">
        <span>{t('workbench.filters.text')}</span>
        <input
          type="search"
          value={filter.text}
          placeholder={t('workbench.filters.textPlaceholder')}
          data-testid="wb-filter-text"
          onChange={(event) => onChange({ text: event.target.value })}
        />
      </label>
      {selects.map(({ field, options }) => (
        <FilterSelect
          key={field}
          label={t(`workbench.filters.${field}`)}
          value={filter[field]}
          testId={`wb-filter-${field}`}
          options={options}
          onChange={(value) => onChange({ [field]: value })}
        />
      ))}
      {DATE_FIELDS.map((field) => (
        <DateFilter key={field} field={field} filter={filter} onChange={onChange} />
      ))}
      {active && (
        <button type="button" className="button button--quiet wb-filters__clear" data-testid="wb-filter-clear" onClick={onClear}>
          {t('workbench.filters.clear')}
        </button>
      )}
    </form>
  );
}

interface FilterSelectProps {
  label: string;
  value: string;
  testId: string;
  options: readonly { value: string; label: string }[];
  onChange(value: string): void;
}

/** One drop-down of the queue filters; its empty choice shows every ticket. */
function FilterSelect({ label, value, testId, options, onChange }: FilterSelectProps) {
  const { t } = useTranslation();
  return (
    <label className="wb-field">
      <span>{label}</span>
      <select value={value} data-testid={testId} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('workbench.filters.all')}</option>
        <SelectOptions options={options} />
      </select>
    </label>
  );
}

interface DateFilterProps {
  field: (typeof DATE_FIELDS)[number];
  filter: QueueFilter;
  onChange(change: Partial<QueueFilter>): void;
}

/** One end of the date range; neither end may pass the other. */
function DateFilter({ field, filter, onChange }: DateFilterProps) {
  const { t } = useTranslation();
  return (
    <label className="wb-field">
      <span>{t(`workbench.filters.${field}`)}</span>
      <input
        type="date"
        value={filter[field]}
        min={field === 'to' ? filter.from || undefined : undefined}
        max={field === 'from' ? filter.to || undefined : undefined}
        data-testid={`wb-filter-${field}`}
        onChange={(event) => onChange({ [field]: event.target.value })}
      />
    </label>
  );
}
