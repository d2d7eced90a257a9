import { useTranslation } from 'react-i18next';
import type { CallerReport } from './operatorQueries';
import type { CallFormat } from './useCallFormat';
import type { CallerHistoryState } from './operatorQueries';

interface CallerHistoryPanelProps {
  /** The history of the number now in the phone field; 'idle' when it was not looked up yet. */
  state: CallerHistoryState;
  format: CallFormat;
  onView(report: CallerReport): void;
}

export function CallerHistoryPanel({ state, format, onView }: CallerHistoryPanelProps) {
  const { t } = useTranslation();
  return (
    <section
      className="call-panel call-history"
      aria-labelledby="call-history-heading"
      data-testid="caller-history"
      data-status={state.status}
    >
      <h2 id="call-history-heading">
        {t('operator.history.heading')}
        {state.status === 'ready' && state.reports.length > 0 && <span className="call-panel__count"> ({state.reports.length})</span>}
      </h2>
      <p className="call-panel__status" role="status" data-testid="caller-history-status">
        {state.status === 'idle' && t('operator.history.idle')}
        {state.status === 'loading' && t('operator.history.loading')}
        {state.status === 'error' && t('operator.history.error')}
        {state.status === 'ready' && state.reports.length === 0 && t('operator.history.empty')}
      </p>
      {state.status === 'ready' && state.reports.length > 0 && (
        <ul className="call-history__list" data-testid="caller-history-list">
          {state.reports.map((report) => (
            <li key={`${report.id}:${report.relation}`}>
              <button
                type="button"
                className="call-history__item"
                onClick={() => onView(report)}
                data-testid="caller-history-item"
                data-id={report.id}
                data-code={report.code}
                data-relation={report.relation}
              >
                <span className="call-history__line">
                  <strong className="call-code">{report.code}</strong>
                  <span className={`call-status call-status--${report.status}`}>{format.status(report.status)}</span>
                </span>
                <span className="call-history__line call-history__meta">
                  {format.category(report.category)} · {report.ward.name}
                </span>
                <span className="call-history__line call-history__meta">
                  <time dateTime={report.createdAt}>{format.dateTime(report.createdAt)}</time>
                  {' · '}
                  {t(`operator.history.relation.${report.relation}`)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
