import { useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/apiError';
import { loadStateOf } from '../api/loadState';
import { LoadProblem } from '../admin/LoadProblem';
import { useAuth } from '../auth/useAuth';
import { useTrackLabels } from '../track/trackLabels';
import { NoteForm } from './NoteForm';
import { SlaClocks } from './SlaClocks';
import { TicketActions } from './TicketActions';
import { TicketTimeline } from './TicketTimeline';
import type { ActionProblem } from './actionProblem';
import { useNow } from './useNow';
import { useWorkbenchFormat } from './useWorkbenchFormat';
import { useQueue, useTicket, type Ticket } from './workbenchQueries';
import '../admin/admin.css';
import './workbench.css';
import { Fact } from '../ui/Fact';
import { PhotoList } from '../ui/PhotoList';

type Notice = { kind: 'done'; status: string } | { kind: 'conflict'; problem: ActionProblem } | null;

/** `/workbench/tickets/:id`: one ticket of the unit, its history and what can be done with it now. */
export default function TicketPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { user } = useAuth();
  const navigate = useNavigate();
  const ticket = loadStateOf(useTicket(id));
  const unitId = user?.unit?.id ?? null;
  const queue = useQueue(unitId);
  const [notice, setNotice] = useState<Notice>(null);
  const labels = useTrackLabels();
  // Another unit's ticket answers 404 (invariant 4): it is "not found", not "forbidden".
  const missing =
    ticket.status === 'error' && ticket.error instanceof ApiError && (ticket.error.status === 404 || ticket.error.status === 400);
  const shown = ticket.data && ticket.data.id === id ? ticket.data : null;

  return (
    <section className="admin wb wb-ticket" data-testid="wb-ticket-page">
      <p className="wb-back">
        <Link to="/workbench" data-testid="wb-back">
          ← {t('workbench.back')}
        </Link>
      </p>
      {notice?.kind === 'conflict' && (
        <div className="wb-problem" role="alert" data-testid="wb-conflict" data-kind={notice.problem.kind}>
          <span>{notice.problem.kind === 'stale' ? t('workbench.errors.stale') : t('workbench.errors.illegal')}</span>
        </div>
      )}
      {notice?.kind === 'done' && (
        <p className="wb-done" role="status" data-testid="wb-action-done" data-status={notice.status}>
          {t('workbench.done', { status: labels.status(notice.status) })}
        </p>
      )}
      {missing ? (
        <p className="admin-problem" role="alert" data-testid="wb-ticket-not-found">
          {t('workbench.notFound')}
        </p>
      ) : (
        <LoadProblem data={ticket} testId="wb-ticket" />
      )}
      {shown && !missing && (
        <TicketView
          ticket={shown}
          reloading={ticket.status === 'loading'}
          actions={
            unitId === null ? null : (
              <TicketActions
                ticket={shown}
                queue={queue.data ?? []}
                onChanged={(result) => setNotice({ kind: 'done', status: result.status })}
                onConflict={(problem) => {
                  setNotice({ kind: 'conflict', problem });
                  ticket.reload();
                }}
                onTransferred={() => void navigate('/workbench', { state: { transferred: shown.code } })}
              />
            )
          }
        />
      )}
    </section>
  );
}

