import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CitizenMessageForm } from './CitizenMessageForm';
import { RatingForm } from './RatingForm';
import { rejectResolution, replyToReport } from './trackApi';
import type { TrackedReport } from './trackTypes';

/**
 * What the citizen can do on their report: answer a request for information, or accept
 * (rate) or dispute a resolution. Each sends, then the page reloads the report.
 */
export function CitizenActions({ report, onChanged }: { report: TrackedReport; onChanged(): void }) {
  const { t } = useTranslation();
  const [disputing, setDisputing] = useState(false);

  if (report.status === 'waiting_citizen') {
    const request = [...report.timeline].reverse().find((event) => event.type === 'info_requested' && event.message);
    return (
      <section className="track-section track-actions" aria-labelledby="track-reply-title" data-testid="track-actions">
        <h2 id="track-reply-title">{t('track.actions.reply.title')}</h2>
        {request?.message && (
          <blockquote className="track-quote" data-testid="track-request-message">
            {request.message}
          </blockquote>
        )}
        <CitizenMessageForm kind="reply" send={(message) => replyToReport(report.code, message)} onSent={onChanged} />
      </section>
    );
  }

  if (report.status === 'resolved') {
    const answer = [...report.timeline].reverse().find((event) => event.type === 'resolved' && event.message);
    return (
      <section className="track-section track-actions" aria-labelledby="track-result-title" data-testid="track-actions">
        <h2 id="track-result-title">{t('track.actions.result.title')}</h2>
        {answer?.message && (
          <blockquote className="track-quote" data-testid="track-answer">
            {answer.message}
          </blockquote>
        )}
        <p className="track-muted">{t('track.actions.result.help')}</p>
        <RatingForm code={report.code} onSent={onChanged} />
        {disputing ? (
          <CitizenMessageForm kind="reject" send={(message) => rejectResolution(report.code, message)} onSent={onChanged} />
        ) : (
          <button type="button" className="button button--quiet track-dispute" data-testid="track-reject-open" onClick={() => setDisputing(true)}>
            {t('track.actions.reject.open')}
          </button>
        )}
      </section>
    );
  }
  return null;
}
