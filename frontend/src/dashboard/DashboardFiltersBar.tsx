import { useMemo, type ReactNode } from 'react';
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
      <FilterSelect name="group" value={filters.group} onChange={(group) => onChange({ ...filters, group, category: '' })}>
        <Options items={groups} value={([code]) => code} label={([, name]) => name} />
      </FilterSelect>
      <FilterSelect name="category" value={filters.category} onChange={(category) => onChange({ ...filters, category })}>
        <Options
          items={shownCategories}
          value={(category) => category.code}
          label={(category) => (en ? category.nameEn : category.nameVi)}
        />
      </FilterSelect>
      <FilterSelect name="unit" value={filters.unit} onChange={(unit) => onChange({ ...filters, unit })}>
        {(['city', 'wards'] as const).map(
          (group) =>
            unitOptions[group].length > 0 && (
              <optgroup key={group} label={t(`dashboard.unitGroups.${group}`)}>
                <Options items={unitOptions[group]} value={(unit) => unit.id} label={unitOptions.label} />
              </optgroup>
            ),
        )}
      </FilterSelect>
      <FilterSelect name="status" value={filters.status} onChange={(status) => onChange({ ...filters, status: status as StatusFilter })}>
        <Options items={STATUS_FILTERS} label={(status) => t(`dashboard.statuses.${status}`)} />
      </FilterSelect>
    </form>
  );
}

/** One filter: its name, "all" first, then its choices. */
function FilterSelect(props: { name: keyof DashboardFilters; value: string; onChange(value: string): void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <label>
      <span>{t(`dashboard.${props.name}`)}</span>
      <select value={props.value} onChange={(event) => props.onChange(event.target.value)} data-testid={`dashboard-${props.name}`}>
        <option value="">{t('dashboard.all')}</option>
        {props.children}
      </select>
    </label>
  );
}
