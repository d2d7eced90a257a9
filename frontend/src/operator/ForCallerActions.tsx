import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/apiError';
import { useActForReporter, type ReporterAction } from './operatorQueries';

const STARS = [1, 2, 3, 4, 5] as const;

/**
 * A caller without their private link asks the operator to answer, dispute or rate for them
 * (DESIGN.md, "Acting without a web link"). The server says which of these the ticket allows;
 * each is recorded in the timeline as the operator's, on behalf of the reporter.
 */
/** The actions that send the typed message, in the order their buttons stand. */
const MESSAGE_ACTIONS = [
  { action: 'reply', className: 'button' },
  { action: 'reject', className: 'button button--secondary' },
] as const;

export function ForCallerActions({ reportId, actions }: { reportId: string; actions: readonly ReporterAction[] }) {
  const { t } = useTranslation();
  const messageId = useId();
  const [message, setMessage] = useState('');
  const [rating, setRating] = useState(0);
  const [failed, setFailed] = useState<'invalid' | 'conflict' | 'other' | null>(null);
  const act = useActForReporter(reportId);
  const sending = act.isPending;
  if (actions.length === 0) return null;

  const send = async (action: ReporterAction) => {
    setFailed(null);
    try {
      await act.mutateAsync({ action, message: message.trim(), rating });
      setMessage('');
      setRating(0);
    } catch (error) {
      const status = error instanceof ApiError ? error.status : 0;
      setFailed(status === 400 ? 'invalid' : status === 409 ? 'conflict' : 'other');
    }
  };
  const needsMessage = actions.includes('reply') || actions.includes('reject');

  return (
    <section className="call-for-caller" aria-labelledby={`${messageId}-heading`} data-testid="for-caller">
      <h3 id={`${messageId}-heading`}>{t('operator.forCaller.heading')}</h3>
      <p className="call-detail__message">{t('operator.forCaller.help')}</p>
      {needsMessage && (
        <>
          <label htmlFor={messageId}>{t('operator.forCaller.message')}</label>
          <textarea
            id={messageId}
            rows={3}
            maxLength={5000}
            value={message}
            onChange={(event) => setMessage(event.target.value)}
            data-testid="for-caller-message"
          />
        </>
      )}
      <div className="call-for-caller__actions">
        {MESSAGE_ACTIONS.filter(({ action }) => actions.includes(action)).map(({ action, className }) => (
          <button
            key={action}
            type="button"
            className={className}
            disabled={sending || message.trim().length < 2}
            onClick={() => void send(action)}
            data-testid={`for-caller-${action}`}
          >
            {t(`operator.forCaller.${action}`)}
          </button>
        ))}
      </div>
      {actions.includes('rate') && (
        <div className="call-for-caller__actions">
          <label>
            {t('operator.forCaller.rating')}{' '}
            <select value={rating} onChange={(event) => setRating(Number(event.target.value))} data-testid="for-caller-rating">
              <option value={0}>—</option>
              {STARS.map((star) => (
                <option key={star} value={star}>
                  {star}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button"
            disabled={sending || rating < 1}
            onClick={() => void send('rate')}
            data-testid="for-caller-rate"
          >
            {t('operator.forCaller.rate')}
          </button>
        </div>
      )}
      {failed && (
        <p role="alert" className="call-panel__error" data-testid="for-caller-error">
          {t(`operator.forCaller.errors.${failed}`)}
        </p>
      )}
    </section>
  );
}
