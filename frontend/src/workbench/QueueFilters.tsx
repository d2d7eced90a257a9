import { useTranslation } from 'react-i18next';
import { useTrackLabels } from '../track/trackLabels';
import type { QueueFilter, queueChoices } from './queueFilter';
import { useWorkbenchFormat } from './useWorkbenchFormat';

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
      <label className="wb-field">
        <span>{t('workbench.filters.status')}</span>
        <select value={filter.status} data-testid="wb-filter-status" onChange={(event) => onChange({ status: event.target.value })}>
          <option value="">{t('workbench.filters.all')}</option>
          {choices.statuses.map((status) => (
            <option key={status} value={status}>
              {labels.status(status)}
            </option>
          ))}
        </select>
      </label>
      <label className="wb-field">
        <span>{t('workbench.filters.category')}</span>
        <select value={filter.category} data-testid="wb-filter-category" onChange={(event) => onChange({ category: event.target.value })}>
          <option value="">{t('workbench.filters.all')}</option>
          {choices.categories.map((category) => (
            <option key={category.code} value={category.code}>
              {format.category(category)}
            </option>
          ))}
        </select>
      </label>
      <label className="wb-field">
        <span>{t('workbench.filters.ward')}</span>
        <select value={filter.ward} data-testid="wb-filter-ward" onChange={(event) => onChange({ ward: event.target.value })}>
          <option value="">{t('workbench.filters.all')}</option>
          {choices.wards.map((ward) => (
            <option key={ward.code} value={ward.code}>
              {ward.name}
            </option>
          ))}
        </select>
      </label>
      <label className="wb-field">
        <span>{t('workbench.filters.from')}</span>
        <input
          type="date"
          value={filter.from}
          max={filter.to || undefined}
          data-testid="wb-filter-from"
          onChange={(event) => onChange({ from: event.target.value })}
        />
      </label>
      <label className="wb-field">
        <span>{t('workbench.filters.to')}</span>
        <input
          type="date"
          value={filter.to}
          min={filter.from || undefined}
          data-testid="wb-filter-to"
          onChange={(event) => onChange({ to: event.target.value })}
        />
      </label>
      {active && (
        <button type="button" className="button button--quiet wb-filters__clear" data-testid="wb-filter-clear" onClick={onClear}>
          {t('workbench.filters.clear')}
        </button>
      )}
    </form>
  );
}
