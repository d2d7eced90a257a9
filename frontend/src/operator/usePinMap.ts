import { useEffect, useRef, useState, type RefObject } from 'react';
import { AttributionControl, Map as MapLibreMap, Marker, setWorkerUrl } from 'maplibre-gl';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import { API_BASE } from '../api/httpClient';
import { BASEMAP_SOURCE, WARDS_SOURCE_LAYER, createBasemapStyle } from '../map/basemapStyle';
import { createSearchRadiusLayer } from './createSearchRadiusLayer';
import type { LatLng } from './intakeTypes';

// A bundled MapLibre cannot find its worker next to itself; Vite emits it as its own file.
setWorkerUrl(maplibreWorkerUrl);

declare global {
  interface Window {
    /** Test hook for the operator e2e test (project a point to click it); nothing else reads it. */
    __operatorMap1022?: MapLibreMap;
  }
}

// Central Ho Chi Minh City at a zoom where the old inner districts fill the small map.
const INITIAL_CENTER: [number, number] = [106.7, 10.78];
const INITIAL_ZOOM = 11;
/** A ward picked by name is shown at street level, where the pin can be dragged to the house. */
const STREET_ZOOM = 15;
const PIN_COLOUR = '#b91c1c';

interface PinMapOptions {
  pin: LatLng | null;
  /** The current ward of the pin, highlighted on the basemap. */
  wardCode: string | null;
  attribution: readonly string[];
  onPinChange(pin: LatLng): void;
}

/**
 * One small MapLibre map over our own basemap: a click or a drag of the marker places the pin,
 * the deck.gl ring shows the duplicate search radius, and a pin set from outside (ward search)
 * brings the camera to it.
 */
export function usePinMap(containerRef: RefObject<HTMLDivElement | null>, options: PinMapOptions): { ready: boolean } {
  const { pin, wardCode, attribution, onPinChange } = options;
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const [ready, setReady] = useState(false);
  const liveMap = useRef<MapLibreMap | null>(null);
  const overlayRef = useRef<MapLibreOverlay | null>(null);
  const markerRef = useRef<Marker | null>(null);
  // The last pin this map produced itself; any other pin came from outside and moves the camera.
  const emittedRef = useRef<LatLng | null>(null);
  const onPinChangeRef = useRef(onPinChange);
  useEffect(() => {
    onPinChangeRef.current = onPinChange;
  }, [onPinChange]);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const instance = new MapLibreMap({
      container,
      style: createBasemapStyle(`${window.location.origin}${API_BASE}/tiles/basemap/{z}/{x}/{y}.mvt`),
      center: INITIAL_CENTER,
      zoom: INITIAL_ZOOM,
      minZoom: 8,
      maxZoom: 18,
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      // Arrow keys belong to the form; keyboard users place the pin through the ward search.
      keyboard: false,
    });
    instance.touchZoomRotate.disableRotation();
    instance.getCanvas().tabIndex = -1;
    const overlay = new MapLibreOverlay({ interleaved: false, layers: [] });
    instance.addControl(overlay);
    overlayRef.current = overlay;
    liveMap.current = instance;

    const marker = new Marker({ draggable: true, color: PIN_COLOUR });
    marker.getElement().dataset.testid = 'call-map-pin';
    const emit = (lngLat: { lng: number; lat: number }) => {
      const next = { lat: round(lngLat.lat), lng: round(lngLat.lng) };
      emittedRef.current = next;
      onPinChangeRef.current(next);
    };
    marker.on('dragend', () => emit(marker.getLngLat()));
    markerRef.current = marker;

    instance.on('click', (event) => emit(event.lngLat));
    instance.once('load', () => {
      setMap(instance);
      instance.once('idle', () => setReady(true));
    });
    window.__operatorMap1022 = instance;

    return () => {
      if (window.__operatorMap1022 === instance) delete window.__operatorMap1022;
      liveMap.current = null;
      overlayRef.current = null;
      markerRef.current = null;
      marker.remove();
      setMap(null);
      setReady(false);
      instance.remove();
    };
  }, [containerRef]);

  const attributionText = attribution.join('\n');
  useEffect(() => {
    if (!map) return;
    const control = new AttributionControl({ compact: false, customAttribution: attributionText.split('\n') });
    map.addControl(control, 'bottom-right');
    return () => {
      if (liveMap.current === map) map.removeControl(control);
    };
  }, [map, attributionText]);

  useEffect(() => {
    const marker = markerRef.current;
    if (!map || !marker) return;
    overlayRef.current?.setProps({ layers: [createSearchRadiusLayer(pin)] });
    if (!pin) {
      marker.remove();
      return;
    }
    marker.setLngLat([pin.lng, pin.lat]).addTo(map);
    if (pin !== emittedRef.current) {
      map.jumpTo({ center: [pin.lng, pin.lat], zoom: Math.max(map.getZoom(), STREET_ZOOM) });
    }
  }, [map, pin]);

  useEffect(() => {
    if (!map || !wardCode) return;
    const key = { source: BASEMAP_SOURCE, sourceLayer: WARDS_SOURCE_LAYER, id: wardCode };
    map.setFeatureState(key, { selected: true });
    return () => {
      if (liveMap.current === map) map.removeFeatureState(key, 'selected');
    };
  }, [map, wardCode]);

  return { ready };
}

/** Six decimals is ~0.1 m: finer digits are noise from the pointer, and shorter URLs. */
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
