import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Category } from '../report/reportTypes';
import type { DashboardFilters, StatusFilter, TimeWindow } from './dashboardApi';

const WINDOWS: readonly TimeWindow[] = ['day', 'week', 'month'];
const STATUSES: readonly Exclude<StatusFilter, ''>[] = ['open', 'resolved'];

export function DashboardFiltersBar({
  categories,
  filters,
  onChange,
}: {
  categories: readonly Category[];
  filters: DashboardFilters;
  onChange(next: DashboardFilters): void;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const groups = useMemo(() => {
    const seen = new Map<string, string>();
    for (const category of categories) if (!seen.has(category.groupCode)) seen.set(category.groupCode, en ? category.groupEn : category.groupVi);
    return [...seen];
  }, [categories, en]);
  const shownCategories = filters.group ? categories.filter((category) => category.groupCode === filters.group) : categories;

  return (
    <form className="dashboard-filters map-panel" onSubmit={(event) => event.preventDefault()} aria-label={t('dashboard.filters')} data-testid="dashboard-filters">
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
        <select value={filters.category} onChange={(event) => onChange({ ...filters, category: event.target.value })} data-testid="dashboard-category">
          <option value="">{t('dashboard.all')}</option>
          {shownCategories.map((category) => (
            <option key={category.code} value={category.code}>
              {en ? category.nameEn : category.nameVi}
            </option>
          ))}
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
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`dashboard.statuses.${status}`)}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="dashboard-filters__window">
        <legend>{t('dashboard.window')}</legend>
        {WINDOWS.map((window) => (
          <label key={window}>
            <input
              type="radio"
              name="dashboard-window"
              value={window}
              checked={filters.window === window}
              onChange={() => onChange({ ...filters, window })}
              data-testid={`dashboard-window-${window}`}
            />
            {t(`dashboard.windows.${window}`)}
          </label>
        ))}
      </fieldset>
    </form>
  );
}
