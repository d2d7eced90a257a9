import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import {
  LAND,
  ROAD,
  ROAD_CASING,
  WARD_FILL,
  WARD_FILL_OPACITY,
  WARD_FILL_OPACITY_HOVER,
  WARD_FILL_OPACITY_SELECTED,
  WARD_LINE,
  WARD_LINE_ACTIVE,
  WATER,
} from './mapPalette';

export const BASEMAP_SOURCE = 'basemap';
export const WARDS_SOURCE_LAYER = 'wards';
export const WARDS_FILL_LAYER = 'wards-fill';
export const WARDS_LINE_LAYER = 'wards-line';
/** The backend cuts tiles down to this zoom; MapLibre over-zooms them beyond. */
export const BASEMAP_MAX_ZOOM = 14;

/** A ward's feature on the basemap, for feature-state keyed by its official code (promoteId). */
export function wardFeature(code: string): { source: string; sourceLayer: string; id: string } {
  return { source: BASEMAP_SOURCE, sourceLayer: WARDS_SOURCE_LAYER, id: code };
}

/** Puts a layer on the ward fills, under water, roads and outlines (a choropleth). */
export function addLayerOverWardFills(style: StyleSpecification, layer: LayerSpecification): void {
  const wardsFill = style.layers.findIndex((candidate) => candidate.id === WARDS_FILL_LAYER);
  style.layers.splice(wardsFill + 1, 0, layer);
}

const wardFillColor: ExpressionSpecification = [
  'match',
  ['get', 'kind'],
  'phuong',
  WARD_FILL.phuong,
  'xa',
  WARD_FILL.xa,
  'dac_khu',
  WARD_FILL.dac_khu,
  WARD_FILL.thi_tran,
];

const isFastRoad: ExpressionSpecification = ['>=', ['to-number', ['get', 'speed_kph'], 0], 60];

/**
 * The whole map style, from our own tiles only: no glyphs, sprites, fonts or remote styles,
 * so it renders on the city's closed network. Ward labels are drawn by deck.gl instead of
 * symbol layers for the same reason (symbol text would need a glyph server).
 */
export function createBasemapStyle(tileUrlTemplate: string): StyleSpecification {
  return {
    version: 8,
    name: '1022 basemap',
    sources: {
      [BASEMAP_SOURCE]: {
        type: 'vector',
        tiles: [tileUrlTemplate],
        minzoom: 0,
        maxzoom: BASEMAP_MAX_ZOOM,
        // Lets hover and selection use feature-state keyed by the official ward code.
        promoteId: { [WARDS_SOURCE_LAYER]: 'code' },
      },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': LAND } },
      {
        id: WARDS_FILL_LAYER,
        type: 'fill',
        source: BASEMAP_SOURCE,
        'source-layer': WARDS_SOURCE_LAYER,
        paint: {
          'fill-color': wardFillColor,
          'fill-opacity': [
            'case',
            ['boolean', ['feature-state', 'selected'], false],
            WARD_FILL_OPACITY_SELECTED,
            ['boolean', ['feature-state', 'hover'], false],
            WARD_FILL_OPACITY_HOVER,
            WARD_FILL_OPACITY,
          ],
        },
      },
      {
        id: 'water',
        type: 'fill',
        source: BASEMAP_SOURCE,
        'source-layer': 'water',
        paint: { 'fill-color': WATER },
      },
      {
        id: 'roads-casing',
        type: 'line',
        source: BASEMAP_SOURCE,
        'source-layer': 'roads',
        minzoom: 11,
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: {
          'line-color': ROAD_CASING,
          'line-width': ['interpolate', ['linear'], ['zoom'], 11, 2, 14, ['case', isFastRoad, 7, 5], 18, ['case', isFastRoad, 22, 15]],
        },
      },
      {
        id: 'roads',
        type: 'line',
        source: BASEMAP_SOURCE,
        'source-layer': 'roads',
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: {
          'line-color': ROAD,
          'line-width': [
            'interpolate',
            ['linear'],
            ['zoom'],
            8,
            ['case', isFastRoad, 0.8, 0.4],
            11,
            ['case', isFastRoad, 1.6, 0.9],
            14,
            ['case', isFastRoad, 5, 3.5],
            18,
            ['case', isFastRoad, 18, 12],
          ],
        },
      },
      {
        id: WARDS_LINE_LAYER,
        type: 'line',
        source: BASEMAP_SOURCE,
        'source-layer': WARDS_SOURCE_LAYER,
        layout: { 'line-join': 'round' },
        paint: {
          'line-color': ['case', ['boolean', ['feature-state', 'selected'], false], WARD_LINE_ACTIVE, WARD_LINE],
          'line-width': [
            'interpolate',
            ['linear'],
            ['zoom'],
            8,
            ['case', ['boolean', ['feature-state', 'selected'], false], 2, 0.6],
            14,
            ['case', ['boolean', ['feature-state', 'selected'], false], 3.5, 1.6],
          ],
        },
      },
    ],
  };
}
