import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminCategory as Category } from '../admin/adminQueries';
import type { HandlingUnit } from '../api/units';
import { STATUS_FILTERS, type DashboardFilters, type StatusFilter } from './dashboardFilters';
import { Options } from '../admin/Options';

/** Departments and utilities first (few, city-wide), then the 168 ward committees by name. */
function unitGroups(units: readonly HandlingUnit[], en: boolean) {
  const label = (unit: HandlingUnit) => (en && unit.nameEn ? unit.nameEn : unit.name);
  const sorted = [...units].sort((a, b) => label(a).localeCompare(label(b), 'vi'));
  return {
    city: sorted.filter((unit) => unit.kind !== 'ward_committee'),
    wards: sorted.filter((unit) => unit.kind === 'ward_committee'),
    label,
  };
}

export function DashboardFiltersBar({
  categories,
  units,
  filters,
  onChange,
}: {
  categories: readonly Category[];
  units: readonly HandlingUnit[];
  filters: DashboardFilters;
  onChange(next: DashboardFilters): void;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const groups = useMemo(() => {
    const seen = new Map<string, string>();
    for (const category of categories)
      if (!seen.has(category.groupCode)) seen.set(category.groupCode, en ? category.groupEn : category.groupVi);
    return [...seen];
  }, [categories, en]);
  const shownCategories = filters.group ? categories.filter((category) => category.groupCode === filters.group) : categories;
  const unitOptions = useMemo(() => unitGroups(units, en), [units, en]);

  return (
    <form
      className="dashboard-filters map-panel"
      onSubmit={(event) => event.preventDefault()}
      aria-label={t('dashboard.filters')}
      data-testid="dashboard-filters"
    >
      <label>
        <span>{t('dashboard.group')}</span>
        <select
          value={filters.group}
          onChange={(event) => onChange({ ...filters, group: event.target.value, category: '' })}
          data-testid="dashboard-group"
        >
          <option value="">{t('dashboard.all')}</option>
          {groups.map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('dashboard.category')}</span>
        <select
          value={filters.category}
          onChange={(event) => onChange({ ...filters, category: event.target.value })}
          data-testid="dashboard-category"
        >
          <option value="">{t('dashboard.all')}</option>
          {shownCategories.map((category) => (
            <option key={category.code} value={category.code}>
              {en ? category.nameEn : category.nameVi}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('dashboard.unit')}</span>
        <select value={filters.unit} onChange={(event) => onChange({ ...filters, unit: event.target.value })} data-testid="dashboard-unit">
          <option value="">{t('dashboard.all')}</option>
          {(['city', 'wards'] as const).map(
            (group) =>
              unitOptions[group].length > 0 && (
                <optgroup key={group} label={t(`dashboard.unitGroups.${group}`)}>
                  {unitOptions[group].map((unit) => (
                    <option key={unit.id} value={unit.id}>
                      {unitOptions.label(unit)}
                    </option>
                  ))}
                </optgroup>
              ),
          )}
        </select>
      </label>
      <label>
        <span>{t('dashboard.status')}</span>
        <select
          value={filters.status}
          onChange={(event) => onChange({ ...filters, status: event.target.value as StatusFilter })}
          data-testid="dashboard-status"
        >
          <option value="">{t('dashboard.all')}</option>
          <Options items={STATUS_FILTERS} label={(status) => t(`dashboard.statuses.${status}`)} />
        </select>
      </label>
    </form>
  );
}
