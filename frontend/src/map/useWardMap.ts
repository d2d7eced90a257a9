import { useCallback, useEffect, useMemo, useState, type RefObject } from 'react';
import { BASEMAP_SOURCE, WARDS_FILL_LAYER } from './basemapStyle';
import { useBasemapMap, useDeckLayers, whenIdle } from './useBasemapMap';
import { shortWardName, useWardLabelLayer } from './useWardLabelLayer';
import { useWardHighlight } from './useWardHighlight';
import type { WardsState } from './useWards';
import type { WardProperties } from './useWards';

/** Over the city centre; replaced by a fit to all 168 units as soon as their list arrives. */
const INITIAL_ZOOM = 9;
const FIT_PADDING = 32;

export interface WardMapState {
  /** True once the first full view (all units) is drawn and every tile of it is loaded. */
  ready: boolean;
  hovered: WardProperties | null;
  selected: WardProperties | null;
  clearSelection(): void;
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
  const [hoveredCode, setHoveredCode] = useState<string | null>(null);
  const [selectedCode, setSelectedCode] = useState<string | null>(null);

  const basemap = useBasemapMap(containerRef, {
    testHook: '__map1022',
    zoom: INITIAL_ZOOM,
    minZoom: 5,
    // The attribution follows the language, so it is rebuilt when its text changes.
    attribution,
    deckOverlay: true,
    setup: (instance) => {
      const codeOf = (properties: Record<string, unknown> | undefined): string | null =>
        // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a tile property is a string or a number
        properties?.code === undefined || properties.code === null ? null : String(properties.code);

      instance.on('mousemove', WARDS_FILL_LAYER, (event) => setHoveredCode(codeOf(event.features?.[0]?.properties)));
      instance.on('mouseleave', WARDS_FILL_LAYER, () => setHoveredCode(null));
      instance.on('click', (event) => {
        const [feature] = instance.queryRenderedFeatures(event.point, { layers: [WARDS_FILL_LAYER] });
        setSelectedCode(codeOf(feature?.properties));
      });
    },
  });
  const { map, ready, setReady } = basemap;

  // First view: every unit on screen (the city reaches Côn Đảo, ~200 km south-east), then ready.
  useEffect(() => {
    if (!map || wards.status === 'loading') return;
    if (wards.status === 'ready' && wards.bounds) {
      map.fitBounds(wards.bounds, { padding: FIT_PADDING, duration: 0 });
    }
    const cancel = whenIdle(
      map,
      () => Boolean(map.getLayer(WARDS_FILL_LAYER)) && map.isSourceLoaded(BASEMAP_SOURCE),
      () => setReady(true),
    );
    // Makes sure an 'idle' follows even when the fit did not move the camera.
    map.triggerRepaint();
    return cancel;
  }, [map, wards, setReady]);

  const labelLayer = useWardLabelLayer(map, wards, shortWardName);
  useDeckLayers(
    basemap,
    useMemo(() => [labelLayer], [labelLayer]),
  );

  useWardHighlight(basemap, hoveredCode, 'hover');
  useWardHighlight(basemap, selectedCode, 'selected');

  useEffect(() => {
    if (map) map.getCanvas().style.cursor = hoveredCode ? 'pointer' : '';
  }, [map, hoveredCode]);

  const lookup = (code: string | null) => (code && wards.status === 'ready' ? (wards.byCode.get(code) ?? null) : null);
  const clearSelection = useCallback(() => setSelectedCode(null), []);

  return { ready, hovered: lookup(hoveredCode), selected: lookup(selectedCode), clearSelection };
}
