import { useEffect, useEffectEvent, type RefObject } from 'react';
import { LngLatBounds, Popup, type GeoJSONSource } from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';
import { useBasemapMap, whenIdle } from '../map/useBasemapMap';
import {
  createQueueMarkerLayer,
  createQueueSource,
  QUEUE_MARKERS_LAYER,
  QUEUE_SOURCE,
  type QueueMarkerProperties,
} from './createQueueMarkerLayer';

/** A lone ticket, or several on one corner, is shown at street level, not at the tiles' limit. */
const MAX_FIT_ZOOM = 16;
const FIT_PADDING = 28;

export interface QueueMap {
  /** True once the style is loaded and the current markers are drawn. */
  ready: boolean;
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
  const open = useEffectEvent((id: string) => options.onOpen(id));
  const describe = useEffectEvent((properties: QueueMarkerProperties) => options.describe(properties));

  // Central Ho Chi Minh City, until the queue's tickets give the view.
  const { map, setReady, ready } = useBasemapMap(containerRef, {
    testHook: '__workbenchMap1022',
    minZoom: 8,
    // The page scrolls past a small map: the wheel scrolls the page; the buttons and a pinch zoom.
    mapOptions: { scrollZoom: false },
    attribution: options.attribution,
    compactAttribution: true,
    extendStyle: (style) => {
      style.sources[QUEUE_SOURCE] = createQueueSource(options.features);
      style.layers.push(createQueueMarkerLayer());
    },
    setup: (instance) => {
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
        // eslint-disable-next-line react-hooks/rules-of-hooks -- setup runs inside useBasemapMap's effect: this is an event handler that effect registers
        popup.setLngLat(event.lngLat).setText(describe(properties)).addTo(instance);
      });
      instance.on('mouseleave', QUEUE_MARKERS_LAYER, () => {
        setHover(null);
        popup.remove();
      });
      instance.on('click', QUEUE_MARKERS_LAYER, (event) => {
        const id = (event.features?.[0]?.properties as QueueMarkerProperties | undefined)?.id;
        // eslint-disable-next-line react-hooks/rules-of-hooks -- setup runs inside useBasemapMap's effect: this is an event handler that effect registers
        if (id) open(id);
      });
      return () => popup.remove();
    },
  });

  // New data every time the queue, a filter or the clock changes the markers.
  useEffect(() => {
    if (!map) return;
    // The source redraws once its worker has the data; nothing waits for that.
    void map.getSource<GeoJSONSource>(QUEUE_SOURCE)?.setData(options.features);
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
    setReady(false);
    const cancel = whenIdle(
      map,
      () => map.isSourceLoaded(QUEUE_SOURCE),
      () => setReady(true),
    );
    map.triggerRepaint();
    return cancel;
  }, [map, ids, setReady]);

  return { ready };
}
