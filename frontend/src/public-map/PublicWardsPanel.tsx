import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoadState } from '../api/loadState';
import { useFigureFormat } from '../dashboard/WardPanel';
import { foldText } from '../i18n/foldText';
import type { PublicWards } from './publicMapQueries';

/** Every ward's public figures, findable by name without diacritics; a click centres the map on it. */
export function PublicWardsPanel({ wards, onShow }: { wards: LoadState<PublicWards>; onShow(code: string): void }) {
  const { t, i18n } = useTranslation();
  const format = useFigureFormat();
  const [search, setSearch] = useState('');
  const date = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short' });
  const rows = useMemo(() => {
    const needle = foldText(search.trim());
    const all = [...(wards.data?.wards ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
    return needle ? all.filter((ward) => foldText(ward.name).includes(needle)) : all;
  }, [wards.data, search]);

  return (
    <section className="public-wards map-panel" aria-labelledby="public-wards-title" data-testid="public-wards">
      <h2 id="public-wards-title">{t('publicMap.wardsTitle')}</h2>
      {wards.data && (
        <p className="public-wards__period">
          {t('publicMap.period', { from: date.format(new Date(wards.data.from)), to: date.format(new Date(wards.data.to)) })}
        </p>
      )}
      {wards.status === 'error' && <p role="alert">{t('publicMap.wardsError')}</p>}
      <input
        type="search"
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        placeholder={t('publicMap.wardsSearch')}
        aria-label={t('publicMap.wardsSearch')}
        data-testid="public-wards-search"
      />
      <div className="public-wards__scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('publicMap.columns.ward')}</th>
              <th scope="col">{t('publicMap.columns.received')}</th>
              <th scope="col">{t('publicMap.columns.resolved')}</th>
              <th scope="col">{t('publicMap.columns.onTime')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((ward) => (
              <tr key={ward.code} data-testid="public-ward-row" data-code={ward.code}>
                <th scope="row">
                  <button type="button" className="public-wards__name" onClick={() => onShow(ward.code)}>
                    {ward.name}
                  </button>
                </th>
                <td>{format.number(ward.received)}</td>
                <td>{format.number(ward.resolved)}</td>
                <td data-testid="public-ward-on-time">{format.percent(ward.onTimeRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
