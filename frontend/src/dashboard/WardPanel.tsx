import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { HandlingUnit } from '../api/units';
import { Term } from './Term';
import type { Loadable, WardDetail } from './useDashboardData';

export function useFigureFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'vi-VN';
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  return {
    number: (value: number | null | undefined) => (value === null || value === undefined ? '—' : number.format(value)),
    percent: (value: number | null | undefined) => (value === null || value === undefined ? '—' : percent.format(value)),
  };
}

/** A clicked ward's figures for the window and filters, and the way to its tickets. */
/** `committee`: the ward's People's Committee, whose queue "its tickets" opens (read-only for leaders). */
export function WardPanel({
  code,
  detail,
  committee,
  onClose,
}: {
  code: string;
  detail: Loadable<WardDetail>;
  committee: HandlingUnit | null;
  onClose(): void;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const format = useFigureFormat();
  const ward = detail.data && detail.data.code === code ? detail.data : null;

  return (
    <aside
      className="dashboard-ward map-panel"
      aria-labelledby="dashboard-ward-title"
      data-testid="dashboard-ward"
      data-code={code}
      data-status={detail.status}
      data-from={ward?.from ?? ''}
      data-to={ward?.to ?? ''}
    >
      <div className="dashboard-panel__head">
        <h2 id="dashboard-ward-title" data-testid="dashboard-ward-name">
          {ward?.name ?? code}
        </h2>
        <button
          type="button"
          className="dashboard-panel__close"
          onClick={onClose}
          aria-label={t('dashboard.close')}
          data-testid="dashboard-ward-close"
        >
          ×
        </button>
      </div>
      {detail.status === 'error' && <p role="alert">{t('dashboard.wardError')}</p>}
      {!ward && detail.status === 'loading' && <p role="status">{t('common.loading')}</p>}
      {ward && (
        <>
          <dl className="dashboard-figures">
            <Figure name="received" value={ward.received}>
              {format.number(ward.received)}
            </Figure>
            <Figure name="resolved" value={ward.resolved}>
              {format.number(ward.resolved)}
            </Figure>
            <Figure name="onTime" testId="on-time" value={ward.onTimeRate}>
              {format.percent(ward.onTimeRate)}
            </Figure>
            <Figure name="median" value={ward.medianResolveHours}>
              {ward.medianResolveHours === null ? '—' : t('dashboard.figures.hours', { value: format.number(ward.medianResolveHours) })}
            </Figure>
            <Figure name="satisfaction" value={ward.satisfaction.average}>
              {ward.satisfaction.average === null
                ? '—'
                : t('dashboard.figures.rating', { value: format.number(ward.satisfaction.average), count: ward.satisfaction.count })}
            </Figure>
            <Figure name="backlog" value={ward.backlog}>
              {format.number(ward.backlog)}
              {ward.overdue > 0 && (
                <span className="dashboard-figures__overdue"> · {t('dashboard.figures.overdue', { count: ward.overdue })}</span>
              )}
            </Figure>
          </dl>
          {ward.backlogByCategory.length > 0 && (
            <>
              <h3>{t('dashboard.figures.backlogByCategory')}</h3>
              <ul className="dashboard-bars" data-testid="dashboard-ward-backlog-categories">
                {ward.backlogByCategory.map((row) => (
                  <li key={row.category} data-category={row.category} data-count={row.count}>
                    <span className="dashboard-bars__name">{en && row.nameEn ? row.nameEn : row.name}</span>
                    <span
                      className="dashboard-bars__bar"
                      style={{ width: `${Math.max(4, (100 * row.count) / Math.max(1, ward.backlogByCategory[0].count))}%` }}
                      aria-hidden="true"
                    />
                    <span className="dashboard-bars__count">{format.number(row.count)}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
          {committee && (
            <Link
              className="button button--secondary"
              to={`/workbench?${new URLSearchParams({ unit: committee.id, unitName: committee.name, ward: code })}`}
              data-testid="dashboard-ward-tickets"
            >
              {t('dashboard.wardTickets')}
            </Link>
          )}
        </>
      )}
    </aside>
  );
}

type FigureName = 'received' | 'resolved' | 'onTime' | 'median' | 'satisfaction' | 'backlog';

/** One figure of the ward: its name, and its value shown (and, raw, in data-value for the browser tests). */
function Figure({
  name,
  testId = name,
  value,
  children,
}: {
  name: FigureName;
  testId?: string;
  value: number | null;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Term label={t(`dashboard.figures.${name}`)} data-testid={`dashboard-ward-${testId}`} data-value={value ?? ''}>
      {children}
    </Term>
  );
}
