import { useTranslation } from 'react-i18next';
import type { AdminCategory as Category } from '../admin/adminQueries';
import type { MapPick } from './useDashboardMap';
import { Term } from './Term';

/** What a recurring location or a compare cell holds, in a popup. */
export function InsightPopupContent({
  pick,
  categories,
}: {
  pick: Extract<MapPick, { kind: 'recurring' | 'change' }>;
  categories: readonly Category[];
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const date = new Intl.DateTimeFormat(en ? 'en-GB' : 'vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short' });
  const number = new Intl.NumberFormat(en ? 'en-GB' : 'vi-VN', { signDisplay: 'exceptZero' });

  if (pick.kind === 'change') {
    const { cell } = pick;
    return (
      <div className="dashboard-point" data-testid="dashboard-change-cell">
        <strong>{t('dashboard.compare.cell')}</strong>
        <dl>
          <Term label={t('dashboard.compare.current')}>{cell.current}</Term>
          <Term label={t('dashboard.compare.previous')}>{cell.previous}</Term>
          <Term label={t('dashboard.compare.delta')} className={cell.delta > 0 ? 'dashboard-point__late' : undefined}>
            {number.format(cell.delta)}
          </Term>
        </dl>
      </div>
    );
  }

  const { location } = pick;
  const category = categories.find((candidate) => candidate.code === location.category);
  return (
    <div className="dashboard-point" data-testid="dashboard-recurring">
      <strong>{category ? (en ? category.nameEn : category.nameVi) : location.categoryName}</strong>
      <dl>
        <Term label={t('dashboard.recurring.occurrences')}>{location.occurrences}</Term>
        <Term label={t('dashboard.recurring.lastClosed')}>{date.format(new Date(location.lastClosedAt))}</Term>
        <Term label={t('dashboard.recurring.lastReported')}>{date.format(new Date(location.lastReportedAt))}</Term>
      </dl>
      {location.codes.length > 0 && <p className="dashboard-point__codes">{location.codes.slice(0, 6).join(', ')}</p>}
    </div>
  );
}