/** `actions` null: read-only (a leader), no actions and no notes. */
function TicketView({ ticket, reloading, actions }: { ticket: Ticket; reloading: boolean; actions: ReactNode | null }) {
  const { t } = useTranslation();
  const labels = useTrackLabels();
  const format = useWorkbenchFormat();
  const now = useNow();
  const reporter = ticket.reporter;

  return (
    <article
      className="wb-ticket__body"
      data-testid="wb-ticket"
      data-id={ticket.id}
      data-code={ticket.code}
      data-status={ticket.status}
      data-version={ticket.version}
      aria-busy={reloading}
    >
      <header className="wb-ticket__head">
        <h1 data-testid="wb-ticket-code">{ticket.code}</h1>
        <span className={`wb-status wb-status--${ticket.status}`} data-testid="wb-ticket-status" data-status={ticket.status}>
          {labels.status(ticket.status)}
        </span>
        {ticket.priority !== 'normal' && (
          <span className="wb-badge wb-badge--priority">
            {t(`workbench.priorities.${ticket.priority}`, { defaultValue: ticket.priority })}
          </span>
        )}
      </header>

      <div className="wb-ticket__grid">
        <div className="wb-ticket__main">
          <dl className="wb-facts">
            <Fact label={t('track.fields.category')} data-testid="wb-ticket-category">
              {format.category(ticket.category)}
            </Fact>
            <Fact label={t('track.fields.ward')} data-testid="wb-ticket-ward">
              {ticket.ward.name}
            </Fact>
            <Fact label={t('track.fields.unit')} data-testid="wb-ticket-unit">
              {ticket.assignedUnit ? format.unit(ticket.assignedUnit) : t('track.unassigned')}
            </Fact>
            {ticket.address && (
              <Fact label={t('track.fields.address')} data-testid="wb-ticket-address">
                {ticket.address}
              </Fact>
            )}
            <Fact label={t('workbench.fields.location')} data-testid="wb-ticket-location">
              {ticket.location.lat.toFixed(5)}, {ticket.location.lng.toFixed(5)}
            </Fact>
            <Fact label={t('track.fields.createdAt')}>
              <time dateTime={ticket.createdAt}>{format.dateTime(ticket.createdAt)}</time>
              <span className="admin-muted"> · {t(`workbench.channels.${ticket.channel}`, { defaultValue: ticket.channel })}</span>
            </Fact>
            <Fact label={t('track.fields.followers')} data-testid="wb-ticket-followers" data-count={ticket.followerCount}>
              {ticket.followerCount > 0 ? t('track.followers', { count: ticket.followerCount }) : t('track.noFollowers')}
            </Fact>
          </dl>

          <section className="admin-panel">
            <h2>{t('track.fields.description')}</h2>
            <p className="wb-description" data-testid="wb-ticket-description">
              {ticket.description}
            </p>
            {ticket.photos.length > 0 && (
              <PhotoList photos={ticket.photos} className="wb-photos" testId="wb-ticket-photos" photoTestId="wb-ticket-photo" />
            )}
          </section>

          <section className="admin-panel" aria-labelledby="wb-timeline-title">
            <h2 id="wb-timeline-title">{t('track.timeline')}</h2>
            <TicketTimeline events={ticket.timeline} />
            {actions !== null && <NoteForm ticketId={ticket.id} />}
          </section>
        </div>

        <aside className="wb-ticket__side">
          {actions !== null && (
            <section className="admin-panel" aria-labelledby="wb-actions-title">
              <h2 id="wb-actions-title">{t('workbench.actionsTitle')}</h2>
              {actions}
            </section>
          )}
          <section className="admin-panel" aria-labelledby="wb-sla-title">
            <h2 id="wb-sla-title">{t('workbench.sla.title')}</h2>
            <SlaClocks clocks={ticket.sla} now={now} />
          </section>
          <section className="admin-panel" aria-labelledby="wb-reporter-title" data-testid="wb-reporter">
            <h2 id="wb-reporter-title">{t('workbench.reporter.title')}</h2>
            {reporter ? (
              <dl className="wb-facts wb-facts--compact">
                {reporter.name && (
                  <Fact label={t('workbench.reporter.name')} data-testid="wb-reporter-name">
                    {reporter.name}
                  </Fact>
                )}
                {reporter.phone && (
                  <Fact label={t('workbench.reporter.phone')} data-testid="wb-reporter-phone">
                    <a href={`tel:${reporter.phone}`}>{reporter.phone}</a>
                  </Fact>
                )}
                {reporter.email && (
                  <Fact label={t('workbench.reporter.email')} data-testid="wb-reporter-email">
                    <a href={`mailto:${reporter.email}`}>{reporter.email}</a>
                  </Fact>
                )}
                {reporter.hideIdentity && <p className="admin-muted">{t('workbench.reporter.hidden')}</p>}
              </dl>
            ) : (
              <p className="admin-muted" data-testid="wb-reporter-none">
                {t('workbench.reporter.none')}
              </p>
            )}
          </section>
        </aside>
      </div>
    </article>
  );
}
