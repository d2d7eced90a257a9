import { useMemo, useRef } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import 'maplibre-gl/dist/maplibre-gl.css';
import { MapRegion } from '../map/MapRegion';
import { DEADLINE_COLOURS, queueFeatures, type QueueMarkerProperties } from './createQueueMarkerLayer';
import { deadlineOf, type DeadlineState } from './deadline';
import { useQueueMap } from './useQueueMap';
import type { QueueItem } from './workbenchQueries';

const LEGEND: DeadlineState[] = ['overdue', 'warning', 'ok', 'paused'];

/** "A small map of my tickets": the queue as shown (filters applied), one dot per ticket. */
export function QueueMap({ items, now }: { items: readonly QueueItem[]; now: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const containerRef = useRef<HTMLDivElement>(null);
  const features = useMemo(() => queueFeatures(items, (item) => deadlineOf(item, now).state), [items, now]);
  const { ready } = useQueueMap(containerRef, {
    features,
    attribution: t('map.osmAttribution'),
    describe: (marker: QueueMarkerProperties) => `${marker.code} · ${t(`workbench.map.state.${marker.state}`)}`,
    // The router's navigation finishes on its own: nothing here waits for it.
    onOpen: (id) => void navigate(`/workbench/tickets/${id}`),
  });

  return (
    <figure className="wb-map" data-testid="wb-map-panel">
      <MapRegion
        containerRef={containerRef}
        className="wb-map__canvas"
        label={t('workbench.map.label')}
        testId="wb-map"
        ready={ready}
        data={{ 'data-count': features.features.length }}
      />
      <figcaption className="wb-map__legend">
        {LEGEND.map((state) => (
          <span key={state} className="wb-map__key" data-testid="wb-map-key" data-state={state}>
            <span className="wb-map__dot" style={{ background: DEADLINE_COLOURS[state] }} aria-hidden="true" />
            {t(`workbench.map.state.${state}`)}
          </span>
        ))}
        <span className="wb-map__hint">{t('workbench.map.hint')}</span>
      </figcaption>
    </figure>
  );
}
