import { ScatterplotLayer } from '@deck.gl/layers';
import type { LatLng } from './callBody';

export const SEARCH_RADIUS_LAYER_ID = 'duplicate-search-radius';
/** How far the intake API looks for likely duplicates (contract: "within ~200 m"). */
export const DUPLICATE_RADIUS_M = 200;

// The brand red of the console, light enough not to hide the streets under it.
const FILL: [number, number, number, number] = [185, 28, 28, 28];
const LINE: [number, number, number, number] = [185, 28, 28, 200];

/** The circle around the pin in which the console looks for the same problem; a pure function of the pin. */
export function createSearchRadiusLayer(pin: LatLng | null): ScatterplotLayer<LatLng> {
  return new ScatterplotLayer<LatLng>({
    id: SEARCH_RADIUS_LAYER_ID,
    data: pin ? [pin] : [],
    getPosition: (point) => [point.lng, point.lat],
    getRadius: DUPLICATE_RADIUS_M,
    radiusUnits: 'meters',
    stroked: true,
    filled: true,
    getFillColor: FILL,
    getLineColor: LINE,
    getLineWidth: 1.5,
    lineWidthUnits: 'pixels',
    pickable: false,
  });
}
