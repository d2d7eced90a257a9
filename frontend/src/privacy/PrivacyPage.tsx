import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/apiError';
import { ConfirmDialog } from '../admin/ConfirmDialog';
import { cityDateTime } from '../i18n/cityDateTime';
import { storedSecret } from '../track/reporterSecret';
import { normaliseTrackingCode } from '../track/trackingCode';
import { holdsNothing } from './heldData';
import { HeldDataView } from './HeldDataView';
import { OpenAccessForm, type ReporterLink } from './OpenAccessForm';
import { handedSecret } from './reporterLinkHandoff';
import { useAskErasure, useDownloadMyData, useMyData, type ErasureReceipt, type PrivacyAccess } from './privacyQueries';
import '../admin/admin.css';
import './privacy.css';

/**
 * The private link of the report named in `?code=`: its secret from this browser's storage (kept
 * there by the tracking page), or handed over in memory when storage is refused. The secret itself
 * is never in the address.
 */
function useReporterLink(): ReporterLink | null {
  const [params] = useSearchParams();
  const code = normaliseTrackingCode(params.get('code') ?? '');
  if (!code) return null;
  const secret = storedSecret(code) ?? handedSecret(code);
  return secret ? { code, secret } : null;
}

type View =
  { step: 'open'; notice: string | null } | { step: 'held'; access: PrivacyAccess } | { step: 'erasing'; receipt: ErasureReceipt };

/**
 * /privacy, "My data" (Law 91/2025/QH15): the citizen shows who they are, sees what 1022 holds
 * about them, downloads it, and may ask for its erasure. The access token lives in this
 * component's state only: gone when the page is left, closed, or the erasure asked for.
 */
export default function PrivacyPage() {
  const { t } = useTranslation();
  const link = useReporterLink();
  const [view, setView] = useState<View>({ step: 'open', notice: null });

  return (
    <div className="page privacy-page" data-testid="privacy-page">
      <h1>{t('privacy.title')}</h1>
      <p className="privacy-lead">{t('privacy.lead')}</p>
      {view.step === 'open' && <OpenAccessForm link={link} notice={view.notice} onOpened={(access) => setView({ step: 'held', access })} />}
      {view.step === 'held' && (
        <HeldData
          access={view.access}
          onClose={(notice) => setView({ step: 'open', notice })}
          onErasureAsked={(receipt) => setView({ step: 'erasing', receipt })}
        />
      )}
      {view.step === 'erasing' && <ErasureResult receipt={view.receipt} />}
    </div>
  );
}

/** After the erasure was asked for: its reference and state; the data and its token are gone from the page (the token is void). */
function ErasureResult({ receipt }: { receipt: ErasureReceipt }) {
  const { t } = useTranslation();
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => titleRef.current?.focus(), []);
  return (
    <section
      className="privacy-panel"
      aria-labelledby="privacy-erasure-result-title"
      data-testid="privacy-erasure-result"
      data-status={receipt.status}
    >
      <h2 id="privacy-erasure-result-title" ref={titleRef} tabIndex={-1}>
        {t('privacy.erasure.resultTitle')}
      </h2>
      <p role="status" data-testid="privacy-erasure-receipt" data-request-id={receipt.requestId}>
        {t('privacy.erasure.received', { id: receipt.requestId, status: t(`privacy.erasure.status.${receipt.status}`) })}
      </p>
      <p>{t('privacy.erasure.next')}</p>
    </section>
  );
}

interface HeldDataProps {
  access: PrivacyAccess;
  /** Back to the first step, with why (the session ended), or none (the citizen closed it). */
  onClose(notice: string | null): void;
  onErasureAsked(receipt: ErasureReceipt): void;
}

