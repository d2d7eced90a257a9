import { sessionToken } from '../api/client';
import { useEffect, useMemo, type RefObject } from 'react';
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import type { Layer } from '@deck.gl/core';
import { WARDS_FILL_LAYER, addLayerOverWardFills, wardFeature } from '../map/basemapStyle';
import { useBasemapMap, useDeckLayers, useSourceTiles } from '../map/useBasemapMap';
import { useWardHighlight } from '../map/useWardHighlight';
import { useWardLabelLayer } from '../map/useWardLabelLayer';
import type { WardsState } from '../map/useWards';
import { choroplethExpression, type LegendClass } from './colourScales';
import { CHANGE_LAYER_ID, RECURRING_LAYER_ID } from './createInsightLayers';
import { REPORT_TILES_PATH } from './dashboardFilters';
import type { ChangeCell, RecurringLocation } from './useDashboardData';
import {
  CHOROPLETH_LAYER,
  CHOROPLETH_LAYER_SPEC,
  DENSITY_LAYERS,
  DOTS_LAYER_SPEC,
  HEAT_LAYER_SPEC,
  HEX_LAYER_SPEC,
  REPORTS_MAX_ZOOM,
  REPORTS_SOURCE,
  STATUS_CELLS_LAYER_SPEC,
  STATUS_DOT_IMAGE,
  STATUS_HEX_LAYER_SPEC,
  STATUS_LAYERS,
  STATUS_POINTS_LAYER,
  STATUS_POINTS_LAYER_SPEC,
  DOTS_LAYER,
  statusDotImage,
} from './reportLayers';
import { useLatestRef } from '../ui/useLatestRef';

/** Pixels around a click searched for a report point: a finger is not a mouse. */
const PICK_RADIUS_PX = 8;

export interface LayerVisibility {
  density: boolean;
  status: boolean;
  choropleth: boolean;
  hotspots: boolean;
  recurring: boolean;
  compare: boolean;
}

export type MapPick =
  | { kind: 'point'; id: string; lngLat: [number, number] }
  | { kind: 'ward'; code: string }
  | { kind: 'recurring'; location: RecurringLocation; lngLat: [number, number] }
  | { kind: 'change'; cell: ChangeCell; lngLat: [number, number] };

export interface DashboardMapOptions {
  tileUrl: string;
  visibility: LayerVisibility;
  attribution: string;
  wards: WardsState;
  /** Ward code → metric value for the choropleth, with its classes. */
  choropleth: { values: ReadonlyMap<string, number | null>; classes: readonly LegendClass[] };
  selectedWard: string | null;
  /** deck.gl layers built by the page (hotspots, recurring locations, change), in drawing order. */
  insightLayers: readonly Layer[];
  onPick(pick: MapPick | null): void;
}

export interface DashboardMap {
  map: MapLibreMap | null;
  /** True once the style and the first view of the report tiles are loaded. */
  ready: boolean;
  flyTo(lng: number, lat: number, zoom?: number): void;
}

/**
 * One MapLibre map: our basemap with the ward choropleth, the report tiles (density and status
 * layers), and a deck.gl overlay for the insight layers and ward names. The tile URL carries
 * the filters, the window and the live generation; changing it re-fetches every report layer.
 */
