import type { LayerSpecification } from 'maplibre-gl';
import { BASEMAP_SOURCE, WARDS_SOURCE_LAYER } from '../map/basemapStyle';
import { NO_DATA_COLOUR } from '../dashboard/colourScales';
import { HEAT_COLOUR, HEAT_RADIUS, TILE_COUNT } from '../dashboard/reportLayers';

export const PUBLIC_SOURCE = 'public-reports';
export const PUBLIC_HEAT_LAYER = 'public-heat';
export const PUBLIC_CELLS_LAYER = 'public-cells';
export const PUBLIC_ON_TIME_LAYER = 'public-on-time';
/** The public tiles carry `heat` at every zoom (cells of at least 100 m); over-zoomed beyond this. */
export const PUBLIC_MAX_ZOOM = 16;
/** From here the ~100 m cells are drawn one by one instead of blended. */
export const PUBLIC_CELLS_MIN_ZOOM = 14;

export const PUBLIC_HEAT_LAYER_SPEC: LayerSpecification = {
  id: PUBLIC_HEAT_LAYER,
  type: 'heatmap',
  source: PUBLIC_SOURCE,
  'source-layer': 'heat',
  maxzoom: PUBLIC_CELLS_MIN_ZOOM + 1,
  paint: {
    'heatmap-weight': ['interpolate', ['linear'], TILE_COUNT, 0, 0, 5, 0.4, 30, 1],
    'heatmap-intensity': ['interpolate', ['linear'], ['zoom'], 8, 0.6, 13, 1.4],
    'heatmap-radius': HEAT_RADIUS,
    'heatmap-color': HEAT_COLOUR,
    'heatmap-opacity': ['interpolate', ['linear'], ['zoom'], 13, 0.85, PUBLIC_CELLS_MIN_ZOOM + 1, 0],
  },
};

export const PUBLIC_CELLS_LAYER_SPEC: LayerSpecification = {
  id: PUBLIC_CELLS_LAYER,
  type: 'circle',
  source: PUBLIC_SOURCE,
  'source-layer': 'heat',
  minzoom: PUBLIC_CELLS_MIN_ZOOM,
  paint: {
    'circle-color': ['interpolate', ['linear'], TILE_COUNT, 5, 'rgb(253, 141, 60)', 30, 'rgb(189, 0, 38)'],
    // About half a 100 m cell: ~4.7 m per pixel at z14 in the city's latitude, halving at each zoom.
    'circle-radius': ['interpolate', ['exponential', 2], ['zoom'], 14, 10, 18, 160],
    'circle-opacity': ['interpolate', ['linear'], ['zoom'], PUBLIC_CELLS_MIN_ZOOM, 0, PUBLIC_CELLS_MIN_ZOOM + 1, 0.55],
  },
};

export const PUBLIC_ON_TIME_LAYER_SPEC: LayerSpecification = {
  id: PUBLIC_ON_TIME_LAYER,
  type: 'fill',
  source: BASEMAP_SOURCE,
  'source-layer': WARDS_SOURCE_LAYER,
  layout: { visibility: 'none' },
  paint: { 'fill-color': NO_DATA_COLOUR, 'fill-opacity': 0.65 },
};
