import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/useAuth';
import { useUnitName } from '../auth/useUnitName';

/** The landing page of every audience: who you are here and what this system expects of you. */
export function HomePage() {
  const { t } = useTranslation();
  const { user, audience } = useAuth();
  const unitName = useUnitName(user?.unit ?? null);

  return (
    <section className="page page--narrow home" data-testid="home-page" data-audience={audience}>
      <h1 data-testid="home-greeting">{user ? t('home.greeting', { name: user.fullName }) : t('home.greetingCitizen')}</h1>
      <dl className="home__facts">
        <div>
          <dt>{t('home.role')}</dt>
          <dd data-testid="home-role">{t(`roles.${audience}`)}</dd>
        </div>
        {user && (
          <div>
            <dt>{t('home.unit')}</dt>
            <dd data-testid="home-unit">
              {unitName ?? t('home.noUnit')}
              {user.unit && isKnownUnitKind(user.unit.kind) && (
                <span className="home__unit-kind"> · {t(`unitKinds.${user.unit.kind}`)}</span>
              )}
            </dd>
          </div>
        )}
      </dl>
      <p className="home__duty" data-testid="home-duty">
        {t(`home.duty.${audience}`)}
      </p>
      {audience === 'citizen' && (
        <p>
          <Link to="/report" className="button" data-testid="home-report">
            {t('report.homeAction')}
          </Link>
        </p>
      )}
      <p>
        {/* For citizens, filing a report is the main action; tracking and the map are secondary. */}
        {audience === 'citizen' && (
          <>
            <Link to="/track" data-testid="home-track">
              {t('report.homeTrack')}
            </Link>
            {' · '}
          </>
        )}
        <Link to="/map" className={audience === 'citizen' ? undefined : 'button'} data-testid="home-open-map">
          {t('home.openMap')}
        </Link>
        {audience === 'citizen' && (
          <>
            {' · '}
            <Link to="/privacy" data-testid="home-privacy">
              {t('privacy.footerLink')}
            </Link>
          </>
        )}
      </p>
    </section>
  );
}

const UNIT_KINDS = ['ward_committee', 'department', 'utility', 'city'] as const;

function isKnownUnitKind(kind: string): kind is (typeof UNIT_KINDS)[number] {
  return (UNIT_KINDS as readonly string[]).includes(kind);
}
