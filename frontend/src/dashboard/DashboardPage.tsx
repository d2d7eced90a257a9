import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import 'maplibre-gl/dist/maplibre-gl.css';
import './dashboard.css';
import { useAuth } from '../auth/useAuth';
import { DEFAULT_FILTERS, reportTileUrl, windowStart, type DashboardFilters } from './dashboardApi';
import { DashboardFiltersBar } from './DashboardFiltersBar';
import { DashboardLegend } from './DashboardLegend';
import { TopIssuesPanel } from './TopIssuesPanel';
import { useCategories, useHotspots } from './useDashboardData';
import { useDashboardMap, type LayerVisibility } from './useDashboardMap';

/** /dashboard: where reports pile up (heat, points, hotspots) and the top issues of the day and week. */
export default function DashboardPage() {
  const { t } = useTranslation();
  const { token } = useAuth();
  const containerRef = useRef<HTMLDivElement>(null);
  const categories = useCategories();
  const [filters, setFilters] = useState<DashboardFilters>(DEFAULT_FILTERS);
  const [visibility, setVisibility] = useState<LayerVisibility>({ heat: true, points: true, hotspots: true });
  // The window's start is fixed when the filters change, so the tile URL does not move by itself.
  const [from, setFrom] = useState(() => windowStart(DEFAULT_FILTERS.window));
  const [to] = useState(() => new Date().toISOString());
  const tileUrl = reportTileUrl(filters, from);
  const hotspotQuery = useMemo(
    () => ({ from, to, ...(filters.category ? { category: filters.category } : {}) }),
    [from, to, filters.category],
  );
  const hotspots = useHotspots(hotspotQuery, token);

  const { ready, flyTo } = useDashboardMap(containerRef, {
    token,
    tileUrl,
    hotspots: hotspots.data ?? [],
    visibility,
    attribution: t('map.osmAttribution'),
  });

  const changeFilters = (next: DashboardFilters) => {
    if (next.window !== filters.window) setFrom(windowStart(next.window));
    setFilters(next);
  };

  return (
    <section className="map-page dashboard" data-testid="dashboard-page" aria-label={t('dashboard.title')}>
      <h1 className="visually-hidden">{t('dashboard.title')}</h1>
      <div
        ref={containerRef}
        className="map-page__canvas"
        role="region"
        aria-label={t('dashboard.regionLabel')}
        aria-busy={!ready}
        data-testid="dashboard-map"
        data-ready={ready ? 'true' : 'false'}
        data-tiles={tileUrl}
      />
      <div className="map-page__overlay map-page__overlay--top-left dashboard__left">
        <DashboardFiltersBar categories={categories.data ?? []} filters={filters} onChange={changeFilters} />
        <DashboardLegend visibility={visibility} onToggle={(layer) => setVisibility((current) => ({ ...current, [layer]: !current[layer] }))} />
        {hotspots.status === 'error' && (
          <p className="map-panel map-panel--error" role="alert">
            {t('dashboard.hotspotsError')}
          </p>
        )}
      </div>
      <div className="map-page__overlay dashboard__right">
        <TopIssuesPanel token={token} onShow={(issue) => flyTo(issue.cell.lng, issue.cell.lat)} />
      </div>
      {!ready && (
        <p className="map-page__loading" role="status" data-testid="dashboard-loading">
          {t('dashboard.loading')}
        </p>
      )}
    </section>
  );
}
