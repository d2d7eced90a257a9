import { useTranslation } from 'react-i18next';
import type { AdminCategory, WardName } from '../adminQueries';
import { CategorySelect } from '../CategorySelect';
import type { WardChoice } from './wardChoice';
import { WardPicker } from './WardPicker';

export interface RuleFilterValues {
  category: string;
  /** null: every place; city: only city-wide rules; ward: that ward's rules. */
  ward: WardChoice | null;
  activeOnly: boolean;
}

export const NO_FILTERS: RuleFilterValues = { category: '', ward: null, activeOnly: true };

interface RuleFiltersProps {
  values: RuleFilterValues;
  onChange(values: RuleFilterValues): void;
  categories: readonly AdminCategory[];
  wards: readonly WardName[];
  wardsBusy: boolean;
}

export function RuleFilters({ values, onChange, categories, wards, wardsBusy }: RuleFiltersProps) {
  const { t } = useTranslation();
  const filtered = values.category !== '' || values.ward !== null || !values.activeOnly;
  return (
    <form className="admin-filters" role="search" onSubmit={(event) => event.preventDefault()} data-testid="routing-filters">
      <div className="field admin-field">
        <label htmlFor="filter-category">{t('admin.routing.filters.category')}</label>
        <CategorySelect
          id="filter-category"
          testId="routing-filter-category"
          categories={categories}
          value={values.category}
          onChange={(category) => onChange({ ...values, category })}
          emptyLabel={t('admin.routing.filters.allCategories')}
        />
      </div>
      <WardPicker
        label={t('admin.routing.filters.ward')}
        testId="routing-filter-ward"
        wards={wards}
        value={values.ward}
        onChange={(ward) => onChange({ ...values, ward })}
        cityWide
        placeholder={t('admin.routing.filters.wardPlaceholder')}
        busy={wardsBusy}
      />
      <label className="admin-check">
        <input
          type="checkbox"
          checked={values.activeOnly}
          onChange={(event) => onChange({ ...values, activeOnly: event.target.checked })}
          data-testid="routing-filter-active"
        />
        {t('admin.routing.filters.activeOnly')}
      </label>
      {filtered && (
        <button type="button" className="button button--secondary" onClick={() => onChange(NO_FILTERS)} data-testid="routing-filter-clear">
          {t('admin.routing.filters.clear')}
        </button>
      )}
    </form>
  );
}
