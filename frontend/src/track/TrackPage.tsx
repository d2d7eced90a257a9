import { useEffect } from 'react';
import { Link, Navigate, useLocation, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/i18n';
import { CitizenActions } from './CitizenActions';
import { TrackCodeForm } from './TrackCodeForm';
import { TrackTimeline } from './TrackTimeline';
import { useDateTimeFormat, useTrackLabels } from './trackLabels';
import { rememberSecret, secretFromFragment, storedSecret } from './reporterSecret';
import { normaliseTrackingCode } from './trackingCode';
import { useTrackedReport, type TrackedReport } from './trackQueries';
import './track.css';
import { Fact } from '../ui/Fact';
import { PhotoList } from '../ui/PhotoList';
import { handOverReporterLink } from '../privacy/reporterLinkHandoff';

/** `/track` asks for a code; `/track/:code` shows that report's public view. */
export default function TrackPage() {
  const { t } = useTranslation();
  const { code: rawCode } = useParams();
  const code = rawCode === undefined ? null : normaliseTrackingCode(rawCode);
  const location = useLocation();
  const navigate = useNavigate();
  // The private link's secret, from its fragment (kept for this code in this browser) or from an earlier visit.
  const linkSecret = secretFromFragment(location.hash);
  const secret = code ? (linkSecret ?? storedSecret(code)) : null;
  const state = useTrackedReport(code, secret);

  useEffect(() => {
    if (!code || !linkSecret) return;
    rememberSecret(code, linkSecret);
    // The address bar no longer shows the secret (a screenshot or a shared address would carry it).
    // The router's navigation finishes on its own: nothing here waits for it.
    void navigate({ pathname: location.pathname, search: location.search }, { replace: true });
  }, [code, linkSecret, location.pathname, location.search, navigate]);

  // One address per report: a code typed in lowercase or without dashes goes to its canonical URL.
  if (rawCode !== undefined && code !== null && code !== rawCode)
    return <Navigate to={{ pathname: `/track/${code}`, hash: location.hash }} replace />;

  return (
    <div className="page track-page" data-testid="track-page">
      <h1>{t('track.title')}</h1>
      <TrackCodeForm key={code ?? ''} initial={code ?? rawCode ?? ''} autoFocus={rawCode === undefined} />

      {rawCode !== undefined && code === null && (
        <p className="track-notice" role="alert" data-testid="track-invalid-code">
          {t('track.invalidCode', { code: rawCode })}
        </p>
      )}
      {code !== null && state.status === 'loading' && (
        <p className="track-muted" role="status" data-testid="track-loading">
          {t('common.loading')}
        </p>
      )}
      {code !== null && state.status === 'notFound' && (
        <div className="track-notice" role="alert" data-testid="track-not-found">
          <p className="track-notice__title">{t('track.notFound.title', { code })}</p>
          <p>{t('track.notFound.body')}</p>
        </div>
      )}
      {code !== null && state.status === 'error' && (
        <p className="track-notice" role="alert" data-testid="track-error">
          {state.httpStatus === 0 ? t('track.errors.network') : t('track.errors.server', { status: state.httpStatus })}
        </p>
      )}
      {state.status === 'ready' && <TrackedReportView report={state.report} secret={secret} />}

      {rawCode === undefined && (
        <p className="track-muted">
          {t('track.noCode')} <Link to="/report">{t('report.navLabel')}</Link>
        </p>
      )}
      <p className="track-muted">
        <Link to="/privacy" data-testid="track-privacy-page">
          {t('privacy.footerLink')}
        </Link>
      </p>
    </div>
  );
}

function TrackedReportView({ report, secret }: { report: TrackedReport; secret: string | null }) {
  const { t } = useTranslation();
  const english = currentLanguage() === 'en';
  const labels = useTrackLabels();
  const formatDate = useDateTimeFormat();
  const unit = report.assignedUnit;
  const unitKind = unit ? labels.unitKind(unit.kind) : null;

  return (
    <article className="track-report" data-testid="track-report" data-code={report.code}>
      <header className="track-report__head">
        <p className="track-report__code" data-testid="track-code">
          {report.code}
        </p>
        <p className={`track-status track-status--${report.status}`} data-testid="track-status" data-status={report.status}>
          {labels.status(report.status)}
        </p>
      </header>

      <dl className="track-facts">
        <Fact label={t('track.fields.category')} data-testid="track-category">
          {english ? report.category.nameEn : report.category.nameVi}
        </Fact>
        <Fact label={t('track.fields.ward')} data-testid="track-ward" data-code={report.ward.code}>
          {report.ward.name}
        </Fact>
        <Fact label={t('track.fields.unit')} data-testid="track-unit">
          {unit ? (
            <>
              {english ? unit.nameEn || unit.name : unit.name}
              {unitKind && <span className="track-muted"> · {unitKind}</span>}
            </>
          ) : (
            t('track.unassigned')
          )}
        </Fact>
        {report.address && (
          <Fact label={t('track.fields.address')} data-testid="track-address">
            {report.address}
          </Fact>
        )}
        <Fact label={t('track.fields.createdAt')} data-testid="track-created-at">
          <time dateTime={report.createdAt}>{formatDate(report.createdAt)}</time>
        </Fact>
        <Fact label={t('track.fields.updatedAt')} data-testid="track-updated-at">
          <time dateTime={report.updatedAt}>{formatDate(report.updatedAt)}</time>
        </Fact>
        <Fact label={t('track.fields.followers')} data-testid="track-followers" data-count={report.followerCount}>
          {report.followerCount > 0 ? t('track.followers', { count: report.followerCount }) : t('track.noFollowers')}
        </Fact>
      </dl>

      <CitizenActions key={`${report.status}-${report.updatedAt}`} report={report} secret={secret} />

      {report.asReporter && secret && (
        // The code goes in the address; the secret stays in this browser (its storage, or the tab's memory when storage is refused).
        <p className="track-privacy">
          <Link
            to={{ pathname: '/privacy', search: `?code=${report.code}` }}
            onClick={() => handOverReporterLink(report.code, secret)}
            data-testid="track-privacy-link"
          >
            {t('track.privacyLink')}
          </Link>
        </p>
      )}

      <section className="track-section" aria-labelledby="track-description-title">
        <h2 id="track-description-title">{t('track.fields.description')}</h2>
        <p className="track-description" data-testid="track-description">
          {report.description}
        </p>
      </section>

      {report.photos.length > 0 && (
        <section className="track-section" aria-labelledby="track-photos-title">
          <h2 id="track-photos-title">{t('track.fields.photos')}</h2>
          <PhotoList photos={report.photos} className="track-photos" testId="track-photos" photoTestId="track-photo" sized />
        </section>
      )}

      <section className="track-section" aria-labelledby="track-timeline-title">
        <h2 id="track-timeline-title">{t('track.timeline')}</h2>
        <TrackTimeline events={report.timeline} />
      </section>
    </article>
  );
}
