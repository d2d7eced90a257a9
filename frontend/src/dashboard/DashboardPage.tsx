import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import 'maplibre-gl/dist/maplibre-gl.css';
import './dashboard.css';
import { useAuth } from '../auth/useAuth';
import { useWards } from '../map/useWards';
import { MapLoading, MapRegion } from '../map/MapRegion';
import { classBreaks, legendClasses, type ChoroplethMetric } from './colourScales';
import { createChangeLayer, createHotspotLayer, createRecurringLayer } from './createInsightLayers';
import { useCategoriesQuery } from '../api/intakeQueries';
import { useUnits } from '../api/units';
import { DEFAULT_FILTERS, LIVE_REPORTS_PATH, insightsQuery, insightsScope, reportTileUrl, type DashboardFilters } from './dashboardFilters';
import { DashboardFiltersBar } from './DashboardFiltersBar';
import { DashboardLegend } from './DashboardLegend';
import { InsightPopupContent } from './InsightPopupContent';
import { LiveIndicator } from './LiveIndicator';
import { MapDataLagNote } from './MapDataLagNote';
import { MapPopup } from './MapPopup';
import { PointSummary } from './PointSummary';
import { TimeSlider } from './TimeSlider';
import { TopIssuesPanel } from './TopIssuesPanel';
import { closedBounds, comparePeriod, DEFAULT_SELECTION, windowBounds, type TimeSelection } from './timeWindow';
import { useChange, useHotspots, useRecurring, useReportSummary, useWardDetail, useWardsFigures } from './useDashboardData';
import { useDashboardMap, type LayerVisibility, type MapPick } from './useDashboardMap';
import { useLiveGeneration } from './useLiveGeneration';
import { WardPanel } from './WardPanel';

const RECURRING_DAYS = 30;
const INITIAL_VISIBILITY: LayerVisibility = {
  density: true,
  status: false,
  choropleth: false,
  hotspots: true,
  recurring: false,
  compare: false,
};

/**
 * /dashboard: where reports pile up and how the wards cope. Every layer and figure follows the
 * same filters and time window; new reports reach the heat through the live event stream.
 */
