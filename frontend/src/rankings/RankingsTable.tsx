import { useTranslation } from 'react-i18next';
import type { AdminFormat } from '../admin/useAdminFormat';
import type { UnitRanking } from './useRankings';

interface RankingsTableProps {
  units: readonly UnitRanking[];
  format: AdminFormat;
  period: { from: string; to: string };
}

/** The units in the API's order: ranked ones first, then those that resolved nothing (no rank). */
export function RankingsTable({ units, format, period }: RankingsTableProps) {
  const { t } = useTranslation();
  const rating = new Intl.NumberFormat(format.locale, { minimumFractionDigits: 1, maximumFractionDigits: 2 });

  return (
    <div className="admin-table-wrap">
      <table className="admin-table rankings-table" data-testid="rankings-table" data-from={period.from} data-to={period.to}>
        <thead>
          <tr>
            <th scope="col" className="admin-number">
              {t('rankings.table.rank')}
            </th>
            <th scope="col">{t('rankings.table.unit')}</th>
            <th scope="col">{t('rankings.table.kind')}</th>
            <th scope="col" className="admin-number">
              {t('rankings.table.received')}
            </th>
            <th scope="col" className="admin-number">
              {t('rankings.table.resolved')}
            </th>
            <th scope="col" className="admin-number">
              {t('rankings.table.onTime')}
            </th>
            <th scope="col" className="admin-number">
              {t('rankings.table.rate')}
            </th>
            <th scope="col" className="admin-number">
              {t('rankings.table.satisfaction')}
            </th>
          </tr>
        </thead>
        <tbody>
          {units.map((unit) => (
            <tr
              key={unit.unitId}
              data-testid="rankings-row"
              data-unit-id={unit.unitId}
              data-rank={unit.rank ?? ''}
              className={unit.rank === null ? 'rankings-row--unranked' : undefined}
            >
              <td className="admin-number" data-testid="rankings-rank">
                {unit.rank === null ? (
                  <span title={t('rankings.unranked')}>—</span>
                ) : (
                  <span className={`rankings-rank rankings-rank--${Math.min(unit.rank, 4)}`}>{unit.rank}</span>
                )}
              </td>
              <td data-testid="rankings-name">{format.english && unit.nameEn ? unit.nameEn : unit.name}</td>
              <td>{t(`unitKinds.${unit.kind}`)}</td>
              <td className="admin-number">{format.integer(unit.received)}</td>
              <td className="admin-number">{format.integer(unit.resolved)}</td>
              <td className="admin-number">{format.integer(unit.resolvedOnTime)}</td>
              <td className="admin-number" data-testid="rankings-rate">
                <span className="admin-rate">
                  <span className="admin-rate__bar" aria-hidden="true">
                    <span style={{ width: `${Math.round((unit.onTimeRate ?? 0) * 100)}%` }} />
                  </span>
                  {format.percent(unit.onTimeRate)}
                </span>
              </td>
              <td className="admin-number">
                {unit.satisfaction.average === null
                  ? '—'
                  : t('rankings.rating', { value: rating.format(unit.satisfaction.average), count: unit.satisfaction.count })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
