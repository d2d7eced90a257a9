import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutcome } from './callOutcome';
import { useCallFormat } from './useCallFormat';

/** HCM-251121-7K3QXZ → its three parts, read out one after the other. */
function codeParts(code: string): string[] {
  return code.split('-');
}

/** The code to read back to the caller, big; Esc or the button starts the next call. */
export function CallConfirmation({ outcome, onNext }: { outcome: CallOutcome; onNext(): void }) {
  const { t } = useTranslation();
  const format = useCallFormat();
  const nextRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    nextRef.current?.focus();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      onNext();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [onNext]);

  const trackingUrl = outcome.kind === 'created' ? outcome.trackingUrl : `/track/${outcome.code}`;

  return (
    <section
      className={`call-confirmation call-confirmation--${outcome.kind}`}
      role="status"
      aria-live="assertive"
      data-testid="call-confirmation"
      data-kind={outcome.kind}
    >
      <h1 data-testid="call-confirmation-title">
        {outcome.kind === 'created' ? t('operator.confirm.createdTitle') : t('operator.confirm.attachedTitle')}
      </h1>
      <p className="call-confirmation__lead">{t('operator.confirm.readBack')}</p>
      <p
        className="call-confirmation__code"
        aria-label={`${t('operator.confirm.code')}: ${outcome.code}`}
        data-testid="call-confirmation-code"
        data-code={outcome.code}
      >
        {codeParts(outcome.code).map((part, index) => (
          <span key={index} className="call-confirmation__part">
            {part}
          </span>
        ))}
      </p>
      {(outcome.category || outcome.ward) && (
        <p className="call-confirmation__facts">
          {outcome.category && format.category(outcome.category)}
          {outcome.category && outcome.ward && ' · '}
          {outcome.ward?.name}
        </p>
      )}
      {outcome.kind === 'attached' && (
        <p data-testid="call-confirmation-followers">{t('operator.confirm.followers', { count: outcome.followerCount })}</p>
      )}
      <p className="call-confirmation__track">{t('operator.confirm.track', { url: `${window.location.host}${trackingUrl}` })}</p>
      <p className="call-confirmation__elapsed" data-testid="call-confirmation-elapsed">
        {t('operator.confirm.elapsed', { duration: format.duration(outcome.elapsedMs) })}
      </p>
      <button type="button" ref={nextRef} className="button button--large" onClick={onNext} data-testid="call-next">
        {t('operator.confirm.next')} <kbd>Esc</kbd>
      </button>
    </section>
  );
}
