import { useEffect, useEffectEvent, useRef, useState, type RefObject } from 'react';
import { AttributionControl, LngLatBounds, Map as MapLibreMap, NavigationControl, Popup, setWorkerUrl, type GeoJSONSource } from 'maplibre-gl';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import type { FeatureCollection, Point } from 'geojson';
import { API_BASE } from '../api/httpClient';
import { createBasemapStyle } from '../map/basemapStyle';
import { createQueueMarkerLayer, createQueueSource, QUEUE_MARKERS_LAYER, QUEUE_SOURCE, type QueueMarkerProperties } from './createQueueMarkerLayer';

setWorkerUrl(maplibreWorkerUrl);

declare global {
  interface Window {
    /** Test hook for the browser e2e tests (queryRenderedFeatures, project); nothing else reads it. */
    __workbenchMap1022?: MapLibreMap;
  }
}

/** Central Ho Chi Minh City, until the queue's tickets give the view. */
const INITIAL_CENTER: [number, number] = [106.7, 10.78];
const INITIAL_ZOOM = 11;
/** A lone ticket, or several on one corner, is shown at street level, not at the tiles' limit. */
const MAX_FIT_ZOOM = 16;
const FIT_PADDING = 28;

export interface QueueMap {
  /** True once the style is loaded and the current markers are drawn. */
  ready: boolean;
}

function basemapTileUrl(): string {
  // Absolute: tiles are fetched from MapLibre's worker, which has no page URL to resolve against.
  return `${window.location.origin}${API_BASE}/tiles/basemap/{z}/{x}/{y}.mvt`;
}

/**
 * A small MapLibre map of the tickets in `features` on our own basemap: one dot per ticket in
 * its deadline badge's colour; hovering names it, clicking opens it. The view fits the markers
 * whenever the set of tickets changes (a filter), not when only their colours do (the clock).
 */
export function useQueueMap(
  containerRef: RefObject<HTMLDivElement | null>,
  options: {
    features: FeatureCollection<Point, QueueMarkerProperties>;
    attribution: string;
    describe(properties: QueueMarkerProperties): string;
    onOpen(id: string): void;
  },
): QueueMap {
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const liveMap = useRef<MapLibreMap | null>(null);
  const [ready, setReady] = useState(false);
  const firstFeatures = useRef(options.features);
  const open = useEffectEvent((id: string) => options.onOpen(id));
  const describe = useEffectEvent((properties: QueueMarkerProperties) => options.describe(properties));

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const style = createBasemapStyle(basemapTileUrl());
    style.sources[QUEUE_SOURCE] = createQueueSource(firstFeatures.current);
    style.layers.push(createQueueMarkerLayer());
    const instance = new MapLibreMap({
      container,
      style,
      center: INITIAL_CENTER,
      zoom: INITIAL_ZOOM,
      minZoom: 8,
      maxZoom: 18,
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      // The page scrolls past a small map: the wheel scrolls the page; the buttons and a pinch zoom.
      scrollZoom: false,
    });
    instance.touchZoomRotate.disableRotation();
    instance.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    liveMap.current = instance;
    window.__workbenchMap1022 = instance;

    const popup = new Popup({ closeButton: false, closeOnClick: false, offset: 10, className: 'wb-map-popup' });
    let hovered: string | null = null;
    const setHover = (id: string | null) => {
      if (hovered === id) return;
      if (hovered) instance.setFeatureState({ source: QUEUE_SOURCE, id: hovered }, { hover: false });
      hovered = id;
      if (id) instance.setFeatureState({ source: QUEUE_SOURCE, id }, { hover: true });
      instance.getCanvas().style.cursor = id ? 'pointer' : '';
    };
    instance.on('mousemove', QUEUE_MARKERS_LAYER, (event) => {
      const feature = event.features?.[0];
      if (!feature) return;
      const properties = feature.properties as QueueMarkerProperties;
      setHover(properties.id);
      popup.setLngLat(event.lngLat).setText(describe(properties)).addTo(instance);
    });
    instance.on('mouseleave', QUEUE_MARKERS_LAYER, () => {
      setHover(null);
      popup.remove();
    });
    instance.on('click', QUEUE_MARKERS_LAYER, (event) => {
      const id = (event.features?.[0]?.properties as QueueMarkerProperties | undefined)?.id;
      if (id) open(id);
    });
    instance.once('load', () => setMap(instance));

    return () => {
      liveMap.current = null;
      if (window.__workbenchMap1022 === instance) delete window.__workbenchMap1022;
      popup.remove();
      setMap(null);
      setReady(false);
      instance.remove();
    };
  }, [containerRef]);

  useEffect(() => {
    if (!map) return;
    const control = new AttributionControl({ compact: true, customAttribution: options.attribution });
    map.addControl(control, 'bottom-right');
    return () => {
      if (liveMap.current === map) map.removeControl(control);
    };
  }, [map, options.attribution]);

  // New data every time the queue, a filter or the clock changes the markers.
  useEffect(() => {
    if (!map) return;
    map.getSource<GeoJSONSource>(QUEUE_SOURCE)?.setData(options.features);
  }, [map, options.features]);

  // The view follows the set of tickets shown, so a filter brings its tickets into view.
  const ids = options.features.features.map((feature) => feature.properties.id).join(',');
  const fitTo = useEffectEvent(() => options.features);
  useEffect(() => {
    if (!map) return;
    const points = fitTo().features.map((feature) => feature.geometry.coordinates as [number, number]);
    if (points.length > 0) {
      const bounds = points.reduce((box, point) => box.extend(point), new LngLatBounds(points[0], points[0]));
      map.fitBounds(bounds, { padding: FIT_PADDING, maxZoom: MAX_FIT_ZOOM, duration: 0 });
    }
    let cancelled = false;
    setReady(false);
    const markReady = () => {
      if (cancelled) return;
      if (map.isSourceLoaded(QUEUE_SOURCE)) setReady(true);
      else map.once('idle', markReady);
    };
    map.once('idle', markReady);
    map.triggerRepaint();
    return () => {
      cancelled = true;
      map.off('idle', markReady);
    };
  }, [map, ids]);

  return { ready };
}
