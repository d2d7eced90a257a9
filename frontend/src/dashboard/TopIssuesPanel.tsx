import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTopIssues, type InsightsPeriod, type TopIssue } from './useDashboardData';

const PERIODS: readonly InsightsPeriod[] = ['day', 'week'];

/** The top 10 (category × ~500 m cell) of today and of this week, each one click away on the map. */
export function TopIssuesPanel({ onShow }: { onShow(issue: TopIssue): void }) {
  const { t, i18n } = useTranslation();
  const [period, setPeriod] = useState<InsightsPeriod>('day');
  const issues = useTopIssues(period);
  const en = i18n.language === 'en';
  const format = new Intl.NumberFormat(en ? 'en' : 'vi', { signDisplay: 'always' });

  return (
    <section className="dashboard-top map-panel" aria-labelledby="dashboard-top-title" data-testid="dashboard-top">
      <h2 id="dashboard-top-title">{t('dashboard.topIssues')}</h2>
      <div role="tablist" className="dashboard-top__tabs">
        {PERIODS.map((candidate) => (
          <button
            key={candidate}
            type="button"
            role="tab"
            aria-selected={period === candidate}
            onClick={() => setPeriod(candidate)}
            data-testid={`dashboard-tab-${candidate}`}
          >
            {t(`dashboard.tabs.${candidate}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" data-testid="dashboard-top-list" data-period={period} data-status={issues.status}>
        {issues.status === 'error' && <p role="alert">{t('dashboard.error')}</p>}
        {issues.status === 'loading' && !issues.data && <p role="status">{t('common.loading')}</p>}
        {issues.data && issues.data.period === period && issues.data.items.length === 0 && <p>{t('dashboard.empty')}</p>}
        {issues.data && issues.data.period === period && issues.data.items.length > 0 && (
          <ol className="dashboard-top__list">
            {issues.data.items.map((issue) => (
              <li
                key={`${issue.category.code}:${issue.cell.lng}:${issue.cell.lat}`}
                data-testid="dashboard-top-item"
                data-category={issue.category.code}
                data-count={issue.count}
              >
                <div className="dashboard-top__name">
                  <strong>{en ? issue.category.nameEn : issue.category.nameVi}</strong>
                  <span>{issue.ward.name}</span>
                </div>
                <div className="dashboard-top__figures">
                  <span data-testid="dashboard-top-count">{t('dashboard.count', { count: issue.count })}</span>
                  <span className={issue.growth.delta > 0 ? 'dashboard-top__up' : undefined}>
                    {issue.previousCount === 0
                      ? t('dashboard.growthNew')
                      : t('dashboard.growth', { delta: format.format(issue.growth.delta) })}
                  </span>
                </div>
                <button type="button" className="button button--secondary" onClick={() => onShow(issue)} data-testid="dashboard-top-show">
                  {t('dashboard.showOnMap')}
                </button>
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