export default function DashboardPage() {
  const { t } = useTranslation();
  const { token } = useAuth();
  const containerRef = useRef<HTMLDivElement>(null);
  const categories = useCategoriesQuery();
  const units = useUnits();
  const wards = useWards();
  const [filters, setFilters] = useState<DashboardFilters>(DEFAULT_FILTERS);
  const [selection, setSelection] = useState<TimeSelection>(DEFAULT_SELECTION);
  const [playing, setPlaying] = useState(false);
  const [visibility, setVisibility] = useState<LayerVisibility>(INITIAL_VISIBILITY);
  const [metric, setMetric] = useState<ChoroplethMetric>('onTimeRate');
  const [pick, setPick] = useState<MapPick | null>(null);
  const [panelsOpen, setPanelsOpen] = useState(false);
  // The figures' "now" moves only when the question changes, so their URLs (and the browser cache) stay put.
  const [now, setNow] = useState(() => Date.now());
  const live = useLiveGeneration(LIVE_REPORTS_PATH, token, true);

  const bounds = useMemo(() => windowBounds(selection, now), [selection, now]);
  const range = useMemo(() => closedBounds(bounds, now), [bounds, now]);
  const query = insightsQuery(filters, range);
  const tileUrl = reportTileUrl(filters, bounds, live.generation);

  const hotspots = useHotspots(visibility.hotspots ? query : null);
  const wardsFigures = useWardsFigures(visibility.choropleth ? query : null);
  // A report recurs when filed within 30 days of an earlier one there being closed; the window picks the reports.
  const recurring = useRecurring(visibility.recurring ? { days: RECURRING_DAYS, ...query } : null);
  // Compare: the window's length (a day, a week, 30 days) ending where the window ends, against the one before.
  const changeQuery = { period: comparePeriod(selection.kind), ...(bounds.to ? { at: bounds.to } : {}), ...insightsScope(filters) };
  const change = useChange(visibility.compare ? changeQuery : null);
  const wardCode = pick?.kind === 'ward' ? pick.code : null;
  const wardDetail = useWardDetail(wardCode, query);
  const reportSummary = useReportSummary(pick?.kind === 'point' ? pick.id : null);

  const choropleth = useMemo(() => {
    const rows = wardsFigures.data?.wards ?? [];
    const values = new Map(rows.map((ward) => [ward.code, ward[metric]] as const));
    const classes = legendClasses(metric, classBreaks(metric, [...values.values()]));
    return { values, classes };
  }, [wardsFigures.data, metric]);

  const insightLayers = useMemo(
    () => [
      createChangeLayer(change.data?.cells ?? [], change.data?.cellM ?? 500, visibility.compare),
      createHotspotLayer(hotspots.data ?? [], visibility.hotspots),
      createRecurringLayer(recurring.data?.locations ?? [], recurring.data?.radiusM ?? 50, visibility.recurring),
    ],
    [change.data, hotspots.data, recurring.data, visibility.compare, visibility.hotspots, visibility.recurring],
  );

  const { map, ready, flyTo } = useDashboardMap(containerRef, {
    tileUrl,
    visibility,
    attribution: t('map.osmAttribution'),
    wards,
    choropleth,
    selectedWard: wardCode,
    insightLayers,
    onPick: setPick,
  });

  const changeFilters = (next: DashboardFilters) => {
    setNow(Date.now());
    setFilters(next);
  };
  const changeSelection = useCallback((next: TimeSelection) => {
    setNow(Date.now());
    setSelection(next);
  }, []);
  const closePick = useCallback(() => setPick(null), []);

  const compareLabel = change.data ? t(`dashboard.compare.periods.${change.data.period}`) : null;

  return (
    <section
      className="map-page dashboard"
      data-testid="dashboard-page"
      data-panels={panelsOpen ? 'open' : 'closed'}
      aria-label={t('dashboard.title')}
    >
      <h1 className="visually-hidden">{t('dashboard.title')}</h1>
      <MapRegion
        containerRef={containerRef}
        label={t('dashboard.regionLabel')}
        testId="dashboard-map"
        ready={ready}
        data={{
          'data-tiles': tileUrl,
          'data-change-cells': change.data?.cells.length ?? '',
          'data-recurring': recurring.data?.locations.length ?? '',
          'data-wards-figures': wardsFigures.data?.wards.length ?? '',
        }}
      />
      <button
        type="button"
        className="button button--secondary dashboard__panels-toggle"
        aria-expanded={panelsOpen}
        aria-controls="dashboard-controls"
        onClick={() => setPanelsOpen((open) => !open)}
      >
        {panelsOpen ? t('dashboard.hidePanels') : t('dashboard.showPanels')}
      </button>
      <div id="dashboard-controls" className="map-page__overlay map-page__overlay--top-left dashboard__left">
        <DashboardFiltersBar categories={categories.data ?? []} units={units.data ?? []} filters={filters} onChange={changeFilters} />
        <TimeSlider selection={selection} now={now} playing={playing} onChange={changeSelection} onPlayingChange={setPlaying} />
        <DashboardLegend
          visibility={visibility}
          onToggle={(layer) => setVisibility((current) => ({ ...current, [layer]: !current[layer] }))}
          metric={metric}
          onMetric={setMetric}
          classes={choropleth.classes}
          loadState={{ hotspots: hotspots.status, choropleth: wardsFigures.status, recurring: recurring.status, compare: change.status }}
          compareLabel={compareLabel}
        />
      </div>
      <div className="map-page__overlay dashboard__right">
        <LiveIndicator live={live} />
        <MapDataLagNote />
        {wardCode && (
          <WardPanel
            code={wardCode}
            detail={wardDetail}
            committee={(units.data ?? []).find((u) => u.kind === 'ward_committee' && u.wardCode === wardCode) ?? null}
            onClose={closePick}
          />
        )}
        <TopIssuesPanel onShow={(issue) => flyTo(issue.cell.lng, issue.cell.lat)} />
      </div>
      {map && pick?.kind === 'point' && (
        <MapPopup map={map} lngLat={pick.lngLat} onClose={closePick}>
          <PointSummary summary={reportSummary} />
        </MapPopup>
      )}
      {map && (pick?.kind === 'recurring' || pick?.kind === 'change') && (
        <MapPopup map={map} lngLat={pick.lngLat} onClose={closePick}>
          <InsightPopupContent pick={pick} categories={categories.data ?? []} />
        </MapPopup>
      )}
      <MapLoading ready={ready} testId="dashboard-loading">
        {t('dashboard.loading')}
      </MapLoading>
    </section>
  );
}
