import { useTranslation } from 'react-i18next';
import { RateBar } from '../admin/RateBar';
import type { AdminFormat } from '../admin/useAdminFormat';
import type { UnitRanking } from './useRankings';

const COLUMNS = ['rank', 'unit', 'kind', 'received', 'resolved', 'onTime', 'rate', 'satisfaction'] as const;
const TEXT_COLUMNS: readonly string[] = ['unit', 'kind'];

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
            {COLUMNS.map((column) => (
              <th key={column} scope="col" className={TEXT_COLUMNS.includes(column) ? undefined : 'admin-number'}>
                {t(`rankings.table.${column}`)}
              </th>
            ))}
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
                <RateBar rate={unit.onTimeRate} percent={format.percent} />
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
