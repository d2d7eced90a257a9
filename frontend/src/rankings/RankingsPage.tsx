import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import './rankings.css';
import { AdminPage } from '../admin/AdminPage';
import { LoadProblem } from '../admin/LoadProblem';
import { SelectField } from '../admin/SelectField';
import { useAdminFormat } from '../admin/useAdminFormat';
import { RANKING_PERIODS, rankingPeriod, type RankingPeriod } from './rankingPeriods';
import { RankingsTable } from './RankingsTable';
import { UNIT_KINDS, useRankings, type UnitKind } from './useRankings';

/** /rankings: handling units ranked as the city publishes them, on-time rate first, then citizens' rating. */
export default function RankingsPage() {
  const { t } = useTranslation();
  const format = useAdminFormat();
  const [period, setPeriod] = useState<RankingPeriod>('thisMonth');
  const [kind, setKind] = useState<UnitKind | ''>('');
  // Fixed when the period is picked, so the address (and the answer) does not move with the clock.
  const [bounds, setBounds] = useState(() => rankingPeriod('thisMonth'));
  const rankings = useRankings({ from: bounds.from, to: bounds.to, kind });

  return (
    <AdminPage testId="rankings-page" className="rankings" texts="rankings">
      <form className="admin-filters" onSubmit={(event) => event.preventDefault()} data-testid="rankings-filters">
        <SelectField
          id="rankings-period"
          label={t('rankings.period')}
          value={period}
          options={RANKING_PERIODS.map((p) => ({ value: p, label: t(`rankings.periods.${p}`) }))}
          onChange={(next) => {
            setPeriod(next);
            setBounds(rankingPeriod(next));
          }}
        />
        <SelectField<UnitKind | ''>
          id="rankings-kind"
          label={t('rankings.kind')}
          value={kind}
          options={[{ value: '', label: t('rankings.allKinds') }, ...UNIT_KINDS.map((k) => ({ value: k, label: t(`unitKinds.${k}`) }))]}
          onChange={setKind}
        />
      </form>

      <LoadProblem data={rankings} testId="rankings" />
      {rankings.data && (
        <>
          <p className="admin-count" aria-live="polite" data-testid="rankings-summary">
            {rankings.isFetching
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
    </AdminPage>
  );
}
