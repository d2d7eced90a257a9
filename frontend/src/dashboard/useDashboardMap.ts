import { useEffect, useRef, useState, type RefObject } from 'react';
import {
  AttributionControl,
  Map as MapLibreMap,
  NavigationControl,
  setWorkerUrl,
  type VectorTileSource,
} from 'maplibre-gl';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import { ScatterplotLayer } from '@deck.gl/layers';
import { API_BASE } from '../api/httpClient';
import { createBasemapStyle } from '../map/basemapStyle';
import { REPORT_TILES_PATH, type Hotspot } from './dashboardApi';
import {
  HEAT_LAYER,
  HEAT_LAYER_SPEC,
  HOTSPOT_COLOUR,
  POINTS_LAYER,
  POINTS_LAYER_SPEC,
  REPORTS_MAX_ZOOM,
  REPORTS_SOURCE,
} from './reportLayers';

setWorkerUrl(maplibreWorkerUrl);

declare global {
  interface Window {
    /** Test hook for the browser e2e tests (queryRenderedFeatures, camera); nothing else reads it. */
    __dashboardMap1022?: MapLibreMap;
  }
}

const INITIAL_CENTER: [number, number] = [106.7, 10.78];
const INITIAL_ZOOM = 11;

export interface LayerVisibility {
  heat: boolean;
  points: boolean;
  hotspots: boolean;
}

export interface DashboardMap {
  /** True once the style and the first view of the report tiles are loaded. */
  ready: boolean;
  flyTo(lng: number, lat: number): void;
}

function basemapTileUrl(): string {
  return `${window.location.origin}${API_BASE}/tiles/basemap/{z}/{x}/{y}.mvt`;
}

/**
 * One MapLibre map: our basemap, the report tiles (heatmap to z13, status points from z14),
 * deck.gl hotspots. The tile URL carries the filters; changing it re-fetches every layer.
 */
export function useDashboardMap(
  containerRef: RefObject<HTMLDivElement | null>,
  options: {
    token: string | null;
    tileUrl: string;
    hotspots: readonly Hotspot[];
    visibility: LayerVisibility;
    attribution: string;
  },
): DashboardMap {
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const liveMap = useRef<MapLibreMap | null>(null);
  const overlayRef = useRef<MapLibreOverlay | null>(null);
  const [ready, setReady] = useState(false);
  // Read by transformRequest at every tile request, so a refreshed token is used without a new map.
  const tokenRef = useRef(options.token);
  tokenRef.current = options.token;
  const firstTileUrl = useRef(options.tileUrl);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const style = createBasemapStyle(basemapTileUrl());
    style.sources[REPORTS_SOURCE] = {
      type: 'vector',
      tiles: [firstTileUrl.current],
      minzoom: 0,
      maxzoom: REPORTS_MAX_ZOOM,
    };
    style.layers.push(HEAT_LAYER_SPEC, POINTS_LAYER_SPEC);
    const instance = new MapLibreMap({
      container,
      style,
      center: INITIAL_CENTER,
      zoom: INITIAL_ZOOM,
      minZoom: 5,
      maxZoom: 18,
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      transformRequest: (url) => {
        const token = tokenRef.current;
        if (token && url.startsWith(`${window.location.origin}${REPORT_TILES_PATH}`)) {
          return { url, headers: { Authorization: `Bearer ${token}` } };
        }
        return { url };
      },
    });
    instance.touchZoomRotate.disableRotation();
    instance.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    const overlay = new MapLibreOverlay({ interleaved: false, layers: [] });
    instance.addControl(overlay);
    liveMap.current = instance;
    overlayRef.current = overlay;
    window.__dashboardMap1022 = instance;

    let cancelled = false;
    const markReadyWhenLoaded = () => {
      if (cancelled) return;
      if (instance.isSourceLoaded(REPORTS_SOURCE)) setReady(true);
      else instance.once('idle', markReadyWhenLoaded);
    };
    instance.once('load', () => {
      setMap(instance);
      instance.once('idle', markReadyWhenLoaded);
    });

    return () => {
      cancelled = true;
      liveMap.current = null;
      overlayRef.current = null;
      if (window.__dashboardMap1022 === instance) delete window.__dashboardMap1022;
      setMap(null);
      setReady(false);
      instance.remove();
    };
  }, [containerRef]);

  useEffect(() => {
    if (!map) return;
    const control = new AttributionControl({ compact: false, customAttribution: options.attribution });
    map.addControl(control, 'bottom-right');
    return () => {
      if (liveMap.current === map) map.removeControl(control);
    };
  }, [map, options.attribution]);

  // Filters: one URL for the source, so the heatmap and the points follow together.
  useEffect(() => {
    if (!map) return;
    const source = map.getSource<VectorTileSource>(REPORTS_SOURCE);
    if (source && source.tiles?.[0] !== options.tileUrl) source.setTiles([options.tileUrl]);
  }, [map, options.tileUrl]);

  const { heat, points, hotspots: showHotspots } = options.visibility;
  useEffect(() => {
    if (!map) return;
    map.setLayoutProperty(HEAT_LAYER, 'visibility', heat ? 'visible' : 'none');
    map.setLayoutProperty(POINTS_LAYER, 'visibility', points ? 'visible' : 'none');
  }, [map, heat, points]);

  useEffect(() => {
    const overlay = overlayRef.current;
    if (!map || !overlay) return;
    overlay.setProps({
      layers: [
        new ScatterplotLayer<Hotspot>({
          id: 'hotspots',
          data: options.hotspots as Hotspot[],
          visible: showHotspots,
          getPosition: (hotspot) => [hotspot.cell.lng, hotspot.cell.lat],
          // ~500 m cells (insights CELL_M): a ring the size of the cell, stronger for higher z.
          getRadius: 250,
          radiusUnits: 'meters',
          radiusMinPixels: 4,
          stroked: true,
          filled: true,
          getFillColor: (hotspot) => [...HOTSPOT_COLOUR, Math.min(90, 20 + Math.round(hotspot.z * 10))],
          getLineColor: [...HOTSPOT_COLOUR, 160],
          lineWidthMinPixels: 1,
        }),
      ],
    });
  }, [map, options.hotspots, showHotspots]);

  const flyTo = (lng: number, lat: number) => {
    liveMap.current?.flyTo({ center: [lng, lat], zoom: 15, essential: true });
  };

  return { ready, flyTo };
}
