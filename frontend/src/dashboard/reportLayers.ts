import type { LayerSpecification } from 'maplibre-gl';

export const REPORTS_SOURCE = 'reports';
export const HEAT_LAYER = 'reports-heat';
export const POINTS_LAYER = 'reports-points';
/** The backend sends `heat` up to z13 and `points` from z14 (backend maps/tile-grid.ts). */
export const POINTS_MIN_ZOOM = 14;
export const REPORTS_MAX_ZOOM = 14;

export const POINT_COLOURS = { open: '#e08e0b', overdue: '#c0392b', resolved: '#2e8b57' } as const;
export const HOTSPOT_COLOUR: [number, number, number] = [123, 44, 191];

export const HEAT_LAYER_SPEC: LayerSpecification = {
  id: HEAT_LAYER,
  type: 'heatmap',
  source: REPORTS_SOURCE,
  'source-layer': 'heat',
  maxzoom: POINTS_MIN_ZOOM,
  paint: {
    'heatmap-weight': ['interpolate', ['linear'], ['to-number', ['get', 'count'], 0], 0, 0, 1, 0.3, 10, 1],
    'heatmap-intensity': ['interpolate', ['linear'], ['zoom'], 8, 0.6, 13, 1.5],
    'heatmap-radius': ['interpolate', ['linear'], ['zoom'], 8, 8, 13, 24],
    'heatmap-color': [
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
    ],
    // Fades out as the single reports take over at z14.
    'heatmap-opacity': ['interpolate', ['linear'], ['zoom'], 12, 0.85, 14, 0],
  },
};

export const POINTS_LAYER_SPEC: LayerSpecification = {
  id: POINTS_LAYER,
  type: 'circle',
  source: REPORTS_SOURCE,
  'source-layer': 'points',
  minzoom: POINTS_MIN_ZOOM,
  paint: {
    'circle-color': [
      'case',
      ['==', ['get', 'overdue'], true],
      POINT_COLOURS.overdue,
      ['in', ['get', 'status'], ['literal', ['resolved', 'closed']]],
      POINT_COLOURS.resolved,
      POINT_COLOURS.open,
    ],
    'circle-radius': ['interpolate', ['linear'], ['zoom'], 14, 4, 18, 9],
    'circle-stroke-color': '#ffffff',
    'circle-stroke-width': 1,
    'circle-opacity': ['interpolate', ['linear'], ['zoom'], 14, 0.6, 15, 1],
  },
};
