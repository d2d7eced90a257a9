import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldMessage } from '../../ui/FieldMessage';
import { errorsFromFailure, useErrorText } from '../adminErrors';
import { useOnTime, type OnTimeGrouping } from '../adminQueries';
import { AdminPage } from '../AdminPage';
import { SelectField } from '../SelectField';
import { addDays, cityMidnightIso, cityToday, isIsoDate } from '../cityTime';
import { useAdminFormat } from '../useAdminFormat';
import { useReferenceData } from '../useReferenceData';
import { sortRows, type NamedRow, type SortKey, type SortOrder } from './onTimeRows';
import { OnTimeTable } from './OnTimeTable';
import { FormField } from '../../ui/FormField';

const GROUPINGS: readonly OnTimeGrouping[] = ['unit', 'category', 'ward', 'month'];
const DEFAULT_DAYS = 30;
// The API refuses longer periods (sla-admin.service.ts).
const MAX_DAYS = 400;

const PERIOD_ERROR_ID = 'on-time-period-error';

interface PeriodDateProps {
  /** Also the input's data-testid. */
  id: string;
  label: string;
  value: string;
  min?: string;
  max?: string;
  onChange(value: string): void;
  invalid: boolean;
}

/** One end of the period; both ends point at the one error under the filters. */
function PeriodDate({ id, label, value, min, max, onChange, invalid }: PeriodDateProps) {
  return (
    <FormField className="field admin-field" htmlFor={id} label={label}>
      <input
        id={id}
        type="date"
        value={value}
        min={min}
        max={max}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={invalid ? PERIOD_ERROR_ID : undefined}
        data-testid={id}
      />
    </FormField>
  );
}

function defaultOrder(groupBy: OnTimeGrouping): SortOrder {
  return groupBy === 'month' ? { key: 'name', descending: false } : { key: 'resolved', descending: true };
}

/** /admin/on-time: the published figure, resolved on time ÷ resolved, for a period of city dates. */
export default function OnTimePage() {
  const { t } = useTranslation();
  const format = useAdminFormat();
  const errorText = useErrorText();
  const reference = useReferenceData();
  const [today] = useState(() => cityToday());
  const [from, setFrom] = useState(() => addDays(today, -DEFAULT_DAYS));
  const [to, setTo] = useState(today);
  const [groupBy, setGroupBy] = useState<OnTimeGrouping>('unit');
  const [order, setOrder] = useState<SortOrder>(defaultOrder('unit'));

  const periodError =
    !isIsoDate(from) || !isIsoDate(to)
      ? t('admin.onTime.errors.dates')
      : from > to
        ? t('admin.onTime.errors.order')
        : Date.parse(to) - Date.parse(from) > MAX_DAYS * 86_400_000
          ? t('admin.onTime.errors.tooLong', { days: MAX_DAYS })
          : null;
  const invalid = periodError !== null;
  // The "to" date is included: the period ends at the midnight after it.
  const query = { groupBy, from: cityMidnightIso(from), to: cityMidnightIso(isIsoDate(to) ? addDays(to, 1) : to) };
  const figures = useOnTime(query, !periodError);

  const rows = useMemo<NamedRow[]>(() => {
    const label = (key: string, name: string) => {
      if (groupBy === 'unit') return format.unit(reference.unitByCode.get(key), name);
      if (groupBy === 'category') return format.category(reference.categoryByCode.get(key), name);
      if (groupBy === 'month') return format.month(key);
      return name;
    };
    return sortRows(
      (figures.data ?? []).map((row) => {
        const shown = label(row.key, row.name);
        return { ...row, label: shown, sortLabel: groupBy === 'month' ? row.key : shown };
      }),
      order,
      format.locale,
    );
  }, [figures.data, groupBy, order, format, reference.unitByCode, reference.categoryByCode]);

  const chooseGrouping = (next: OnTimeGrouping) => {
    setGroupBy(next);
    setOrder(defaultOrder(next));
  };

  const sortBy = (key: SortKey) =>
    setOrder((current) => (current.key === key ? { key, descending: !current.descending } : { key, descending: key !== 'name' }));

  const serverError = figures.isError ? errorText(errorsFromFailure(figures.error, () => 'form').form) : null;

  return (
    <AdminPage testId="admin-on-time-page" texts="admin.onTime">
      <form className="admin-filters" onSubmit={(event) => event.preventDefault()} data-testid="on-time-filters">
        <SelectField
          id="on-time-group"
          label={t('admin.onTime.groupBy')}
          value={groupBy}
          options={GROUPINGS.map((grouping) => ({ value: grouping, label: t(`admin.onTime.groups.${grouping}`) }))}
          onChange={chooseGrouping}
        />
        <PeriodDate id="on-time-from" label={t('admin.onTime.from')} value={from} max={to} onChange={setFrom} invalid={invalid} />
        <PeriodDate id="on-time-to" label={t('admin.onTime.to')} value={to} min={from} onChange={setTo} invalid={invalid} />
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setFrom(addDays(today, -DEFAULT_DAYS));
            setTo(today);
          }}
          data-testid="on-time-last-30"
        >
          {t('admin.onTime.last30')}
        </button>
      </form>
      <FieldMessage id={PERIOD_ERROR_ID} testId="on-time-period-error" message={periodError ?? serverError} />
      {serverError && (
        <button type="button" className="button button--secondary" onClick={() => void figures.refetch()} data-testid="on-time-retry">
          {t('admin.common.retry')}
        </button>
      )}

      {!periodError && figures.isPending && (
        <p className="admin-loading" role="status">
          {t('common.loading')}
        </p>
      )}
      {!periodError && figures.data && (
        <>
          <p className="admin-count" aria-live="polite" data-testid="on-time-period">
            {figures.isFetching
              ? t('common.loading')
              : t('admin.onTime.period', { from: format.date(from), to: format.date(to), count: rows.length })}
          </p>
          {rows.length === 0 ? (
            <p className="admin-empty" data-testid="on-time-empty">
              {t('admin.onTime.empty')}
            </p>
          ) : (
            <OnTimeTable rows={rows} groupBy={groupBy} order={order} onSort={sortBy} />
          )}
        </>
      )}
    </AdminPage>
  );
}