export function useDashboardMap(containerRef: RefObject<HTMLDivElement | null>, options: DashboardMapOptions): DashboardMap {
  const onPickRef = useLatestRef(options.onPick);

  const basemap = useBasemapMap(containerRef, {
    testHook: '__dashboardMap1022',
    minZoom: 5,
    attribution: options.attribution,
    mapOptions: {
      // The session's token, read at every tile request (as the API client reads it), so a refreshed one is used without a new map.
      transformRequest: (url) => {
        const token = sessionToken();
        if (token && url.startsWith(`${window.location.origin}${REPORT_TILES_PATH}`)) {
          return { url, headers: { Authorization: `Bearer ${token}` } };
        }
        return { url };
      },
    },
    extendStyle: (style) => {
      // The first URL; later ones reach the source through useSourceTiles.
      style.sources[REPORTS_SOURCE] = { type: 'vector', tiles: [options.tileUrl], minzoom: 0, maxzoom: REPORTS_MAX_ZOOM };
      addLayerOverWardFills(style, CHOROPLETH_LAYER_SPEC);
      style.layers.push(
        HEAT_LAYER_SPEC,
        HEX_LAYER_SPEC,
        DOTS_LAYER_SPEC,
        STATUS_CELLS_LAYER_SPEC,
        STATUS_HEX_LAYER_SPEC,
        STATUS_POINTS_LAYER_SPEC,
      );
    },
    deckOverlay: true,
    setup: (instance, overlay) => {
      instance.on('styleimagemissing', (event) => {
        if (event.id === STATUS_DOT_IMAGE && !instance.hasImage(STATUS_DOT_IMAGE))
          instance.addImage(STATUS_DOT_IMAGE, statusDotImage(), { sdf: true });
      });

      // A report point wins over an insight mark, which wins over the ward underneath.
      const onClick = (event: MapMouseEvent) => {
        const { x, y } = event.point;
        const box: [[number, number], [number, number]] = [
          [x - PICK_RADIUS_PX, y - PICK_RADIUS_PX],
          [x + PICK_RADIUS_PX, y + PICK_RADIUS_PX],
        ];
        const pointLayers = [STATUS_POINTS_LAYER, DOTS_LAYER].filter((id) => instance.getLayoutProperty(id, 'visibility') !== 'none');
        const [point] = pointLayers.length ? instance.queryRenderedFeatures(box, { layers: pointLayers }) : [];
        if (point?.properties?.id) {
          const [lng, lat] =
            point.geometry.type === 'Point' ? (point.geometry.coordinates as [number, number]) : [event.lngLat.lng, event.lngLat.lat];
          onPickRef.current({ kind: 'point', id: String(point.properties.id), lngLat: [lng, lat] });
          return;
        }
        const picked = overlay?.pickObject({ x, y, radius: 4, layerIds: [RECURRING_LAYER_ID, CHANGE_LAYER_ID] });
        const lngLat: [number, number] = [event.lngLat.lng, event.lngLat.lat];
        if (picked?.object && picked.layer?.id === RECURRING_LAYER_ID) {
          onPickRef.current({ kind: 'recurring', location: picked.object as RecurringLocation, lngLat });
          return;
        }
        if (picked?.object && picked.layer?.id === CHANGE_LAYER_ID) {
          onPickRef.current({ kind: 'change', cell: picked.object as ChangeCell, lngLat });
          return;
        }
        const [ward] = instance.queryRenderedFeatures(event.point, { layers: [WARDS_FILL_LAYER] });
        const code = ward?.properties?.code;
        onPickRef.current(code === undefined || code === null ? null : { kind: 'ward', code: String(code) });
      };
      instance.on('click', onClick);
      const pointer = (on: boolean) => () => (instance.getCanvas().style.cursor = on ? 'pointer' : '');
      for (const id of [STATUS_POINTS_LAYER, DOTS_LAYER]) {
        instance.on('mouseenter', id, pointer(true));
        instance.on('mouseleave', id, pointer(false));
      }
    },
    readyWhen: (instance) => instance.isSourceLoaded(REPORTS_SOURCE),
  });
  const { map, liveMap } = basemap;

  // Filters, window and live generation: one URL for the source, so every report layer follows together.
  useSourceTiles(map, REPORTS_SOURCE, options.tileUrl);

  const { density, status, choropleth } = options.visibility;
  useEffect(() => {
    if (!map) return;
    for (const id of DENSITY_LAYERS) map.setLayoutProperty(id, 'visibility', density ? 'visible' : 'none');
    for (const id of STATUS_LAYERS) map.setLayoutProperty(id, 'visibility', status ? 'visible' : 'none');
    map.setLayoutProperty(CHOROPLETH_LAYER, 'visibility', choropleth ? 'visible' : 'none');
  }, [map, density, status, choropleth]);

  // Choropleth: one feature-state value per ward code; the fill reads it through the class steps.
  const { values, classes } = options.choropleth;
  useEffect(() => {
    if (!map) return;
    map.setPaintProperty(CHOROPLETH_LAYER, 'fill-color', choroplethExpression(classes));
    for (const [code, value] of values) map.setFeatureState(wardFeature(code), { value });
    return () => {
      // eslint-disable-next-line react-hooks/exhaustive-deps -- the cleanup acts only if this map is still the live one when it runs
      if (liveMap.current !== map) return;
      for (const code of values.keys()) map.setFeatureState(wardFeature(code), { value: null });
    };
  }, [map, liveMap, values, classes]);

  useWardHighlight(basemap, options.selectedWard);

  const labelLayer = useWardLabelLayer(map, options.wards);
  const { insightLayers } = options;
  useDeckLayers(
    basemap,
    useMemo(() => [...insightLayers, labelLayer], [insightLayers, labelLayer]),
  );

  const flyTo = (lng: number, lat: number, zoom = 15) => {
    liveMap.current?.flyTo({ center: [lng, lat], zoom, essential: true });
  };

  return { map, ready: basemap.ready, flyTo };
}
