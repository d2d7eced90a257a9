import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Loadable, ReportSummary } from './useDashboardData';
import { Term } from './Term';

/** The staff summary of one report point: no reporter, no description, a link to the ticket. */
export function PointSummary({ summary }: { summary: Loadable<ReportSummary> }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const dateTime = new Intl.DateTimeFormat(en ? 'en-GB' : 'vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    dateStyle: 'short',
    timeStyle: 'short',
  });
  const report = summary.data;

  if (summary.status === 'error') return <p role="alert">{t('dashboard.pointError')}</p>;
  if (!report) return <p role="status">{t('common.loading')}</p>;

  const clock = report.sla.find((candidate) => candidate.kind === 'resolution') ?? report.sla[0] ?? null;
  // eslint-disable-next-line react-hooks/purity -- lateness is judged when the summary is drawn
  const late = clock !== null && clock.state === 'running' && clock.dueAt !== null && Date.parse(clock.dueAt) < Date.now();
  const unitName = report.assignedUnit ? (en && report.assignedUnit.nameEn ? report.assignedUnit.nameEn : report.assignedUnit.name) : null;

  return (
    <div className="dashboard-point" data-testid="dashboard-point" data-id={report.id}>
      <strong data-testid="dashboard-point-code">{report.code}</strong>
      <dl>
        <Term label={t('dashboard.point.category')}>{en ? report.category.nameEn : report.category.nameVi}</Term>
        <Term label={t('dashboard.point.status')} data-testid="dashboard-point-status">
          {t(`operator.status.${report.status}` as 'operator.status.new', { defaultValue: report.status })}
        </Term>
        <Term label={t('dashboard.point.created')}>
          <time dateTime={report.createdAt}>{dateTime.format(new Date(report.createdAt))}</time>
        </Term>
        <Term label={t('dashboard.point.unit')}>{unitName ?? t('dashboard.point.unassigned')}</Term>
        {report.ward && <Term label={t('dashboard.point.ward')}>{report.ward.name}</Term>}
        {clock?.dueAt && (
          <Term label={t('dashboard.point.due')} className={late ? 'dashboard-point__late' : undefined}>
            <time dateTime={clock.dueAt}>{dateTime.format(new Date(clock.dueAt))}</time>
            {late && ` · ${t('dashboard.pointStatus.overdue')}`}
          </Term>
        )}
      </dl>
      <Link to={`/workbench/tickets/${encodeURIComponent(report.id)}`} data-testid="dashboard-point-link">
        {t('dashboard.point.open')}
      </Link>
    </div>
  );
}
