import { useEffect, useRef, useState, type RefObject } from 'react';
import { AttributionControl, Map as MapLibreMap, NavigationControl, setWorkerUrl, type VectorTileSource } from 'maplibre-gl';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import { API_BASE } from '../api/httpClient';
import { BASEMAP_SOURCE, WARDS_FILL_LAYER, WARDS_SOURCE_LAYER, createBasemapStyle } from '../map/basemapStyle';
import type { WardsState } from '../map/useWards';
import { choroplethExpression, type LegendClass } from '../dashboard/colourScales';
import { useWardLabelLayer } from '../dashboard/useWardLabelLayer';
import {
  PUBLIC_CELLS_LAYER_SPEC,
  PUBLIC_HEAT_LAYER,
  PUBLIC_HEAT_LAYER_SPEC,
  PUBLIC_CELLS_LAYER,
  PUBLIC_MAX_ZOOM,
  PUBLIC_ON_TIME_LAYER,
  PUBLIC_ON_TIME_LAYER_SPEC,
  PUBLIC_SOURCE,
} from './publicLayers';

setWorkerUrl(maplibreWorkerUrl);

declare global {
  interface Window {
    /** Test hook for the browser e2e tests (queryRenderedFeatures, camera); nothing else reads it. */
    __publicMap1022?: MapLibreMap;
  }
}

const INITIAL_CENTER: [number, number] = [106.7, 10.78];
const INITIAL_ZOOM = 11;

export interface PublicMapClick {
  lngLat: [number, number];
  zoom: number;
}

function wardKey(code: string) {
  return { source: BASEMAP_SOURCE, sourceLayer: WARDS_SOURCE_LAYER, id: code };
}

/** The transparency map: our basemap, the public heat tiles, the ward on-time choropleth and names. */
export function usePublicMap(
  containerRef: RefObject<HTMLDivElement | null>,
  options: {
    tileUrl: string;
    attribution: string;
    wards: WardsState;
    showHeat: boolean;
    onTime: { visible: boolean; values: ReadonlyMap<string, number | null>; classes: readonly LegendClass[] };
    onClick(click: PublicMapClick): void;
  },
): { map: MapLibreMap | null; ready: boolean } {
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const liveMap = useRef<MapLibreMap | null>(null);
  const overlayRef = useRef<MapLibreOverlay | null>(null);
  const [ready, setReady] = useState(false);
  const firstTileUrl = useRef(options.tileUrl);
  const onClickRef = useRef(options.onClick);
  onClickRef.current = options.onClick;

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const style = createBasemapStyle(`${window.location.origin}${API_BASE}/tiles/basemap/{z}/{x}/{y}.mvt`);
    style.sources[PUBLIC_SOURCE] = { type: 'vector', tiles: [firstTileUrl.current], minzoom: 0, maxzoom: PUBLIC_MAX_ZOOM };
    const wardsFill = style.layers.findIndex((layer) => layer.id === WARDS_FILL_LAYER);
    style.layers.splice(wardsFill + 1, 0, PUBLIC_ON_TIME_LAYER_SPEC);
    style.layers.push(PUBLIC_HEAT_LAYER_SPEC, PUBLIC_CELLS_LAYER_SPEC);
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
    });
    instance.touchZoomRotate.disableRotation();
    instance.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    const overlay = new MapLibreOverlay({ interleaved: false, layers: [] });
    instance.addControl(overlay);
    liveMap.current = instance;
    overlayRef.current = overlay;
    window.__publicMap1022 = instance;
    instance.on('click', (event) => onClickRef.current({ lngLat: [event.lngLat.lng, event.lngLat.lat], zoom: instance.getZoom() }));

    let cancelled = false;
    const markReadyWhenLoaded = () => {
      if (cancelled) return;
      if (instance.isSourceLoaded(PUBLIC_SOURCE)) setReady(true);
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
      if (window.__publicMap1022 === instance) delete window.__publicMap1022;
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

  useEffect(() => {
    if (!map) return;
    const source = map.getSource<VectorTileSource>(PUBLIC_SOURCE);
    if (source && source.tiles?.[0] !== options.tileUrl) source.setTiles([options.tileUrl]);
  }, [map, options.tileUrl]);

  const { showHeat } = options;
  useEffect(() => {
    if (!map) return;
    for (const id of [PUBLIC_HEAT_LAYER, PUBLIC_CELLS_LAYER]) map.setLayoutProperty(id, 'visibility', showHeat ? 'visible' : 'none');
  }, [map, showHeat]);

  const { visible, values, classes } = options.onTime;
  useEffect(() => {
    if (!map) return;
    map.setLayoutProperty(PUBLIC_ON_TIME_LAYER, 'visibility', visible ? 'visible' : 'none');
    map.setPaintProperty(PUBLIC_ON_TIME_LAYER, 'fill-color', choroplethExpression(classes));
    for (const [code, value] of values) map.setFeatureState(wardKey(code), { value });
  }, [map, visible, values, classes]);

  const labelLayer = useWardLabelLayer(map, options.wards);
  useEffect(() => {
    const overlay = overlayRef.current;
    if (!map || !overlay) return;
    overlay.setProps({ layers: labelLayer ? [labelLayer] : [] });
  }, [map, labelLayer]);

  return { map, ready };
}
