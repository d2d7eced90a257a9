import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import 'maplibre-gl/dist/maplibre-gl.css';
import '../dashboard/dashboard.css';
import './publicMap.css';
import { useWards } from '../map/useWards';
import { MapLoading, MapRegion } from '../map/MapRegion';
import { ChoroplethClasses } from '../dashboard/ChoroplethClasses';
import { classBreaks, legendClasses } from '../dashboard/colourScales';
import { LiveIndicator } from '../dashboard/LiveIndicator';
import { MapPopup } from '../dashboard/MapPopup';
import { useLiveGeneration } from '../dashboard/useLiveGeneration';
import { PublicCellSummary } from './PublicCellSummary';
import { PublicWardsPanel } from './PublicWardsPanel';
import { PUBLIC_LIVE_PATH, publicTileUrl, usePublicCell, usePublicWards } from './publicMapQueries';
import { usePublicMap, type PublicMapClick } from './usePublicMap';

/**
 * /public-map: what anyone may see without signing in. Aggregates only: the public tiles
 * (public categories, cells of at least 100 m, none under 5 reports) and per-ward figures.
 */
export default function PublicMapPage() {
  const { t } = useTranslation();
  const containerRef = useRef<HTMLDivElement>(null);
  const wards = useWards();
  const live = useLiveGeneration(PUBLIC_LIVE_PATH, null, false);
  const [showHeat, setShowHeat] = useState(true);
  const [showOnTime, setShowOnTime] = useState(false);
  const [click, setClick] = useState<PublicMapClick | null>(null);
  const publicWards = usePublicWards();
  const cell = usePublicCell(click);

  const onTime = useMemo(() => {
    const values = new Map((publicWards.data?.wards ?? []).map((ward) => [ward.code, ward.onTimeRate] as const));
    return { visible: showOnTime, values, classes: legendClasses('onTimeRate', classBreaks('onTimeRate', [])) };
  }, [publicWards.data, showOnTime]);

  const { map, ready } = usePublicMap(containerRef, {
    tileUrl: publicTileUrl(live.generation),
    attribution: t('map.osmAttribution'),
    wards,
    showHeat,
    onTime,
    onClick: setClick,
  });
  const closeCell = useCallback(() => setClick(null), []);
  const showWard = (code: string) => {
    if (!map || wards.status !== 'ready') return;
    const ward = wards.byCode.get(code);
    if (ward) map.flyTo({ center: [ward.labelLng, ward.labelLat], zoom: 13, essential: true });
  };

  return (
    <section className="map-page dashboard public-map" data-testid="public-map-page" aria-label={t('publicMap.title')}>
      <h1 className="visually-hidden">{t('publicMap.title')}</h1>
      <MapRegion containerRef={containerRef} label={t('publicMap.regionLabel')} testId="public-map" ready={ready} />
      <div className="map-page__overlay map-page__overlay--top-left dashboard__left">
        <section className="map-panel public-map__intro" aria-labelledby="public-map-title">
          <h2 id="public-map-title">{t('publicMap.title')}</h2>
          <p>{t('publicMap.intro')}</p>
          <ul className="public-map__layers">
            <li>
              <label>
                <input type="checkbox" checked={showHeat} onChange={() => setShowHeat((on) => !on)} data-testid="public-layer-heat" />
                <span className="dashboard-legend__swatch dashboard-legend__swatch--density" aria-hidden="true" />
                {t('publicMap.legendHeat')}
              </label>
            </li>
            <li>
              <label>
                <input
                  type="checkbox"
                  checked={showOnTime}
                  onChange={() => setShowOnTime((on) => !on)}
                  data-testid="public-layer-on-time"
                />
                <span className="dashboard-legend__swatch dashboard-legend__swatch--choropleth" aria-hidden="true" />
                {t('publicMap.legendOnTime')}
              </label>
              {showOnTime && (
                <ChoroplethClasses metric="onTimeRate" classes={onTime.classes} className="dashboard-legend__classes public-map__classes" />
              )}
            </li>
          </ul>
        </section>
      </div>
      <div className="map-page__overlay dashboard__right">
        <LiveIndicator live={live} />
        <PublicWardsPanel wards={publicWards} onShow={showWard} />
      </div>
      {map && click && (
        <MapPopup map={map} lngLat={click.lngLat} onClose={closeCell}>
          <PublicCellSummary cell={cell} />
        </MapPopup>
      )}
      <MapLoading ready={ready} testId="public-map-loading">
        {t('publicMap.loading')}
      </MapLoading>
    </section>
  );
}
