import { GridCellLayer, ScatterplotLayer } from '@deck.gl/layers';
import { changeColour } from './colourScales';
import type { ChangeCell, Hotspot, RecurringLocation } from './useDashboardData';
import { HOTSPOT_COLOUR, RECURRING_COLOUR } from './reportLayers';

export const HOTSPOT_LAYER_ID = 'hotspots';
export const RECURRING_LAYER_ID = 'recurring';
export const CHANGE_LAYER_ID = 'change';

/** Gi* hotspots: a ring the size of the ~500 m cell (insights CELL_M), stronger for higher z. */
export function createHotspotLayer(hotspots: readonly Hotspot[], visible: boolean): ScatterplotLayer<Hotspot> {
  return new ScatterplotLayer<Hotspot>({
    id: HOTSPOT_LAYER_ID,
    data: hotspots as Hotspot[],
    visible,
    getPosition: (hotspot) => [hotspot.cell.lng, hotspot.cell.lat],
    getRadius: 250,
    radiusUnits: 'meters',
    radiusMinPixels: 4,
    stroked: true,
    filled: true,
    getFillColor: (hotspot) => [...HOTSPOT_COLOUR, Math.min(90, 20 + Math.round(hotspot.z * 10))],
    getLineColor: [...HOTSPOT_COLOUR, 160],
    lineWidthMinPixels: 1,
    pickable: true,
  });
}

/** Places that keep coming back after being closed: a ring of the search radius, thicker for more occurrences. */
export function createRecurringLayer(
  locations: readonly RecurringLocation[],
  radiusM: number,
  visible: boolean,
): ScatterplotLayer<RecurringLocation> {
  return new ScatterplotLayer<RecurringLocation>({
    id: RECURRING_LAYER_ID,
    data: locations as RecurringLocation[],
    visible,
    getPosition: (location) => [location.lng, location.lat],
    getRadius: Math.max(radiusM, 30),
    radiusUnits: 'meters',
    radiusMinPixels: 5,
    stroked: true,
    filled: true,
    getFillColor: [...RECURRING_COLOUR, 50],
    getLineColor: [...RECURRING_COLOUR, 230],
    getLineWidth: (location) => Math.min(6, 1 + location.occurrences),
    lineWidthUnits: 'pixels',
    pickable: true,
  });
}

/** This period against the last, per cell: red where reports rose, green where they fell. */
export function createChangeLayer(cells: readonly ChangeCell[], cellM: number, visible: boolean): GridCellLayer<ChangeCell> {
  const maxAbs = cells.reduce((max, cell) => Math.max(max, Math.abs(cell.delta)), 0);
  return new GridCellLayer<ChangeCell>({
    id: CHANGE_LAYER_ID,
    data: cells as ChangeCell[],
    visible,
    // Cells are given by their centres.
    offset: [0, 0],
    cellSize: cellM,
    extruded: false,
    getPosition: (cell) => [cell.lng, cell.lat],
    getFillColor: (cell) => changeColour(cell.delta, maxAbs),
    updateTriggers: { getFillColor: maxAbs },
    pickable: true,
  });
}
