import type { FeatureCollection, Point } from 'geojson';
import type { CircleLayerSpecification, GeoJSONSourceSpecification } from 'maplibre-gl';
import type { DeadlineState } from './deadline';
import type { QueueItem } from './workbenchQueries';

export const QUEUE_SOURCE = 'queue';
export const QUEUE_MARKERS_LAYER = 'queue-markers';

/** The deadline badge's colours, a shade stronger so a small dot reads on the basemap. */
export const DEADLINE_COLOURS: Record<DeadlineState, string> = {
  overdue: '#b91c1c',
  warning: '#d97706',
  ok: '#047857',
  paused: '#6b7280',
  none: '#6b7280',
};

export interface QueueMarkerProperties {
  id: string;
  code: string;
  state: DeadlineState;
}

/** One point per ticket, carrying what the marker needs: its id to open, its code, its badge state. */
export function queueFeatures(
  items: readonly QueueItem[],
  stateOf: (item: QueueItem) => DeadlineState,
): FeatureCollection<Point, QueueMarkerProperties> {
  return {
    type: 'FeatureCollection',
    features: items
      .filter((item) => item.location && Number.isFinite(item.location.lat) && Number.isFinite(item.location.lng))
      .map((item) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [item.location.lng, item.location.lat] },
        properties: { id: item.id, code: item.code, state: stateOf(item) },
      })),
  };
}

/** The ticket id becomes the feature id (feature-state for hover needs one). */
export function createQueueSource(data: FeatureCollection<Point, QueueMarkerProperties>): GeoJSONSourceSpecification {
  return { type: 'geojson', data, promoteId: 'id' };
}

/** Overdue on top: the layer draws in sort-key order, so the most urgent dot is never hidden. */
const STACKING: Record<DeadlineState, number> = { none: 0, paused: 1, ok: 2, warning: 3, overdue: 4 };

export function createQueueMarkerLayer(): CircleLayerSpecification {
  return {
    id: QUEUE_MARKERS_LAYER,
    type: 'circle',
    source: QUEUE_SOURCE,
    layout: {
      'circle-sort-key': [
        'match',
        ['get', 'state'],
        'overdue',
        STACKING.overdue,
        'warning',
        STACKING.warning,
        'ok',
        STACKING.ok,
        'paused',
        STACKING.paused,
        STACKING.none,
      ],
    },
    paint: {
      'circle-color': [
        'match',
        ['get', 'state'],
        'overdue',
        DEADLINE_COLOURS.overdue,
        'warning',
        DEADLINE_COLOURS.warning,
        'ok',
        DEADLINE_COLOURS.ok,
        'paused',
        DEADLINE_COLOURS.paused,
        DEADLINE_COLOURS.none,
      ],
      'circle-radius': ['case', ['boolean', ['feature-state', 'hover'], false], 9, 7],
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 2,
    },
  };
}
