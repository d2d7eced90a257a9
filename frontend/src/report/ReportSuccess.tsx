import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { FiledReport } from '../api/intakeQueries';
import { currentLanguage } from '../i18n/i18n';
import { rememberSecret } from '../track/reporterSecret';
import { categoryName } from './categoryGroups';

type CopyState = 'idle' | 'copied' | 'failed';

async function copyText(text: string): Promise<boolean> {
  // The async clipboard exists only in secure contexts.
  if (!navigator.clipboard) return false;
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function ReportSuccess({ report, onAnother }: { report: FiledReport; onAnother(): void }) {
  const { t } = useTranslation();
  const [copy, setCopy] = useState<CopyState>('idle');
  const [linkCopy, setLinkCopy] = useState<CopyState>('idle');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const codeRef = useRef<HTMLElement>(null);
  const reporterLink = new URL(report.reporterUrl, window.location.origin).toString();

  // The page changes under a screen reader's cursor; the heading announces the outcome.
  useEffect(() => headingRef.current?.focus(), []);
  // This browser keeps the secret for the code, so "Track" below can act too.
  useEffect(() => rememberSecret(report.code, report.reporterSecret), [report.code, report.reporterSecret]);

  const onCopyLink = async () => setLinkCopy((await copyText(reporterLink)) ? 'copied' : 'failed');

  const onCopy = async () => {
    if (await copyText(report.code)) {
      setCopy('copied');
      return;
    }
    // Without a clipboard the code is selected, ready for the system's own copy.
    const node = codeRef.current;
    const selection = window.getSelection();
    if (node && selection) {
      const range = document.createRange();
      range.selectNodeContents(node);
      selection.removeAllRanges();
      selection.addRange(range);
    }
    setCopy('failed');
  };

  return (
    <section className="report-success" data-testid="report-success" aria-labelledby="report-success-title">
      <h1 id="report-success-title" ref={headingRef} tabIndex={-1}>
        {t('report.success.title')}
      </h1>
      <p>
        {t('report.success.body', {
          category: categoryName(report.category, currentLanguage()),
          ward: report.ward.name,
        })}
      </p>
      <div className="report-success__code-box">
        <p className="report-success__code-label">{t('report.success.codeLabel')}</p>
        <code className="report-success__code" ref={codeRef} data-testid="report-tracking-code">
          {report.code}
        </code>
        <div className="report-success__actions">
          <button type="button" className="button report-button--secondary" data-testid="report-copy-code" onClick={() => void onCopy()}>
            {t('report.success.copy')}
          </button>
          <span role="status" className="report-muted" data-testid="report-copy-status">
            {copy === 'copied' ? t('report.success.copied') : copy === 'failed' ? t('report.success.copyManually') : ''}
          </span>
        </div>
      </div>
      <p className="report-muted">{t('report.success.keepCode')}</p>
      <div className="report-success__code-box" data-testid="report-reporter-link-box">
        <p className="report-success__code-label">{t('report.success.linkLabel')}</p>
        <a className="report-success__link" href={reporterLink} data-testid="report-reporter-link">
          {reporterLink}
        </a>
        <p className="report-success__keep" role="note">
          {t('report.success.keepLink')}
        </p>
        <div className="report-success__actions">
          <button
            type="button"
            className="button report-button--secondary"
            data-testid="report-copy-link"
            onClick={() => void onCopyLink()}
          >
            {t('report.success.copyLink')}
          </button>
          <span role="status" className="report-muted">
            {linkCopy === 'copied' ? t('report.success.linkCopied') : linkCopy === 'failed' ? t('report.success.copyManually') : ''}
          </span>
        </div>
      </div>
      <p className="report-success__links">
        <Link to={`/track/${encodeURIComponent(report.code)}`} className="button" data-testid="report-track-link">
          {t('report.success.track')}
        </Link>
        <button type="button" className="button report-button--secondary" data-testid="report-another" onClick={onAnother}>
          {t('report.success.another')}
        </button>
      </p>
    </section>
  );
}
