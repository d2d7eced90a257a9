import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import 'maplibre-gl/dist/maplibre-gl.css';
import { MapLegend } from './MapLegend';
import { MapLoading, MapRegion } from './MapRegion';
import { useWardMap } from './useWardMap';
import { useWards } from './useWards';
import { WardInfoPanel } from './WardInfoPanel';

/** Public map of the 168 current units, open to everyone including anonymous citizens. */
export default function MapPage() {
  const { t } = useTranslation();
  const containerRef = useRef<HTMLDivElement>(null);
  const wards = useWards();
  const attribution = [t('map.osmAttribution'), t('map.boundarySource')];
  const { ready, hovered, selected, clearSelection } = useWardMap(containerRef, wards, attribution);
  const shown = hovered ?? selected;

  return (
    <section className="map-page" data-testid="map-page" aria-label={t('map.title')}>
      <h1 className="visually-hidden">{t('map.title')}</h1>
      <MapRegion containerRef={containerRef} label={t('map.regionLabel')} testId="map-container" ready={ready} />
      <div className="map-page__overlay map-page__overlay--top-left">
        <WardInfoPanel ward={shown} pinned={shown !== null && shown.code === selected?.code} onClose={clearSelection} />
        {wards.status === 'error' && (
          <p className="map-panel map-panel--error" role="alert" data-testid="map-error">
            {t('map.wardsError')}
          </p>
        )}
        {/* Kept at the top: the bottom edge belongs to the attribution, which must stay visible. */}
        <MapLegend />
      </div>
      <MapLoading ready={ready} testId="map-loading">
        {t('map.loading')}
      </MapLoading>
    </section>
  );
}
