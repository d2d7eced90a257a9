import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { AttributionControl, Map as MapLibreMap, NavigationControl, setWorkerUrl } from 'maplibre-gl';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import { API_BASE } from '../api/httpClient';
import { BASEMAP_SOURCE, WARDS_FILL_LAYER, WARDS_SOURCE_LAYER, createBasemapStyle } from './basemapStyle';
import { useWardLabels } from './useWardLabels';
import type { WardsState } from './useWards';
import type { WardProperties } from './wardTypes';

// A bundled MapLibre cannot find its worker next to itself; Vite emits it as its own file.
setWorkerUrl(maplibreWorkerUrl);

declare global {
  interface Window {
    /** Test hook for the browser e2e tests (queryRenderedFeatures, camera); nothing else reads it. */
    __map1022?: MapLibreMap;
  }
}

/** Central Ho Chi Minh City; replaced by a fit to all 168 units as soon as their list arrives. */
const INITIAL_CENTER: [number, number] = [106.7, 10.78];
const INITIAL_ZOOM = 9;
const FIT_PADDING = 32;

export interface WardMapState {
  /** True once the first full view (all units) is drawn and every tile of it is loaded. */
  ready: boolean;
  hovered: WardProperties | null;
  selected: WardProperties | null;
  clearSelection(): void;
}

function tileUrlTemplate(): string {
  // Absolute because tiles are fetched from MapLibre's worker, which has no page URL to resolve against.
  return `${window.location.origin}${API_BASE}/tiles/basemap/{z}/{x}/{y}.mvt`;
}

function wardKey(code: string) {
  return { source: BASEMAP_SOURCE, sourceLayer: WARDS_SOURCE_LAYER, id: code };
}

/**
 * Owns one MapLibre map in `containerRef`: the vector basemap with ward fills, hover and
 * click selection through feature-state, deck.gl ward labels and the attribution line.
 */
export function useWardMap(
  containerRef: RefObject<HTMLDivElement | null>,
  wards: WardsState,
  attribution: readonly string[],
): WardMapState {
  // Set once the style has loaded; every effect below waits for it.
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const liveMap = useRef<MapLibreMap | null>(null);
  const overlayRef = useRef<MapLibreOverlay | null>(null);
  const [ready, setReady] = useState(false);
  const [hoveredCode, setHoveredCode] = useState<string | null>(null);
  const [selectedCode, setSelectedCode] = useState<string | null>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const instance = new MapLibreMap({
      container,
      style: createBasemapStyle(tileUrlTemplate()),
      center: INITIAL_CENTER,
      zoom: INITIAL_ZOOM,
      minZoom: 5,
      maxZoom: 18,
      attributionControl: false,
      // North stays up: the city's maps, and the label placement, assume it.
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
    });
    instance.touchZoomRotate.disableRotation();
    instance.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    const overlay = new MapLibreOverlay({ interleaved: false, layers: [] });
    instance.addControl(overlay);
    liveMap.current = instance;
    overlayRef.current = overlay;
    window.__map1022 = instance;

    const codeOf = (properties: Record<string, unknown> | undefined): string | null =>
      properties?.code === undefined || properties.code === null ? null : String(properties.code);

    instance.on('mousemove', WARDS_FILL_LAYER, (event) => setHoveredCode(codeOf(event.features?.[0]?.properties)));
    instance.on('mouseleave', WARDS_FILL_LAYER, () => setHoveredCode(null));
    instance.on('click', (event) => {
      const [feature] = instance.queryRenderedFeatures(event.point, { layers: [WARDS_FILL_LAYER] });
      setSelectedCode(codeOf(feature?.properties));
    });
    instance.once('load', () => setMap(instance));

    return () => {
      liveMap.current = null;
      overlayRef.current = null;
      if (window.__map1022 === instance) delete window.__map1022;
      setMap(null);
      setReady(false);
      instance.remove();
    };
  }, [containerRef]);

  // The attribution follows the language, so it is rebuilt when its text changes.
  const attributionText = attribution.join('\n');
  useEffect(() => {
    if (!map) return;
    const control = new AttributionControl({ compact: false, customAttribution: attributionText.split('\n') });
    map.addControl(control, 'bottom-right');
    return () => {
      if (liveMap.current === map) map.removeControl(control);
    };
  }, [map, attributionText]);

  // First view: every unit on screen (the city reaches Côn Đảo, ~200 km south-east), then ready.
  useEffect(() => {
    if (!map || wards.status === 'loading') return;
    if (wards.status === 'ready' && wards.bounds) {
      map.fitBounds(wards.bounds, { padding: FIT_PADDING, duration: 0 });
    }
    let cancelled = false;
    const markReadyWhenLoaded = () => {
      if (cancelled) return;
      if (map.getLayer(WARDS_FILL_LAYER) && map.isSourceLoaded(BASEMAP_SOURCE)) setReady(true);
      else map.once('idle', markReadyWhenLoaded);
    };
    map.once('idle', markReadyWhenLoaded);
    // Makes sure an 'idle' follows even when the fit did not move the camera.
    map.triggerRepaint();
    return () => {
      cancelled = true;
      map.off('idle', markReadyWhenLoaded);
    };
  }, [map, wards]);

  useWardLabels(map, overlayRef, wards, labelOfWard);

  useFeatureState(map, liveMap, hoveredCode, 'hover');
  useFeatureState(map, liveMap, selectedCode, 'selected');

  useEffect(() => {
    if (map) map.getCanvas().style.cursor = hoveredCode ? 'pointer' : '';
  }, [map, hoveredCode]);

  const lookup = (code: string | null) => (code && wards.status === 'ready' ? (wards.byCode.get(code) ?? null) : null);
  const clearSelection = useCallback(() => setSelectedCode(null), []);

  return { ready, hovered: lookup(hoveredCode), selected: lookup(selectedCode), clearSelection };
}

/** Mirrors one highlighted ward into MapLibre feature-state, removing it when the code changes. */
function useFeatureState(
  map: MapLibreMap | null,
  liveMap: RefObject<MapLibreMap | null>,
  code: string | null,
  key: 'hover' | 'selected',
): void {
  useEffect(() => {
    if (!map || !code) return;
    map.setFeatureState(wardKey(code), { [key]: true });
    return () => {
      if (liveMap.current === map) map.removeFeatureState(wardKey(code), key);
    };
  }, [map, liveMap, code, key]);
}

function labelOfWard(ward: WardProperties): string {
  return ward.shortName || ward.name;
}
