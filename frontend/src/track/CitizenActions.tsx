import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CitizenMessageForm } from './CitizenMessageForm';
import { RatingForm } from './RatingForm';
import { useCitizenActions, type TrackedReport } from './trackQueries';

/**
 * What the reporter can do on their report: answer a request for information, or accept (rate)
 * or dispute a resolution. The server's allowedActions decide, for the holder of the reporter's
 * secret; without it the page only reads, with a hint. Each sends, then the report reloads.
 */
export function CitizenActions({ report, secret }: { report: TrackedReport; secret: string | null }) {
  const { t } = useTranslation();

  if (!report.asReporter || !secret) {
    // Only where the reporter would have something to do: the hint says how.
    if (!['waiting_citizen', 'resolved'].includes(report.status)) return null;
    return (
      <p className="track-notice" data-testid="track-readonly-hint">
        {secret ? t('track.readOnly.invalidLink') : t('track.readOnly.hint')}
      </p>
    );
  }
  return <ReporterActions report={report} secret={secret} />;
}

function ReporterActions({ report, secret }: { report: TrackedReport; secret: string }) {
  const { t } = useTranslation();
  const [disputing, setDisputing] = useState(false);
  const actions = useCitizenActions(report.code, secret);
  const allowed = new Set(report.allowedActions);

  if (allowed.has('reply')) {
    return (
      <section className="track-section track-actions" aria-labelledby="track-reply-title" data-testid="track-actions">
        <h2 id="track-reply-title">{t('track.actions.reply.title')}</h2>
        <LastMessage report={report} type="info_requested" testId="track-request-message" />
        <CitizenMessageForm kind="reply" action={actions.reply} />
      </section>
    );
  }

  if (allowed.has('rate') || allowed.has('reject')) {
    return (
      <section className="track-section track-actions" aria-labelledby="track-result-title" data-testid="track-actions">
        <h2 id="track-result-title">{t('track.actions.result.title')}</h2>
        <LastMessage report={report} type="resolved" testId="track-answer" />
        <p className="track-muted">{t('track.actions.result.help')}</p>
        {allowed.has('rate') && <RatingForm action={actions.rate} />}
        {allowed.has('reject') &&
          (disputing ? (
            <CitizenMessageForm kind="reject" action={actions.reject} />
          ) : (
            <button
              type="button"
              className="button button--quiet track-dispute"
              data-testid="track-reject-open"
              onClick={() => setDisputing(true)}
            >
              {t('track.actions.reject.open')}
            </button>
          ))}
      </section>
    );
  }
  return null;
}

/** The unit's last message of this kind (its request, its answer), quoted above the reporter's form. */
function LastMessage({ report, type, testId }: { report: TrackedReport; type: string; testId: string }) {
  const event = [...report.timeline].reverse().find((candidate) => candidate.type === type && candidate.message);
  if (!event?.message) return null;
  return (
    <blockquote className="track-quote" data-testid={testId}>
      {event.message}
    </blockquote>
  );
}
