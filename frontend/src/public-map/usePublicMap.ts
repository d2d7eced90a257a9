import { useEffect, useMemo, type RefObject } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { addLayerOverWardFills, wardFeature } from '../map/basemapStyle';
import { useBasemapMap, useDeckLayers, useSourceTiles } from '../map/useBasemapMap';
import { useWardLabelLayer } from '../map/useWardLabelLayer';
import type { WardsState } from '../map/useWards';
import { choroplethExpression, type LegendClass } from '../dashboard/colourScales';
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
import { useLatestRef } from '../ui/useLatestRef';

export interface PublicMapClick {
  lngLat: [number, number];
  zoom: number;
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
  const onClickRef = useLatestRef(options.onClick);

  const basemap = useBasemapMap(containerRef, {
    testHook: '__publicMap1022',
    minZoom: 5,
    attribution: options.attribution,
    extendStyle: (style) => {
      // The first URL; later ones reach the source through useSourceTiles.
      style.sources[PUBLIC_SOURCE] = { type: 'vector', tiles: [options.tileUrl], minzoom: 0, maxzoom: PUBLIC_MAX_ZOOM };
      addLayerOverWardFills(style, PUBLIC_ON_TIME_LAYER_SPEC);
      style.layers.push(PUBLIC_HEAT_LAYER_SPEC, PUBLIC_CELLS_LAYER_SPEC);
    },
    deckOverlay: true,
    setup: (instance) => {
      instance.on('click', (event) => onClickRef.current({ lngLat: [event.lngLat.lng, event.lngLat.lat], zoom: instance.getZoom() }));
    },
    readyWhen: (instance) => instance.isSourceLoaded(PUBLIC_SOURCE),
  });
  const { map, ready } = basemap;

  useSourceTiles(map, PUBLIC_SOURCE, options.tileUrl);

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
    for (const [code, value] of values) map.setFeatureState(wardFeature(code), { value });
  }, [map, visible, values, classes]);

  const labelLayer = useWardLabelLayer(map, options.wards);
  useDeckLayers(
    basemap,
    useMemo(() => [labelLayer], [labelLayer]),
  );

  return { map, ready };
}
