import { useTranslation } from 'react-i18next';
import { useTrackLabels } from '../track/trackLabels';
import { useWorkbenchFormat } from './useWorkbenchFormat';
import type { Schemas } from '../api/client';
import { splitErased } from './erasedText';

type TicketEvent = Schemas['StaffTimelineEntry'];

/** Every event of the ticket, oldest first; what the citizen never sees is marked internal. */
export function TicketTimeline({ events }: { events: readonly TicketEvent[] }) {
  const { t } = useTranslation();
  const labels = useTrackLabels();
  const format = useWorkbenchFormat();

  if (events.length === 0) return <p className="admin-muted">{t('track.timelineEmpty')}</p>;
  return (
    <ol className="wb-timeline" data-testid="wb-timeline">
      {events.map((event) => {
        const rating = event.type === 'rated' && typeof event.data?.rating === 'number' ? event.data.rating : null;
        const comment = event.type === 'rated' && typeof event.data?.comment === 'string' ? event.data.comment : null;
        return (
          <li
            key={event.id}
            className={`wb-event ${event.isPublic ? 'wb-event--public' : 'wb-event--internal'}`}
            data-testid="wb-event"
            data-type={event.type}
            data-public={event.isPublic}
          >
            <p className="wb-event__head">
              <span className="wb-event__title">{labels.event(event.type)}</span>
              {event.isPublic ? (
                <span className="wb-tag wb-tag--public">{t('workbench.timeline.public')}</span>
              ) : (
                <span className="wb-tag wb-tag--internal" data-testid="wb-event-internal">
                  {t('workbench.timeline.internal')}
                </span>
              )}
            </p>
            <p className="wb-event__meta">
              <time dateTime={event.at}>{format.dateTime(event.at)}</time>
              {' · '}
              {event.actor ? `${event.actor.fullName} (${event.actor.username})` : t('workbench.timeline.system')}
              {event.status && ` · ${labels.status(event.status)}`}
            </p>
            {event.message && (
              <p className="wb-event__message" data-testid="wb-event-message">
                <ErasedText text={event.message} />
              </p>
            )}
            {rating !== null && (
              <p className="wb-event__message" data-testid="wb-event-rating">
                {t('workbench.timeline.rating', { rating })}
                {comment && (
                  <>
                    {' — '}
                    <ErasedText text={comment} />
                  </>
                )}
              </p>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** Text with each erased value shown as such, apart from what people wrote. */
function ErasedText({ text }: { text: string }) {
  return (
    <>
      {splitErased(text).map((part, i) =>
        part.erased ? (
          <mark key={i} className="wb-erased" data-testid="wb-erased">
            {part.text}
          </mark>
        ) : (
          part.text
        ),
      )}
    </>
  );
}
