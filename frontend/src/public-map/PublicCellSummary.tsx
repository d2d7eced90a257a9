import { useTranslation } from 'react-i18next';
import type { LoadState } from '../api/loadState';
import type { PublicCell } from './publicMapQueries';

/** What a clicked public cell holds: counts by public category from 5 on, or nothing under 5 reports. */
export function PublicCellSummary({ cell }: { cell: LoadState<PublicCell> }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  if (cell.status === 'error') return <p role="alert">{t('publicMap.cellError')}</p>;
  if (!cell.data) return <p role="status">{t('common.loading')}</p>;
  if (cell.data.hidden) {
    return (
      <p data-testid="public-cell" data-hidden="true">
        {t('publicMap.cellHidden')}
      </p>
    );
  }
  return (
    <div className="public-cell" data-testid="public-cell" data-hidden="false" data-total={cell.data.total}>
      <strong>{t('publicMap.cellTitle')}</strong>
      <p>{t('publicMap.cellTotal', { count: cell.data.total })}</p>
      <ul>
        {cell.data.categories.map((row) => (
          <li key={row.category} data-category={row.category} data-count={row.count}>
            <span>{en ? row.nameEn : row.name}</span>
            <span>{row.count}</span>
          </li>
        ))}
        {cell.data.others > 0 && (
          <li data-category="" data-count={cell.data.others}>
            <span>{t('publicMap.cellOthers')}</span>
            <span>{cell.data.others}</span>
          </li>
        )}
      </ul>
    </div>
  );
}
