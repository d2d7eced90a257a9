import { useTranslation } from 'react-i18next';
import { useDateTimeFormat, useTrackLabels } from './trackLabels';
import type { Schemas } from '../api/client';

type TimelineEvent = Schemas['TimelineEntry'];

/** The public events of a report, oldest first, as the API sends them. */
export function TrackTimeline({ events }: { events: readonly TimelineEvent[] }) {
  const { t } = useTranslation();
  const labels = useTrackLabels();
  const formatDate = useDateTimeFormat();

  if (events.length === 0) {
    return (
      <p className="track-muted" data-testid="track-timeline-empty">
        {t('track.timelineEmpty')}
      </p>
    );
  }
  return (
    <ol className="track-timeline" data-testid="track-timeline">
      {events.map((event, index) => (
        <li key={`${event.at}-${index}`} className="track-timeline__item" data-testid="track-event" data-type={event.type}>
          <time dateTime={event.at} className="track-timeline__time">
            {formatDate(event.at)}
          </time>
          <p className="track-timeline__title">
            {labels.event(event.type)}
            {!labels.isKnownEvent(event.type) && event.status && <span className="track-muted"> · {labels.status(event.status)}</span>}
          </p>
          {event.message && (
            <p className="track-timeline__message" data-testid="track-event-message">
              {event.message}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
