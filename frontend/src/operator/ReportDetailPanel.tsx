import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ForCallerActions } from './ForCallerActions';
import type { ReportDetail } from './operatorQueries';
import type { CallFormat } from './useCallFormat';
import type { ReportDetailState } from './operatorQueries';
import { Fact } from '../ui/Fact';

const KNOWN_EVENTS = ['created', 'caller_attached', 'assigned', 'transferred'] as const;

interface ReportDetailPanelProps {
  /** The code is known from the list the ticket was opened from, before the ticket itself loads. */
  code: string;
  state: ReportDetailState;
  format: CallFormat;
  attaching: boolean;
  onAttach(report: ReportDetail): void;
  onClose(): void;
}

/** One earlier ticket in the side panel, with "attach this call" while it is still open. */
export function ReportDetailPanel({ code, state, format, attaching, onAttach, onClose }: ReportDetailPanelProps) {
  const { t, i18n } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), [code]);

  const eventLabel = (type: string, status: string | null) => {
    if ((KNOWN_EVENTS as readonly string[]).includes(type)) return t(`operator.events.${type as (typeof KNOWN_EVENTS)[number]}`);
    // Status changes are recorded under the status they lead to.
    return format.status(status ?? type);
  };

  return (
    <section className="call-panel call-detail" aria-labelledby="call-detail-heading" data-testid="report-detail" data-code={code}>
      <div className="call-detail__head">
        <h2 id="call-detail-heading" ref={headingRef} tabIndex={-1}>
          {t('operator.detail.heading', { code })}
        </h2>
        <button type="button" className="button button--secondary" onClick={onClose} data-testid="report-detail-close">
          {t('operator.detail.back')}
        </button>
      </div>
      {state.status === 'loading' && <p role="status">{t('operator.detail.loading')}</p>}
      {state.status === 'error' && (
        <p role="alert" className="call-panel__error" data-testid="report-detail-error">
          {t('operator.detail.error')}
        </p>
      )}
      {state.status === 'ready' && (
        <>
          <dl className="call-detail__facts">
            <Fact label={t('operator.detail.category')}>{format.category(state.report.category)}</Fact>
            <Fact label={t('operator.detail.ward')}>{state.report.ward.name}</Fact>
            {state.report.address && <Fact label={t('operator.detail.address')}>{state.report.address}</Fact>}
            <Fact label={t('operator.detail.createdAt')}>{format.dateTime(state.report.createdAt)}</Fact>
            <Fact label={t('operator.detail.unit')}>
              {state.report.assignedUnit
                ? i18n.resolvedLanguage === 'en' && state.report.assignedUnit.nameEn
                  ? state.report.assignedUnit.nameEn
                  : state.report.assignedUnit.name
                : t('operator.detail.unassigned')}
            </Fact>
            {typeof state.report.followerCount === 'number' && (
              <Fact label={t('operator.detail.followers')}>{state.report.followerCount}</Fact>
            )}
          </dl>
          <p className="call-detail__status">
            <span className={`call-status call-status--${state.report.status}`} data-testid="report-detail-status">
              {format.status(state.report.status)}
            </span>
          </p>
          <h3>{t('operator.detail.description')}</h3>
          <p className="call-detail__description" data-testid="report-detail-description">
            {state.report.description}
          </p>
          {state.report.callersAttachable ? (
            <button
              type="button"
              className="button"
              disabled={attaching}
              onClick={() => onAttach(state.report)}
              data-testid="report-detail-attach"
            >
              {attaching ? t('operator.actions.attaching') : t('operator.detail.attach')}
            </button>
          ) : (
            <p className="call-detail__finished" data-testid="report-detail-finished">
              {t('operator.detail.finished')}
            </p>
          )}
          <ForCallerActions
            key={`${state.report.status}-${state.report.timeline.length}`}
            reportId={state.report.id}
            actions={state.report.reporterActions ?? []}
          />
          {state.report.timeline.length > 0 && (
            <>
              <h3>{t('operator.detail.timeline')}</h3>
              <ol className="call-detail__timeline" data-testid="report-detail-timeline">
                {state.report.timeline.map((event, index) => (
                  <li key={`${event.at}:${index}`} data-type={event.type}>
                    <time dateTime={event.at}>{format.dateTime(event.at)}</time> {eventLabel(event.type, event.status)}
                    {event.actor && <span className="call-detail__message"> ({event.actor.fullName})</span>}
                    {event.message && <span className="call-detail__message"> — {event.message}</span>}
                  </li>
                ))}
              </ol>
            </>
          )}
        </>
      )}
    </section>
  );
}
