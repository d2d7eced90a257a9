import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { BASEMAP_SOURCE, WARDS_SOURCE_LAYER } from '../map/basemapStyle';
import { NO_DATA_COLOUR, pointStatusExpression, worstStatusExpression } from './colourScales';

export const REPORTS_SOURCE = 'reports';
/** Density: heatmap (tile layer `heat`, z ≤ 11, z ≤ 13 from older servers), H3 hexagons (`hex`, z12–13), single reports (`points`, z ≥ 14). */
export const HEAT_LAYER = 'reports-heat';
export const HEX_LAYER = 'reports-hex';
export const DOTS_LAYER = 'reports-dots';
/** Status: per-cell circles from the heat and hex counts, status-coloured points from z14. */
export const STATUS_CELLS_LAYER = 'reports-status-cells';
export const STATUS_HEX_LAYER = 'reports-status-hex';
export const STATUS_POINTS_LAYER = 'reports-status-points';
export const CHOROPLETH_LAYER = 'wards-choropleth';
/** Drawn by canvas at runtime (no sprite server on the closed network); tinted per cell as an SDF icon. */
export const STATUS_DOT_IMAGE = 'status-dot';

export const POINTS_MIN_ZOOM = 14;
export const HEX_MIN_ZOOM = 12;
export const REPORTS_MAX_ZOOM = 14;

export const DENSITY_LAYERS = [HEAT_LAYER, HEX_LAYER, DOTS_LAYER] as const;
export const STATUS_LAYERS = [STATUS_CELLS_LAYER, STATUS_HEX_LAYER, STATUS_POINTS_LAYER] as const;

export const HOTSPOT_COLOUR: [number, number, number] = [123, 44, 191];
export const RECURRING_COLOUR: [number, number, number] = [0, 105, 120];

/** A tile feature's `count` (heat cells and hexagons), 0 where it has none. */
export const TILE_COUNT: ExpressionSpecification = ['to-number', ['get', 'count'], 0];

/** The heat's ramp, the same on the leaders' and the public map: clear to dark red as reports pile up. */
export const HEAT_COLOUR: ExpressionSpecification = [
  'interpolate',
  ['linear'],
  ['heatmap-density'],
  0,
  'rgba(255, 255, 178, 0)',
  0.15,
  'rgb(254, 217, 118)',
  0.4,
  'rgb(253, 141, 60)',
  0.7,
  'rgb(240, 59, 32)',
  1,
  'rgb(189, 0, 38)',
];
export const HEAT_RADIUS: ExpressionSpecification = ['interpolate', ['linear'], ['zoom'], 8, 8, 13, 24];

export const HEAT_LAYER_SPEC: LayerSpecification = {
  id: HEAT_LAYER,
  type: 'heatmap',
  source: REPORTS_SOURCE,
  'source-layer': 'heat',
  maxzoom: POINTS_MIN_ZOOM,
  paint: {
    'heatmap-weight': ['interpolate', ['linear'], TILE_COUNT, 0, 0, 1, 0.3, 10, 1],
    'heatmap-intensity': ['interpolate', ['linear'], ['zoom'], 8, 0.6, 13, 1.5],
    'heatmap-radius': HEAT_RADIUS,
    'heatmap-color': HEAT_COLOUR,
    // Older servers send heat up to z13: it fades out there as the single reports take over at z14.
    'heatmap-opacity': ['interpolate', ['linear'], ['zoom'], 12, 0.85, 14, 0],
  },
};

/** H3 cells (res 8 at z12, res 9 at z13) coloured by count on the heatmap's ramp. */
export const HEX_LAYER_SPEC: LayerSpecification = {
  id: HEX_LAYER,
  type: 'fill',
  source: REPORTS_SOURCE,
  'source-layer': 'hex',
  minzoom: HEX_MIN_ZOOM,
  maxzoom: POINTS_MIN_ZOOM,
  paint: {
    'fill-color': [
      'interpolate',
      ['linear'],
      TILE_COUNT,
      1,
      'rgb(254, 217, 118)',
      5,
      'rgb(253, 141, 60)',
      15,
      'rgb(240, 59, 32)',
      40,
      'rgb(189, 0, 38)',
    ],
    'fill-opacity': 0.7,
    'fill-outline-color': 'rgba(255, 255, 255, 0.8)',
  },
};

