import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../admin/admin.css';
import './rankings.css';
import { LoadProblem } from '../admin/LoadProblem';
import { useAdminFormat } from '../admin/useAdminFormat';
import { useApiData } from '../admin/useApiData';
import { useAuth } from '../auth/useAuth';
import { RANKING_PERIODS, rankingPeriod, type RankingPeriod } from './rankingPeriods';
import { fetchRankings, UNIT_KINDS, type UnitKind } from './rankingsApi';
import { RankingsTable } from './RankingsTable';

/** /rankings: handling units ranked as the city publishes them, on-time rate first, then citizens' rating. */
export default function RankingsPage() {
  const { t } = useTranslation();
  const { token } = useAuth();
  const format = useAdminFormat();
  const [period, setPeriod] = useState<RankingPeriod>('thisMonth');
  const [kind, setKind] = useState<UnitKind | ''>('');
  // Fixed when the period is picked, so the address (and the answer) does not move with the clock.
  const [bounds, setBounds] = useState(() => rankingPeriod('thisMonth'));
  const query = { from: bounds.from, to: bounds.to, kind };
  const rankings = useApiData(token ? JSON.stringify(query) : null, (signal) => fetchRankings(query, token ?? '', signal));

  return (
    <section className="page admin rankings" data-testid="rankings-page">
      <header className="admin-head">
        <div>
          <h1>{t('rankings.title')}</h1>
          <p className="admin-lead">{t('rankings.lead')}</p>
        </div>
      </header>

      <form className="admin-filters" onSubmit={(event) => event.preventDefault()} data-testid="rankings-filters">
        <div className="field admin-field">
          <label htmlFor="rankings-period">{t('rankings.period')}</label>
          <select
            id="rankings-period"
            value={period}
            onChange={(event) => {
              const next = event.target.value as RankingPeriod;
              setPeriod(next);
              setBounds(rankingPeriod(next));
            }}
            data-testid="rankings-period"
          >
            {RANKING_PERIODS.map((p) => (
              <option key={p} value={p}>
                {t(`rankings.periods.${p}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field admin-field">
          <label htmlFor="rankings-kind">{t('rankings.kind')}</label>
          <select
            id="rankings-kind"
            value={kind}
            onChange={(event) => setKind(event.target.value as UnitKind | '')}
            data-testid="rankings-kind"
          >
            <option value="">{t('rankings.allKinds')}</option>
            {UNIT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`unitKinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
      </form>

      <LoadProblem data={rankings} testId="rankings" />
      {rankings.data && (
        <>
          <p className="admin-count" aria-live="polite" data-testid="rankings-summary">
            {rankings.status === 'loading'
              ? t('common.loading')
              : t('rankings.summary', {
                  from: format.date(bounds.firstDay),
                  to: format.date(bounds.lastDay),
                  ranked: rankings.data.units.filter((u) => u.rank !== null).length,
                  count: rankings.data.units.length,
                })}
          </p>
          {rankings.data.units.length === 0 ? (
            <p className="admin-empty" data-testid="rankings-empty">
              {t('rankings.empty')}
            </p>
          ) : (
            <RankingsTable units={rankings.data.units} format={format} period={{ from: rankings.data.from, to: rankings.data.to }} />
          )}
        </>
      )}
    </section>
  );
}