function HeldData({ access, onClose, onErasureAsked }: HeldDataProps) {
  const { t, i18n } = useTranslation();
  const dateTime = cityDateTime(i18n.resolvedLanguage === 'en' ? 'en-GB' : 'vi-VN');
  const token = access.accessToken;
  const held = useMyData(token);
  const download = useDownloadMyData(token);
  const erase = useAskErasure(token);
  const [confirming, setConfirming] = useState(false);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const expired = isRefused(held.error) || isRefused(download.error) || isRefused(erase.error);

  // The citizen's focus follows them to what they asked to see.
  useEffect(() => titleRef.current?.focus(), []);
  useEffect(() => {
    if (expired) onClose(t('privacy.held.expired'));
  }, [expired, onClose, t]);

  const askErasure = async () => {
    try {
      onErasureAsked(await erase.mutateAsync());
    } catch {
      // The dialog shows the failure (erase.isError) and stays open.
    }
  };

  return (
    <section className="privacy-held" aria-labelledby="privacy-held-title" data-testid="privacy-held">
      <div className="privacy-held__head">
        <h2 id="privacy-held-title" ref={titleRef} tabIndex={-1}>
          {t('privacy.held.title')}
        </h2>
        <button type="button" className="button button--secondary" onClick={() => onClose(null)} data-testid="privacy-close">
          {t('privacy.held.close')}
        </button>
      </div>
      <p className="privacy-muted">{t('privacy.held.expiresAt', { at: dateTime(access.expiresAt) })}</p>

      {held.isPending && (
        <p className="privacy-muted" role="status" data-testid="privacy-held-loading">
          {t('common.loading')}
        </p>
      )}
      {held.isError && !expired && (
        <p className="privacy-error" role="alert" data-testid="privacy-held-error">
          {held.error instanceof ApiError && held.error.status > 0
            ? t('privacy.open.errors.server', { status: held.error.status })
            : t('privacy.open.errors.network')}
        </p>
      )}

      {held.data && (
        <>
          <p className="privacy-muted" data-testid="privacy-generated-at">
            {t('privacy.held.generatedAt', { at: dateTime(held.data.generatedAt) })}
            {' · '}
            {t('privacy.held.subject', { values: [...held.data.subject.phones, ...held.data.subject.emails].join(', ') })}
          </p>
          {holdsNothing(held.data) && (
            <p className="privacy-notice" data-testid="privacy-nothing">
              {t('privacy.held.nothing')}
            </p>
          )}
          <HeldDataView held={held.data} />

          <section className="privacy-panel" aria-labelledby="privacy-download-title">
            <h3 id="privacy-download-title">{t('privacy.download.title')}</h3>
            <div className="privacy-actions">
              <button
                type="button"
                className="button"
                disabled={download.isPending}
                onClick={() => download.mutate('json')}
                data-testid="privacy-download-json"
              >
                {t('privacy.download.json')}
              </button>
              <button
                type="button"
                className="button"
                disabled={download.isPending}
                onClick={() => download.mutate('html')}
                data-testid="privacy-download-html"
              >
                {t('privacy.download.html')}
              </button>
            </div>
            {download.isPending && (
              <p className="privacy-muted" role="status">
                {t('privacy.download.working')}
              </p>
            )}
            {download.isError && !expired && (
              <p className="privacy-error" role="alert" data-testid="privacy-download-error">
                {t('privacy.download.failed')}
              </p>
            )}
          </section>

          <section className="privacy-panel" aria-labelledby="privacy-erasure-title">
            <h3 id="privacy-erasure-title">{t('privacy.erasure.title')}</h3>
            <p>{t('privacy.erasure.text')}</p>
            <button
              type="button"
              className="button button--danger"
              onClick={() => {
                erase.reset();
                setConfirming(true);
              }}
              data-testid="privacy-erasure-ask"
            >
              {t('privacy.erasure.ask')}
            </button>
          </section>
        </>
      )}

      {confirming && (
        <ConfirmDialog
          title={t('privacy.erasure.confirmTitle')}
          confirmLabel={t('privacy.erasure.confirm')}
          danger
          busy={erase.isPending}
          error={erase.isError ? t('privacy.erasure.failed') : null}
          onConfirm={() => void askErasure()}
          onCancel={() => setConfirming(false)}
          testId="privacy-erasure-dialog"
        >
          <p data-testid="privacy-erasure-removed">{t('privacy.erasure.removed')}</p>
          <p data-testid="privacy-erasure-kept">{t('privacy.erasure.kept')}</p>
          <p>
            <strong>{t('privacy.erasure.final')}</strong>
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}

/** The token is no longer accepted (expired, or void after an erasure). */
function isRefused(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}