export const DOTS_LAYER_SPEC: LayerSpecification = {
  id: DOTS_LAYER,
  type: 'circle',
  source: REPORTS_SOURCE,
  'source-layer': 'points',
  minzoom: POINTS_MIN_ZOOM,
  paint: {
    'circle-color': 'rgb(189, 0, 38)',
    'circle-radius': ['interpolate', ['linear'], ['zoom'], 14, 2.5, 18, 6],
    'circle-opacity': 0.8,
  },
};

/** Radius from the count, so a busy cell reads as a cluster. */
const cellRadius: ExpressionSpecification = ['interpolate', ['linear'], ['sqrt', TILE_COUNT], 1, 4, 5, 11, 20, 26];

export const STATUS_CELLS_LAYER_SPEC: LayerSpecification = {
  id: STATUS_CELLS_LAYER,
  type: 'circle',
  source: REPORTS_SOURCE,
  'source-layer': 'heat',
  maxzoom: POINTS_MIN_ZOOM,
  paint: {
    'circle-color': worstStatusExpression(),
    'circle-radius': cellRadius,
    'circle-opacity': 0.75,
    'circle-stroke-color': '#ffffff',
    'circle-stroke-width': 1,
  },
};

/** Circles for the hex cells: a symbol placed at each polygon's inner pole, tinted like the heat cells. */
export const STATUS_HEX_LAYER_SPEC: LayerSpecification = {
  id: STATUS_HEX_LAYER,
  type: 'symbol',
  source: REPORTS_SOURCE,
  'source-layer': 'hex',
  minzoom: HEX_MIN_ZOOM,
  maxzoom: POINTS_MIN_ZOOM,
  layout: {
    'icon-image': STATUS_DOT_IMAGE,
    // The disc is 20 px across at size 1 (statusDotImage).
    'icon-size': ['interpolate', ['linear'], ['sqrt', TILE_COUNT], 1, 0.25, 5, 0.7, 20, 1.6],
    'icon-allow-overlap': true,
    'icon-ignore-placement': true,
  },
  paint: {
    'icon-color': worstStatusExpression(),
    'icon-opacity': 0.8,
    'icon-halo-color': '#ffffff',
    'icon-halo-width': 1,
  },
};

export const STATUS_POINTS_LAYER_SPEC: LayerSpecification = {
  id: STATUS_POINTS_LAYER,
  type: 'circle',
  source: REPORTS_SOURCE,
  'source-layer': 'points',
  minzoom: POINTS_MIN_ZOOM,
  paint: {
    'circle-color': pointStatusExpression(),
    'circle-radius': ['interpolate', ['linear'], ['zoom'], 14, 4, 18, 9],
    'circle-stroke-color': '#ffffff',
    'circle-stroke-width': 1,
    'circle-opacity': ['interpolate', ['linear'], ['zoom'], 14, 0.7, 15, 1],
  },
};

/** Ward fill by the chosen metric, read from feature-state `value` keyed by ward code (promoteId). */
export const CHOROPLETH_LAYER_SPEC: LayerSpecification = {
  id: CHOROPLETH_LAYER,
  type: 'fill',
  source: BASEMAP_SOURCE,
  'source-layer': WARDS_SOURCE_LAYER,
  paint: { 'fill-color': NO_DATA_COLOUR, 'fill-opacity': 0.7 },
};

/**
 * A disc as a signed distance field (MapLibre draws SDF icons with the edge at 192/255 and
 * lower values outside it), so `icon-color` tints it and `icon-halo-*` rings it.
 */
export function statusDotImage(size = 32): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(size * size * 4);
  const centre = (size - 1) / 2;
  const radius = size / 2 - 6;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const inside = radius - Math.hypot(x - centre, y - centre);
      const i = (y * size + x) * 4;
      data[i] = data[i + 1] = data[i + 2] = 255;
      data[i + 3] = Math.max(0, Math.min(255, Math.round(192 + inside * 16)));
    }
  }
  return { width: size, height: size, data };
}
