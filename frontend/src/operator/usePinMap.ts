import { useEffect, useMemo, useRef, type RefObject } from 'react';
import { Marker } from 'maplibre-gl';
import { useBasemapMap, useDeckLayers } from '../map/useBasemapMap';
import { useWardHighlight } from '../map/useWardHighlight';
import { createSearchRadiusLayer } from './createSearchRadiusLayer';
import type { LatLng } from './callBody';

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
  const markerRef = useRef<Marker | null>(null);
  // The last pin this map produced itself; any other pin came from outside and moves the camera.
  const emittedRef = useRef<LatLng | null>(null);
  const onPinChangeRef = useRef(onPinChange);
  useEffect(() => {
    onPinChangeRef.current = onPinChange;
  }, [onPinChange]);

  // Central Ho Chi Minh City at a zoom where the old inner districts fill the small map.
  const basemap = useBasemapMap(containerRef, {
    testHook: '__operatorMap1022',
    minZoom: 8,
    // Arrow keys belong to the form; keyboard users place the pin through the ward search.
    mapOptions: { keyboard: false },
    navigation: false,
    attribution,
    deckOverlay: true,
    setup: (instance) => {
      instance.getCanvas().tabIndex = -1;
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
      return () => {
        markerRef.current = null;
        marker.remove();
      };
    },
    readyWhen: () => true,
  });
  const { map } = basemap;

  useDeckLayers(
    basemap,
    useMemo(() => [createSearchRadiusLayer(pin)], [pin]),
  );

  useEffect(() => {
    const marker = markerRef.current;
    if (!map || !marker) return;
    if (!pin) {
      marker.remove();
      return;
    }
    marker.setLngLat([pin.lng, pin.lat]).addTo(map);
    if (pin !== emittedRef.current) {
      map.jumpTo({ center: [pin.lng, pin.lat], zoom: Math.max(map.getZoom(), STREET_ZOOM) });
    }
  }, [map, pin]);

  useWardHighlight(basemap, wardCode);

  return { ready: basemap.ready };
}

/** Six decimals is ~0.1 m: finer digits are noise from the pointer, and shorter URLs. */
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
