import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { Marker } from 'maplibre-gl';
import { useBasemapMap, useDeckLayers } from '../map/useBasemapMap';
import { useWardHighlight } from '../map/useWardHighlight';
import { useWardLabelLayer } from '../map/useWardLabelLayer';
import type { WardsState } from '../map/useWards';
import type { LngLat, PinPlacement } from './reportForm';

/** Around Bến Thành market: where most people picture "the city" before they place the pin. */
export const DEFAULT_CENTER: LngLat = { lng: 106.6981, lat: 10.7769 };
const DEFAULT_ZOOM = 12;
/** Street level: close enough to put the pin on the right block. */
const PLACED_ZOOM = 15;
const PIN_COLOUR = '#b91c1c';

export interface PinMapText {
  pinLabel: string;
  attribution: readonly string[];
  /** MapLibre UI strings (cooperative-gesture help, zoom buttons), fixed when the map is built. */
  locale: Record<string, string>;
}

export interface PinMapOptions {
  pin: PinPlacement | null;
  /** The unit the pin lies in, highlighted on the basemap. */
  wardCode: string | null;
  wards: WardsState;
  text: PinMapText;
  onPlace(position: LngLat): void;
}

function roundCoordinate(value: number): number {
  // ~1 cm: more digits only add noise to what is stored and compared.
  return Math.round(value * 1e7) / 1e7;
}

/**
 * One MapLibre map with a draggable pin. The map never owns the position: a drag, a click or an
 * arrow key reports a new position through `onPlace`, and the pin follows `pin` from the form.
 * The text is read once; the caller remounts the map when the language changes.
 */
export function usePinMap(containerRef: RefObject<HTMLDivElement | null>, options: PinMapOptions): { ready: boolean } {
  const { pin, wardCode, wards, text, onPlace } = options;
  const markerRef = useRef<Marker | null>(null);
  const onPlaceRef = useRef(onPlace);
  const [initial] = useState({ pin, text });

  useEffect(() => {
    onPlaceRef.current = onPlace;
  }, [onPlace]);

  const start = initial.pin ?? DEFAULT_CENTER;
  const basemap = useBasemapMap(containerRef, {
    testHook: '__map1022',
    center: [start.lng, start.lat],
    zoom: initial.pin ? PLACED_ZOOM : DEFAULT_ZOOM,
    minZoom: 8,
    maxZoom: 19,
    mapOptions: {
      // The map sits in a scrolling form: one finger or the wheel scrolls the page, not the map.
      cooperativeGestures: true,
      locale: initial.text.locale,
    },
    attribution: initial.text.attribution,
    deckOverlay: true,
    setup: (instance) => {
      const marker = new Marker({ draggable: true, color: PIN_COLOUR, anchor: 'bottom' }).setLngLat([start.lng, start.lat]).addTo(instance);
      const element = marker.getElement();
      element.setAttribute('data-testid', 'report-pin');
      element.setAttribute('aria-label', initial.text.pinLabel);

      const place = (lng: number, lat: number) => onPlaceRef.current({ lng: roundCoordinate(lng), lat: roundCoordinate(lat) });
      // MapLibre's draggable marker also moves with the arrow keys and ends that with a dragend.
      marker.on('dragend', () => {
        const { lng, lat } = marker.getLngLat();
        place(lng, lat);
      });
      instance.on('click', (event) => {
        // A click on the pin itself is not a new position (its tip is below the pointer).
        if (event.originalEvent.target instanceof Node && element.contains(event.originalEvent.target)) return;
        place(event.lngLat.lng, event.lngLat.lat);
      });
      markerRef.current = marker;
      return () => {
        markerRef.current = null;
        marker.remove();
      };
    },
    readyWhen: () => true,
  });
  const { map } = basemap;

  // The pin follows the form; a position from the search or the device also brings the camera.
  useEffect(() => {
    const marker = markerRef.current;
    if (!map || !marker) return;
    marker.getElement().classList.toggle('report-pin--unplaced', pin === null);
    if (!pin) return;
    marker.setLngLat([pin.lng, pin.lat]);
    if (pin.origin !== 'map') {
      const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      const camera = { center: [pin.lng, pin.lat] as [number, number], zoom: Math.max(map.getZoom(), PLACED_ZOOM) };
      if (reduceMotion) map.jumpTo(camera);
      else map.flyTo({ ...camera, duration: 800, essential: true });
    }
  }, [map, pin]);

  // Highlights the unit the pin lies in, so a pin near a boundary shows which side it is on.
  useWardHighlight(basemap, wardCode);

  const labelLayer = useWardLabelLayer(map, wards, fullWardName);
  useDeckLayers(
    basemap,
    useMemo(() => [labelLayer], [labelLayer]),
  );

  return { ready: basemap.ready };
}

function fullWardName(ward: { name: string }): string {
  return ward.name;
}
