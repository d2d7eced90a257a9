import { useTranslation } from 'react-i18next';
import type { OnTimeGrouping } from '../adminQueries';
import { RateBar } from '../RateBar';
import { useAdminFormat } from '../useAdminFormat';
import { totals, type NamedRow, type SortKey, type SortOrder } from './onTimeRows';

interface OnTimeTableProps {
  rows: readonly NamedRow[];
  groupBy: OnTimeGrouping;
  order: SortOrder;
  onSort(key: SortKey): void;
}

const NUMERIC: readonly SortKey[] = ['resolved', 'onTime', 'rate'];

export function OnTimeTable({ rows, groupBy, order, onSort }: OnTimeTableProps) {
  const { t } = useTranslation();
  const format = useAdminFormat();
  const sum = totals(rows);

  const header = (key: SortKey, label: string) => {
    const active = order.key === key;
    return (
      <th
        scope="col"
        aria-sort={active ? (order.descending ? 'descending' : 'ascending') : 'none'}
        className={NUMERIC.includes(key) ? 'admin-number' : undefined}
      >
        <button type="button" className="admin-sort" onClick={() => onSort(key)} data-testid={`on-time-sort-${key}`}>
          {label}
          <span aria-hidden="true" className="admin-sort__arrow">
            {active ? (order.descending ? '▼' : '▲') : '↕'}
          </span>
        </button>
      </th>
    );
  };

  return (
    <div className="admin-table-wrap">
      <table className="admin-table" data-testid="on-time-table" data-group-by={groupBy}>
        <thead>
          <tr>
            {header('name', t(`admin.onTime.groups.${groupBy}`))}
            {header('resolved', t('admin.onTime.table.resolved'))}
            {header('onTime', t('admin.onTime.table.onTime'))}
            {header('rate', t('admin.onTime.table.rate'))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-testid="on-time-row" data-key={row.key} data-rate={row.rate ?? ''}>
              <td>{row.label}</td>
              <td className="admin-number">{format.integer(row.resolved)}</td>
              <td className="admin-number">{format.integer(row.onTime)}</td>
              <td className="admin-number">
                <RateBar rate={row.rate} percent={format.percent} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-testid="on-time-total">
            <th scope="row">{t('admin.onTime.table.total')}</th>
            <td className="admin-number">{format.integer(sum.resolved)}</td>
            <td className="admin-number">{format.integer(sum.onTime)}</td>
            <td className="admin-number">{format.percent(sum.rate)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
